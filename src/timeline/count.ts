// Counts in words: 107197 → "107,197", as toLocaleString("en") writes whole numbers. The first
// toLocaleString on a fresh page starts ICU (15–20 ms measured in Chromium), which the timeline's
// first draw should not pay for a comma.

export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en");
  const digits = String(Math.abs(n));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? "," : "") + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 ? `-${out}` : out;
}
