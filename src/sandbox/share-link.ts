// Share links: a program travels in the URL fragment as `#code=<base64url(deflate-raw(utf-8))>`.
// The fragment never reaches a server. Decoding is defensive: a link may be cut off by a chat
// client, edited by hand or made up, so every failure is a sentence the page can show.
// Uses the platform's CompressionStream (browsers and Node ≥ 18), no library.

/** Programs above this size are not shared as links (and links that expand past it are refused). */
export const MAX_SHARED_CODE_BYTES = 64 * 1024;

export type DecodeResult = { ok: true; code: string } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | "too-large"> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Encodes a program as the fragment value (without `#code=`); an error message if it is too large. */
export async function encodeCode(code: string): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  const bytes = new TextEncoder().encode(code);
  if (bytes.length > MAX_SHARED_CODE_BYTES) {
    return {
      ok: false,
      message: `This program is ${Math.ceil(bytes.length / 1024)} KB; share links carry at most ${MAX_SHARED_CODE_BYTES / 1024} KB of code. Copy the code instead.`,
    };
  }
  const compressed = await pipeThrough(bytes, new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  return { ok: true, value: toBase64Url(compressed as Uint8Array) };
}

/** Decodes a fragment value made by encodeCode. */
export async function decodeCode(value: string): Promise<DecodeResult> {
  const bytes = fromBase64Url(value.trim());
  if (!bytes || bytes.length === 0) {
    return { ok: false, message: "This share link is damaged: its code part contains characters a share link never has. Ask for the link again." };
  }
  let inflated: Uint8Array | "too-large";
  try {
    inflated = await pipeThrough(bytes, new DecompressionStream("deflate-raw"), MAX_SHARED_CODE_BYTES);
  } catch {
    return { ok: false, message: "This share link is incomplete or damaged (it may have been cut off when it was copied). Ask for the whole link again." };
  }
  if (inflated === "too-large") {
    return { ok: false, message: `This share link holds more than ${MAX_SHARED_CODE_BYTES / 1024} KB of code, more than the playground opens from a link.` };
  }
  try {
    return { ok: true, code: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, message: "This share link is damaged: its code is not valid text. Ask for the link again." };
  }
}

/** The `code` parameter of a URL fragment such as `#code=…`, or undefined when there is none. */
export function codeParam(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("code") ?? undefined;
}

/** A full share URL for `/play`, given the site origin (e.g. location.origin). */
export function shareUrl(origin: string, encoded: string): string {
  return `${origin}/play#code=${encoded}`;
}
