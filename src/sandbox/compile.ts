// Turns the user's TypeScript module into JavaScript the sandbox can run, the same way in the
// worker and in Node: sucrase strips the types (keeping ESM and every line where it was), acorn
// parses the result, imports are checked, and the location instrumenter (instrument.ts) adds
// `__loc` calls. Errors are reported at the user's line and column, in a sentence that says what
// to do; they never carry a stack.

import { parse, type Node } from "acorn";
import { transform } from "sucrase";
import { applyEdits, locEdits, LOC_FUNCTION, LOC_VALUE_FUNCTION, walk } from "./instrument.ts";
import { originalPositionFor, type Position } from "./source-map.ts";

/** The modules user code may import. Anything else would be a file or a network fetch. */
export const ALLOWED_IMPORTS = ["chanscope", "xstate"] as const;
export type AllowedImport = (typeof ALLOWED_IMPORTS)[number];

/** A compile error; `line` and `column` are 1-based positions in the user's source. */
export interface CompileError {
  message: string;
  line: number;
  column: number;
}

export type CompileResult = { ok: true; js: string } | { ok: false; error: CompileError };

type AnyNode = Node & Record<string, unknown>;

class UserCodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function isAllowed(specifier: string): specifier is AllowedImport {
  return (ALLOWED_IMPORTS as readonly string[]).includes(specifier);
}

/** Sucrase's and acorn's messages end in " (3:14)"; we report the position separately. */
function withoutPosition(message: string): string {
  return message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)\s*$/, "");
}

function transpile(source: string): { code: string; mappings: string } {
  try {
    const out = transform(source, {
      transforms: ["typescript"],
      filePath: "main.ts",
      sourceMapOptions: { compiledFilename: "main.js" },
      // Keep `import { x } from "mod"` even when x looks unused, so every import is checked.
      keepUnusedImports: true,
    });
    return { code: out.code, mappings: out.sourceMap?.mappings ?? "" };
  } catch (e) {
    const loc = (e as { loc?: { line?: number; column?: number } }).loc;
    const message = e instanceof Error ? withoutPosition(e.message) : String(e);
    // Sucrase reports 1-based columns.
    throw new UserCodeError(`${message}: check the syntax here.`, loc?.line ?? 1, loc?.column ?? 1);
  }
}

function parseModule(js: string, toUser: (p: Position) => Position): AnyNode {
  try {
    return parse(js, { ecmaVersion: "latest", sourceType: "module", locations: true }) as unknown as AnyNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const user = loc ? toUser(loc) : { line: 1, column: 0 };
    const message = e instanceof Error ? withoutPosition(e.message) : String(e);
    throw new UserCodeError(`${message}: check the syntax here.`, user.line, user.column + 1);
  }
}

/** Checks imports, exports and reserved names. */
function checkModule(program: AnyNode, toUser: (p: Position) => Position): void {
  let hasDefault = false;
  const fail = (node: AnyNode, message: string): never => {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const user = toUser({ line: start.line, column: start.column });
    throw new UserCodeError(message, user.line, user.column + 1);
  };
  walk(program, (node) => {
    switch (node.type) {
      case "ImportDeclaration":
      case "ExportAllDeclaration":
      case "ExportNamedDeclaration": {
        const source = node.source as AnyNode | null | undefined;
        if (!source) break;
        const specifier = String(source.value);
        if (!isAllowed(specifier)) {
          fail(
            source,
            `Cannot import "${specifier}": programs here can import only from "chanscope" (and "xstate" for state machines). ` +
              `The sandbox has no files or network; use chanscope's sleep, channels and timers to stand in for I/O.`,
          );
        }
        break;
      }
      case "ExportDefaultDeclaration":
        hasDefault = true;
        break;
      case "ImportExpression":
        fail(node, `import() is not available here: import from "chanscope" at the top of the file instead.`);
        break;
      case "Identifier":
        if (node.name === LOC_FUNCTION || node.name === LOC_VALUE_FUNCTION) {
          fail(node, `The name ${String(node.name)} is reserved by the playground (it tracks which line each task is at); choose another name.`);
        }
        break;
    }
  });
  if (!hasDefault) {
    throw new UserCodeError(
      `The program has no default export: add \`export default async function main() { … }\`; the playground runs it.`,
      1,
      1,
    );
  }
}

/**
 * Compiles a user module. On success the JavaScript is an ES module with the same lines as the
 * source, importing `__loc` from "chanscope" (on the first line) and calling it just before each
 * runtime operation and spawn (see instrument.ts).
 */
export function compileUserModule(source: string): CompileResult {
  try {
    const { code, mappings } = transpile(source);
    const toUser = originalPositionFor(mappings);
    const program = parseModule(code, toUser);
    checkModule(program, toUser);
    // On the first line, so every other line keeps its number.
    const preamble =
      `import { ${LOC_FUNCTION} } from "chanscope"; ` +
      `const ${LOC_VALUE_FUNCTION} = (line, column, value) => (${LOC_FUNCTION}(line, column), value); `;
    return { ok: true, js: preamble + applyEdits(code, locEdits(program, toUser)) };
  } catch (e) {
    if (e instanceof UserCodeError) {
      return { ok: false, error: { message: e.message, line: e.line, column: e.column } };
    }
    throw e;
  }
}
