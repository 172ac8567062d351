import { describe, expect, it } from "vitest";
import { chan, go, sleep } from "./index.ts";
import { run } from "./run.ts";
import { toChromeTrace, type TraceEvent } from "./trace.ts";

describe("toChromeTrace", () => {
  it("gives each task a thread, slices named by what it did, and a flow arrow from send to receive", async () => {
    const r = await run(async () => {
      const c = chan<number>(0, "numbers");
      go("producer", async () => {
        await sleep(5);
        await c.send(42);
      });
      console.log("got", await c.recv());
    });
    const { traceEvents } = toChromeTrace(r.trace);
    expect(traceEvents.filter((e) => e.name === "thread_name").map((e) => e.args?.name)).toEqual(["main (1)", "producer (2)"]);
    const mainWait = traceEvents.find((e) => e.ph === "X" && e.tid === 1 && e.name === "chan receive");
    expect(mainWait).toMatchObject({ ts: 0, dur: 5000 });
    const flowStart = traceEvents.find((e) => e.ph === "s");
    const flowEnd = traceEvents.find((e) => e.ph === "f");
    expect(flowStart).toMatchObject({ tid: 2, ts: 5000 });
    expect(flowEnd).toMatchObject({ tid: 1, ts: 5000, id: flowStart?.id });
    expect(traceEvents.some((e) => e.ph === "i" && e.name === "got 42" && e.tid === 1)).toBe(true);
    expect(() => JSON.stringify(toChromeTrace(r.trace))).not.toThrow();
  });
});

describe("trace streaming", () => {
  it("onEvents receives every event once, in order, in batches", async () => {
    const batches: TraceEvent[][] = [];
    const r = await run(
      async () => {
        const c = chan<number>(10);
        for (let i = 0; i < 500; i++) {
          await c.send(i);
          await c.recv();
        }
      },
      { onEvents: (b) => batches.push(b) },
    );
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.flat()).toEqual(r.trace);
    expect(batches.flat().map((e) => e.seq)).toEqual(r.trace.map((_, i) => i));
  });
});
