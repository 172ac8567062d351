// go, panic, numGoroutine and __loc: the task-level functions of the public API.

import { GoPanic } from "./errors.ts";
import { formatTop } from "./format.ts";
import { active, activeRun } from "./scheduler.ts";

/**
 * Go's `go f()`: runs `fn` in a new task (goroutine). It starts when the scheduler gets to it,
 * not now. `go("worker-1", fn)` names the task for the timeline and reports. Returns nothing.
 */
export function go(fn: () => unknown): void;
/** Go's `go f()` with a name for the task: it shows in the timeline and in reports. */
export function go(name: string, fn: () => unknown): void;
export function go(a: string | (() => unknown), b?: () => unknown): void {
  const run = activeRun();
  run.step();
  const fn = typeof a === "function" ? a : b;
  if (typeof fn !== "function") throw new TypeError("go: pass the function to run, e.g. go(async () => { … }) or go(\"name\", async () => { … })");
  run.spawn(fn, typeof a === "string" ? a : undefined, run.current);
}

/**
 * Go's `panic(v)`: stops the task; unless something catches it, the program ends with outcome
 * "panic" and the report `panic: v`.
 */
export function panic(value: unknown): never {
  throw new GoPanic(value instanceof Error ? value.message : formatTop(value), value);
}

/** Go's `runtime.NumGoroutine()`: tasks alive now, main included. */
export function numGoroutine(): number {
  return activeRun().alive;
}

/**
 * Instrumentation hook (the sandbox inserts the calls): "the current task is at this line and
 * column of the user's source". Not for hand-written code.
 */
export function __loc(line: number, column: number): void {
  const run = active;
  if (run === null) return;
  const t = run.current;
  if (t !== null) {
    t.line = line;
    t.column = column;
  }
}
