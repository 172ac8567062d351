// The code a playground starts from: the lesson's source without its trailing `// Output:`
// comment block (the expected output is shown on its own, and the highlighted view drops the
// block too) and without trailing newlines, so the editor has exactly the lines the reader saw
// and the swap from highlighted code to editor keeps its height.

const marker = /^\s*\/\/\s*Output:\s*$/;
const commentOrBlank = /^\s*(\/\/.*)?$/;

export function startingCode(source: string): string {
  const lines = source.replace(/\n+$/, "").split("\n");
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i] ?? "";
    if (marker.test(line)) return lines.slice(0, i).join("\n").replace(/\s+$/, "");
    if (!commentOrBlank.test(line)) break;
  }
  return lines.join("\n");
}
