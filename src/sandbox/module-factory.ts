// A compiled user module as a function: `factory(require, exports)` runs the module's top level
// and fills `exports`. Both runners load programs this way, so nothing of the user's code runs
// before the runner calls the factory inside main's task (DESIGN §3: channels made at top level
// belong to the run), and no runner needs the module loader to find "chanscope": `require`
// hands over the runtime the runner itself imported.
//
// Sucrase's "imports" transform turns the ES module into a CommonJS body and keeps every line.

import { transform } from "sucrase";
import { ALLOWED_IMPORTS } from "./compile.ts";

export type ModuleRequire = (specifier: string) => unknown;
export type ModuleFactory = (require: ModuleRequire, exports: Record<string, unknown>) => Promise<void>;

/** The body of the factory function for a module compiled by compileUserModule. */
export function factoryBody(compiledJs: string): string {
  return transform(compiledJs, { transforms: ["imports"], production: true }).code;
}

/**
 * The factory as the source of an ES module whose default export is the factory, for the worker
 * to import from a blob: URL (no eval, so the CSP needs no 'unsafe-eval'). The header shares the
 * body's first line, so line numbers stay the user's.
 */
export function factoryModuleSource(compiledJs: string): string {
  return `export default async function chanscopeProgram(require, exports) {${factoryBody(compiledJs)}\n}\n`;
}

/** A `require` that knows only the allowed modules (compileUserModule has rejected the rest). */
export function requireFrom(modules: Record<(typeof ALLOWED_IMPORTS)[number], unknown>): ModuleRequire {
  return (specifier) => {
    if (!Object.hasOwn(modules, specifier)) {
      throw new Error(`Cannot load "${specifier}": programs here can use only ${ALLOWED_IMPORTS.map((m) => `"${m}"`).join(" and ")}.`);
    }
    return modules[specifier as keyof typeof modules];
  };
}
