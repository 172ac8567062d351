import { describe, expect, it } from "vitest";
import { codeParam, decodeCode, encodeCode, MAX_SHARED_CODE_BYTES, shareUrl } from "./share-link.ts";

async function encoded(code: string): Promise<string> {
  const r = await encodeCode(code);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const program = `import { go, chan } from "chanscope";\n\nexport default async function main() {\n  const c = chan<string>();\n  go(async () => { await c.send("héllo ✓ 世界"); });\n  console.log(await c.recv());\n}\n`;

describe("share links", () => {
  it("round-trips a program, including non-ASCII text", async () => {
    expect(await decodeCode(await encoded(program))).toEqual({ ok: true, code: program });
  });

  it("uses only URL-safe characters and compresses", async () => {
    const value = await encoded(program.repeat(20));
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(value.length).toBeLessThan(program.length * 2);
  });

  it("round-trips the empty program and a program of exactly the size limit", async () => {
    expect(await decodeCode(await encoded(""))).toEqual({ ok: true, code: "" });
    const big = "x".repeat(MAX_SHARED_CODE_BYTES);
    expect(await decodeCode(await encoded(big))).toEqual({ ok: true, code: big });
  });

  it("refuses to encode more than 64 KB of code, saying how big it is", async () => {
    const r = await encodeCode("y".repeat(MAX_SHARED_CODE_BYTES + 1));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("at most 64 KB");
  });

  it("rejects a link that expands past 64 KB without inflating it all", async () => {
    // Build a valid deflate stream of 1 MB of zeros by hand: the encoder would refuse it.
    const bytes = new TextEncoder().encode("0".repeat(1024 * 1024));
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
    const value = btoa(String.fromCharCode(...compressed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const r = await decodeCode(value);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain("more than 64 KB");
  });

  it("rejects a truncated link", async () => {
    const value = await encoded(program);
    const r = await decodeCode(value.slice(0, Math.floor(value.length / 2)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/incomplete|damaged/);
  });

  it("rejects characters a link never has, and an empty value", async () => {
    expect((await decodeCode("abc$def")).ok).toBe(false);
    expect((await decodeCode("")).ok).toBe(false);
  });

  it("rejects bytes that inflate to invalid UTF-8", async () => {
    const raw = new Uint8Array([0xff, 0xfe, 0xfd]);
    const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
    const value = btoa(String.fromCharCode(...compressed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const r = await decodeCode(value);
    expect(!r.ok && r.message).toContain("not valid text");
  });

  it("reads the code parameter from a fragment and builds /play URLs", async () => {
    const value = await encoded(program);
    const url = new URL(shareUrl("https://chanscope.example", value));
    expect(url.pathname).toBe("/play");
    expect(codeParam(url.hash)).toBe(value);
    expect(codeParam("#other=1")).toBeUndefined();
  });
});
