import { describe, expect, it } from "vitest";
import { runUserSource } from "../sandbox/node-runner.ts";
import { sourceLineAt } from "./source-line.ts";

const PROGRAM = `import { go, chan } from "chanscope";
export default async function main() {
  const c = chan<number>(0, "c");
  go("sender", async () => {
    await c.send(1);
  });
  const v = await c.recv();
  console.log(v);
}`;

async function traceOf(source: string) {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.result.trace;
}

describe("sourceLineAt", () => {
  it("a blocking event is at its own line, and the events that follow belong to it", async () => {
    const trace = await traceOf(PROGRAM);
    const recvBlock = trace.findIndex((e) => e.kind === "task.block" && e.reason === "chan receive");
    expect(sourceLineAt(trace, recvBlock)).toBe(7);
    // main's unblock and its run after the hand-off still stand at the receive on line 7.
    const mainTask = trace[recvBlock].kind === "task.block" ? trace[recvBlock].task : -1;
    const unblock = trace.findIndex((e, i) => i > recvBlock && e.kind === "task.unblock" && e.task === mainTask);
    expect(unblock).toBeGreaterThan(recvBlock);
    expect(sourceLineAt(trace, unblock)).toBe(7);
  });

  it("the parent stands at its go call after a spawn, then at its next blocking line", async () => {
    const trace = await traceOf(PROGRAM);
    const spawn = trace.findIndex((e) => e.kind === "task.spawn" && e.name === "sender");
    expect(sourceLineAt(trace, spawn)).toBe(4);
    const mainRunAfterSpawn = trace.findIndex((e, i) => i > spawn && e.kind === "task.block");
    expect(sourceLineAt(trace, mainRunAfterSpawn)).toBe(7);
  });

  it("says null for an index outside the trace or an event no task stood at", async () => {
    const trace = await traceOf(PROGRAM);
    expect(sourceLineAt(trace, trace.length)).toBeNull();
    expect(sourceLineAt(trace, -1)).toBeNull();
    const first = trace.findIndex((e) => e.kind === "task.spawn" && e.parent === null);
    expect(sourceLineAt(trace, first)).toBeNull();
  });
});
