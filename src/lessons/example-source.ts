// Checks on the TypeScript of a runnable block, and its `// Output:` comment (as in Go example
// tests: the comment lines after `// Output:` are the exact console output, one per line).
// These are line-based reads of the source, not a TypeScript parse: enough to give the author a
// precise message; the sandbox compiles the code for real when it runs.

/** Modules lesson code may import; everything else is unavailable in the sandbox. */
export const allowedImports = ["chanscope", "xstate"] as const;

export interface SourceProblem {
  /** 0-based line within the code block. */
  offset: number;
  message: string;
}

const mainPattern = /^\s*export\s+default\s+(?:async\s+)?function\s+main\s*\(/m;
// `import … from "x"`, `import "x"`, `export … from "x"`; the specifier may follow a multi-line list.
const importPattern = /^\s*(?:import|export)\b(?:[^;"']*?\bfrom\s*)?\s*["']([^"']+)["']/gm;
const dynamicImportPattern = /\bimport\s*\(/g;

export function checkRunnableSource(code: string, what: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  if (!mainPattern.test(code)) {
    problems.push({ offset: 0, message: `${what} has no \`export default async function main()\`; the playground runs that function` });
  }
  let importsChanscope = false;
  for (const m of code.matchAll(importPattern)) {
    const spec = m[1];
    const offset = lineOffset(code, m.index + m[0].length);
    if (spec === "chanscope") importsChanscope = true;
    else if (!(allowedImports as readonly string[]).includes(spec)) {
      problems.push({ offset, message: `${what} imports "${spec}"; lesson code may import only from ${allowedImports.map((s) => `"${s}"`).join(" and ")}` });
    }
  }
  for (const m of code.matchAll(dynamicImportPattern)) {
    problems.push({ offset: lineOffset(code, m.index), message: `${what} uses a dynamic import(); import from "chanscope" at the top instead` });
  }
  if (!importsChanscope) {
    problems.push({ offset: 0, message: `${what} does not import from "chanscope"; add e.g. import { go, chan } from "chanscope"` });
  }
  return problems;
}

export type OutputResult =
  | { ok: true; output?: string[] }
  | { ok: false; problem: SourceProblem };

const outputMarker = /^\s*\/\/\s*Output:(.*)$/;
const commentLine = /^\s*\/\/ ?(.*)$/;

/**
 * The expected console output declared by a trailing `// Output:` block; undefined when the
 * code declares none. Text after `Output:` on the marker line is the first output line.
 */
export function readOutputBlock(code: string): OutputResult {
  const lines = code.replace(/\n+$/, "").split("\n");
  const marker = lines.findIndex((l) => outputMarker.test(l));
  if (marker < 0) return { ok: true };
  const output: string[] = [];
  const inline = outputMarker.exec(lines[marker])?.[1].trim() ?? "";
  if (inline !== "") output.push(inline);
  for (let i = marker + 1; i < lines.length; i++) {
    const m = commentLine.exec(lines[i]);
    if (!m) {
      return {
        ok: false,
        problem: {
          offset: i,
          message: `the \`// Output:\` block must end the code, but this line is not a \`// \` comment; move the code above \`// Output:\``,
        },
      };
    }
    output.push(m[1].trimEnd());
  }
  return { ok: true, output };
}

function lineOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
