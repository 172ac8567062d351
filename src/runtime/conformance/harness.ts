// Helpers for the conformance suite: run a program on chanscope the way the site does (through
// the public `run` of DESIGN §3) and read its result. Nothing here reaches into the runtime's
// internals, so these tests check the contract, not the implementation.
import { expect } from "vitest";
import { run } from "../run.ts";

export type RunOptions = NonNullable<Parameters<typeof run>[1]>;
export type RunResult = Awaited<ReturnType<typeof run>>;
export type { TraceEvent } from "../trace.ts";
import type { TraceEvent } from "../trace.ts";

/** Runs `main` with the given seed (and options); never throws for a failed program. */
export function runProgram(main: () => unknown, options: RunOptions = {}): Promise<RunResult> {
  return run(main, { seed: 1, ...options });
}

/** Runs `main` and asserts it ended "ok"; the failure message carries the runtime's report. */
export async function runOk(main: () => unknown, options: RunOptions = {}): Promise<RunResult> {
  const result = await runProgram(main, options);
  expect(result.outcome, `expected outcome ok; report:\n${result.report}`).toBe("ok");
  return result;
}

/** The printed lines of a run, in order. */
export function lines(result: RunResult): string[] {
  return result.output.map((o) => o.text);
}

/** The events of one kind, typed as that kind. */
export function eventsOf<K extends TraceEvent["kind"]>(result: RunResult, kind: K): Extract<TraceEvent, { kind: K }>[] {
  return result.trace.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
}

/** The task record of the task with this name (names given with go(name, fn)). */
export function taskNamed(result: RunResult, name: string): RunResult["tasks"][number] {
  const t = result.tasks.find((x) => x.name === name);
  if (!t) throw new Error(`no task named ${name}; tasks: ${result.tasks.map((x) => x.name).join(", ")}`);
  return t;
}

/** Fails the running chanscope program the way Go's test programs do: panic("…"). */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
