import { describe, expect, it } from "vitest";
import { compileUserModule } from "./compile.ts";

function compiled(source: string): string {
  const r = compileUserModule(source);
  if (!r.ok) throw new Error(`expected to compile, got ${r.error.line}:${r.error.column} ${r.error.message}`);
  return r.js;
}

function failure(source: string) {
  const r = compileUserModule(source);
  if (r.ok) throw new Error("expected a compile error");
  return r.error;
}

const lines = (js: string) => js.split("\n");

describe("compileUserModule", () => {
  it("strips types and keeps every line where the user wrote it", () => {
    const source = [
      'import { chan, type Chan } from "chanscope";',
      "interface Job { id: number }",
      "export default async function main(): Promise<void> {",
      "  const c: Chan<Job> = chan<Job>(1);",
      "  console.log(c.cap as number);",
      "}",
    ].join("\n");
    const js = compiled(source);
    expect(lines(js)).toHaveLength(6);
    expect(lines(js)[3]).toBe("  const c = chan(1);");
    expect(js).not.toContain("interface");
  });

  it("marks each await with the user's line and column, even where types shortened the line", () => {
    const source = [
      'import { chan } from "chanscope";',
      "export default async function main() {",
      "  const c = chan<number>(1);",
      "  const v: number | undefined = await c.recv();",
      "}",
    ].join("\n");
    // `await` is at column 32 (0-based) of line 4 in the source, though earlier in the output.
    expect(lines(compiled(source))[3]).toBe("  const v = await __locv(4, 32, c).recv();");
  });

  it("marks go(…) and x.go(…) through their last argument, keeping the call's value", () => {
    const source = [
      'import { go, WaitGroup } from "chanscope";',
      "export default async function main() {",
      "  const wg = new WaitGroup()",
      '  go("worker", async () => {})',
      "  await wg.go(async () => {})",
      "}",
    ].join("\n");
    const out = lines(compiled(source));
    expect(out[3]).toBe('  go("worker", __locv(4, 2, async () => {}))');
    expect(out[4]).toBe("  await wg.go(__locv(5, 2, __locv(5, 8, async () => {})))");
  });

  it("a go call on the line after an expression without a semicolon is not glued to it", () => {
    const js = compiled('import { go } from "chanscope";\nexport default async function main() {\n  const f = () => 1\n  go(f)\n}');
    expect(lines(js)[3]).toBe("  go(__locv(4, 2, f))");
  });

  it("puts a for-await loop's line back after each body so a blocked loop reports its own line", () => {
    const source = [
      'import { chan } from "chanscope";',
      "export default async function main() {",
      "  const c = chan<number>();",
      "  for await (const v of c) { if (v) continue; await c.recv() }",
      "  for await (const v of c) console.log(v)",
      "}",
    ].join("\n");
    const out = lines(compiled(source));
    expect(out[3]).toBe(
      "  for await (const v of __locv(4, 2, c)) try { if (v) continue; await __locv(4, 46, c).recv() } finally { __loc(4, 2); }",
    );
    expect(out[4]).toBe("  for await (const v of __locv(5, 2, c)) try { console.log(v) } finally { __loc(5, 2); }");
  });

  it("marks panic(…) and throw with their line", () => {
    const js = compiled('import { panic } from "chanscope";\nexport default async function main() {\n  if (1) panic("x");\n  throw new Error("y");\n}');
    expect(lines(js)[2]).toBe('  if (1) panic(__locv(3, 9, "x"));');
    expect(lines(js)[3]).toBe('  throw __locv(4, 2, new Error("y"));');
  });

  it("nested awaits each get their own location", () => {
    const js = compiled('export default async function main() {\n  await await Promise.resolve(1)\n}');
    expect(lines(js)[1]).toBe("  await (__loc(2, 2), await Promise.resolve(__locv(2, 8, 1)))");
  });

  it("imports __loc from chanscope and defines __locv on the first line", () => {
    const js = compiled('import { sleep } from "chanscope";\nexport default async function main() { await sleep(1) }');
    expect(lines(js)[0]).toBe(
      'import { __loc } from "chanscope"; const __locv = (line, column, value) => (__loc(line, column), value); import { sleep } from "chanscope";',
    );
  });

  it("records an operation's location after its operands, so an awaited argument cannot overwrite it", () => {
    const js = compiled('export default async function main() {\n  await ch.send(await get());\n}');
    expect(lines(js)[1]).toBe("  await ch.send(__locv(2, 2, await (__loc(2, 16), get())));");
  });

  it("adds the chanscope import when the program has none", () => {
    const js = compiled("export default async function main() { await null }");
    expect(js.startsWith('import { __loc } from "chanscope"; ')).toBe(true);
  });

  it("rejects imports of anything but chanscope and xstate, at the specifier", () => {
    const error = failure('import { go } from "chanscope";\nimport fs from "node:fs";\nexport default function main() {}');
    expect(error).toMatchObject({ line: 2, column: 16 });
    expect(error.message).toContain('Cannot import "node:fs"');
    expect(error.message).toContain('only from "chanscope"');
  });

  it("rejects an import kept only for its side effects and re-exports from other modules", () => {
    expect(failure('import "./setup";\nexport default function main() {}').line).toBe(1);
    expect(failure('export * from "node:os";\nexport default function main() {}').message).toContain('"node:os"');
  });

  it("rejects dynamic import()", () => {
    const error = failure('export default async function main() {\n  await import("chanscope")\n}');
    expect(error.line).toBe(2);
    expect(error.message).toContain("import() is not available");
  });

  it("reports a syntax error at the user's line and column without sucrase's file prefix", () => {
    const error = failure("export default function main() {\n  const x = 1 +;\n}");
    expect(error).toMatchObject({ line: 2, column: 16 });
    expect(error.message).toBe("Unexpected token: check the syntax here.");
  });

  it("reports a program without a default export", () => {
    expect(failure("const x = 1").message).toContain("export default async function main()");
  });

  it("reserves the __loc name", () => {
    expect(failure("const __loc = 1;\nexport default function main() {}").message).toContain("reserved");
    expect(failure("let __locv;\nexport default function main() {}").message).toContain("The name __locv is reserved");
  });
});
