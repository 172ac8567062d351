import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadLessons } from "../lessons/parse.ts";
import chanscopeTypes from "./chanscope.d.ts?raw";
import { SANDBOX_GLOBALS_TYPES } from "./extra-types.ts";
import { XSTATE_ENTRY, XSTATE_LIBS } from "./xstate-types.ts";

// The editor's xstate typings, checked the way Monaco's TypeScript will use them: the same
// compiler options (monaco-setup.ts), the same virtual files, and the lessons' own programs.

const pathOf = (uri: string): string => uri.replace(/^file:\/\//, "");

/** Monaco's options (monaco-setup.ts); node10 resolution is what Monaco's TypeScript offers. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  ignoreDeprecations: "6.0",
  lib: ["lib.esnext.d.ts"],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  types: [],
};

/** Type errors of programs (path → source) compiled against the editor's extra libs. */
function diagnose(programs: Record<string, string>): string[] {
  const virtual = new Map<string, string>([
    ...XSTATE_LIBS.map((l) => [pathOf(l.path), l.text] as const),
    ["/node_modules/chanscope/index.d.ts", chanscopeTypes],
    ["/sandbox-globals.d.ts", SANDBOX_GLOBALS_TYPES],
    ...Object.entries(programs),
  ]);
  const base = ts.createCompilerHost(OPTIONS);
  const host: ts.CompilerHost = {
    ...base,
    getCurrentDirectory: () => "/",
    fileExists: (f) => virtual.has(f) || (!f.startsWith("/node_modules/") && base.fileExists(f)),
    readFile: (f) => virtual.get(f) ?? base.readFile(f),
    getSourceFile: (f, lang) => {
      const text = virtual.get(f);
      return text !== undefined ? ts.createSourceFile(f, text, lang) : base.getSourceFile(f, lang);
    },
    directoryExists: (d) => [...virtual.keys()].some((k) => k.startsWith(`${d}/`)) || (!d.startsWith("/node_modules") && (base.directoryExists?.(d) ?? false)),
  };
  // Monaco puts every extra lib in the program, as roots.
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("the editor's xstate typings", () => {
  it("are xstate's own declaration files, every import among them resolvable within the set", () => {
    const paths = new Set(XSTATE_LIBS.map((l) => pathOf(l.path)));
    expect(paths.has(pathOf(XSTATE_ENTRY))).toBe(true);
    expect(paths.has("/node_modules/xstate/dist/declarations/src/types.d.ts")).toBe(true);
    const missing: string[] = [];
    for (const lib of XSTATE_LIBS) {
      const from = pathOf(lib.path);
      for (const ref of ts.preProcessFile(lib.text, true, true).importedFiles) {
        if (!ref.fileName.startsWith(".")) {
          missing.push(`${from} imports the package "${ref.fileName}"`);
          continue;
        }
        const target = new URL(ref.fileName.replace(/\.js$/, ".d.ts"), `file://${from}`).pathname;
        const asIndex = new URL(`${ref.fileName}/index.d.ts`, `file://${from}`).pathname;
        if (!paths.has(target) && !paths.has(asIndex)) missing.push(`${from} imports ${ref.fileName}`);
      }
    }
    expect(missing).toEqual([]);
  });

  // One program for both checks below: building it (lib.esnext + xstate's types) takes seconds.
  const programs: Record<string, string> = {};
  for (const lesson of loadLessons()) {
    for (const part of lesson.slides.flatMap((sl) => sl.parts)) {
      const blocks = part.kind === "example" ? [[part.example.id, part.example.code]] : part.kind === "exercise" ? [[part.exercise.id, part.exercise.code], [`${part.exercise.id}-solution`, part.exercise.solution]] : [];
      for (const [id, code] of blocks as [string, { source: string } | undefined][]) {
        if (code !== undefined && /from "xstate"/.test(code.source)) programs[`/lessons/${lesson.slug}/${id}.ts`] = code.source;
      }
    }
  }
  const WRONG = `import { setup, createActor, assign } from "xstate";
const m = setup({
  types: { context: {} as { n: number }, events: {} as { type: "TICK" } },
  actions: { bump: assign({ n: ({ context }) => context.n + 1 }) },
}).createMachine({ id: "m", context: { n: 0 }, on: { TICK: { actions: "bump" } } });
const actor = createActor(m).start();
actor.send({ type: "TOCK" });
const n: string = actor.getSnapshot().context.n;
`;
  let memo: string[] | undefined;
  const errors = (): string[] => (memo ??= diagnose({ ...programs, "/wrong.ts": WRONG }));

  it("type every lesson program that imports xstate without errors", () => {
    expect(Object.keys(programs).length).toBeGreaterThanOrEqual(3);
    expect(errors().filter((e) => !e.startsWith("/wrong.ts:"))).toEqual([]);
  }, 120_000);

  it("are real types, not any: a misspelt event or a wrong use is an error the learner sees", () => {
    const wrong = errors().filter((e) => e.startsWith("/wrong.ts:"));
    expect(wrong.some((e) => e.startsWith("/wrong.ts:7:") && e.includes('"TOCK"'))).toBe(true);
    expect(wrong.some((e) => e.startsWith("/wrong.ts:8:") && e.includes("number") && e.includes("string"))).toBe(true);
    expect(wrong.length).toBe(2);
  }, 120_000);
});
