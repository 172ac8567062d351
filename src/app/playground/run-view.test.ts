import { describe, expect, it } from "vitest";
import { runUserSource } from "../../sandbox/node-runner.ts";
import type { RunContext } from "../../sandbox/run-machine.ts";
import { consoleFromResult, consoleFromTrace, countAtOrBefore, markersOf, printSeqs, traceUpTo, outcomeOf, tasksFromResult, tasksFromTrace } from "./run-view.ts";

async function run(source: string) {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

const leaky = `import { go, chan, sleep } from "chanscope";
export default async function main() {
  const c = chan<number>(0, "results");
  go("worker", async () => {
    await c.send(1);
  });
  console.log("main", "starts");
  await sleep(10);
  console.log("main done");
}`;

const context = (result: Awaited<ReturnType<typeof run>>): RunContext => ({
  runId: 1,
  request: undefined,
  traceChunks: [],
  result,
  compileError: undefined,
  killed: undefined,
});

describe("run view", () => {
  it("the console from the streamed trace equals the console from the result", async () => {
    const result = await run(leaky);
    expect(consoleFromTrace(result.trace)).toEqual(consoleFromResult(result));
    expect(consoleFromResult(result)).toEqual([
      { t: 0, task: "main", text: "main starts" },
      { t: 10, task: "main", text: "main done" },
    ]);
  });

  it("the task table from a trace shows who waits on what, at which line", async () => {
    const result = await run(leaky);
    const worker = tasksFromTrace(result.trace).find((t) => t.name === "worker");
    expect(worker).toMatchObject({ parent: "main", state: "blocked", waitReason: "chan send", line: 5 });
    expect(tasksFromResult(result).find((t) => t.name === "worker")).toMatchObject({ state: "leaked (blocked)", waitReason: "chan send", line: 5 });
  });

  it("only one task is running at a time in a table built from a trace", async () => {
    const result = await run(`import { go, sleep } from "chanscope";
export default async function main() {
  for (let i = 0; i < 50; i++) go(async () => { await sleep(i); });
  await sleep(100);
}`);
    const partial = result.trace.slice(0, Math.floor(result.trace.length / 2));
    expect(tasksFromTrace(partial).filter((t) => t.state === "running").length).toBeLessThanOrEqual(1);
  });

  it("says a leaking run finished with leaks, and marks the leaked task's line as a warning", async () => {
    const result = await run(leaky);
    const view = outcomeOf("finished", context(result));
    expect(view.kind).toBe("leaks");
    expect(view.headline).toBe("Finished at 10 ms (virtual), leaking 1 task (worker).");
    expect(markersOf("finished", context(result))).toEqual([
      expect.objectContaining({ line: 5, severity: "warning", message: expect.stringContaining('task "worker"') }),
    ]);
  });

  it("marks each stuck task's line in a deadlock", async () => {
    const result = await run(`import { chan } from "chanscope";
export default async function main() {
  const c = chan<number>();
  await c.recv();
}`);
    expect(outcomeOf("deadlocked", context(result)).kind).toBe("deadlock");
    expect(markersOf("deadlocked", context(result))).toEqual([expect.objectContaining({ line: 4, severity: "error" })]);
  });

  it("puts a compile error's marker at its position and says where in the status", () => {
    const ctx = { ...context(undefined as never), result: undefined, compileError: { message: "Unexpected token", line: 3, column: 7 } };
    expect(markersOf("compileError", ctx)).toEqual([{ line: 3, column: 7, message: "Unexpected token", severity: "error" }]);
    expect(outcomeOf("compileError", ctx).headline).toBe("Does not compile: line 3, column 7: Unexpected token");
  });
});

const id = (n: number): number => n;

describe("the console at the timeline's cursor", () => {
  it("line i of the console is printed at the i-th log event, so a cursor there has reached i + 1 lines", async () => {
    const result = await run(leaky);
    const seqs = printSeqs(result.trace);
    expect(seqs).toHaveLength(consoleFromResult(result).length);
    expect(countAtOrBefore(seqs, seqs[0] - 1, id)).toBe(0);
    expect(countAtOrBefore(seqs, seqs[0], id)).toBe(1);
    expect(countAtOrBefore(seqs, seqs[1] - 1, id)).toBe(1);
    expect(countAtOrBefore(seqs, seqs[1], id)).toBe(2);
    expect(countAtOrBefore(seqs, Number.MAX_SAFE_INTEGER, id)).toBe(2);
  });

  it("counts by binary search over any ascending list", () => {
    const seqs = [3, 8, 8, 20];
    expect([0, 3, 7, 8, 19, 20, 99].map((s) => countAtOrBefore(seqs, s, id))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countAtOrBefore([], 5, id)).toBe(0);
  });
});

describe("the task table at the timeline's cursor", () => {
  it("shows each task as it was at that event: the worker blocked on its send before main returned", async () => {
    const result = await run(leaky);
    const block = result.trace.find((e) => e.kind === "task.block" && e.reason === "chan send");
    if (block === undefined) throw new Error("the worker never blocked");
    const at = tasksFromTrace(traceUpTo(result.trace, block.seq));
    expect(at.find((r) => r.name === "worker")).toMatchObject({ state: "blocked", waitReason: "chan send", line: 5 });
    expect(at.find((r) => r.name === "main")?.state).not.toBe("exited");
    // At the last event it is the whole trace.
    expect(traceUpTo(result.trace, result.trace[result.trace.length - 1].seq)).toBe(result.trace);
    expect(traceUpTo(result.trace, -1)).toHaveLength(0);
  });
});
