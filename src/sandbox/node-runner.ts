// Runs a user program in Node, on the same runtime module instance the caller imports: the lesson
// checker, the Vitest suite and benchmarks use it. The browser runs programs in the worker
// (worker.ts) instead; both compile with compileUserModule, so both see the same code.
//
// The module is loaded as a factory function (module-factory.ts); in Node the factory is made
// with the AsyncFunction constructor, which is fine here. The worker imports it from a blob: URL
// instead, so the site's CSP needs no 'unsafe-eval'.

import * as xstate from "xstate";
import * as chanscope from "../runtime/index.ts";
import { run, type RunResult } from "../runtime/run.ts";
import { withVirtualClock } from "../runtime/xstate.ts";
import { compileUserModule, type CompileError } from "./compile.ts";
import { factoryBody, requireFrom, type ModuleFactory } from "./module-factory.ts";
import { mainOf } from "./user-main.ts";

export interface NodeRunOptions {
  seed?: number;
  /** The runtime's explore mode: the seed also picks which runnable task goes next. */
  explore?: boolean;
  signals?: { at: number; name: string }[];
  trace?: boolean;
  limits?: { steps?: number; tasks?: number; virtualMs?: number };
}

export type NodeRunOutcome = { ok: true; result: RunResult } | { ok: false; error: CompileError };

const requireAllowed = requireFrom({ chanscope, xstate: withVirtualClock(xstate) });
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => ModuleFactory;

/** Returns a function that evaluates the compiled module and resolves to its exports. */
function moduleLoader(js: string): () => Promise<Record<string, unknown>> {
  const factory = new AsyncFunction("require", "exports", factoryBody(js));
  return async () => {
    const exports: Record<string, unknown> = {};
    await factory(requireAllowed, exports);
    return exports;
  };
}

/**
 * Compiles and runs a user program. The module is evaluated inside main's task (DESIGN §3), so
 * channels and tasks made at its top level belong to the run.
 */
export async function runUserSource(source: string, options: NodeRunOptions = {}): Promise<NodeRunOutcome> {
  const compiled = compileUserModule(source);
  if (!compiled.ok) return { ok: false, error: compiled.error };
  const load = moduleLoader(compiled.js);
  const result = await run(
    async () => {
      const main = mainOf(await load());
      return main();
    },
    { seed: options.seed ?? 1, explore: options.explore ?? false, signals: options.signals ?? [], trace: options.trace ?? true, limits: options.limits },
  );
  return { ok: true, result };
}
