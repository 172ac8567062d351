// The trace contract (DESIGN §4) that the timeline and the lessons rely on: order, pairing of
// sends and receives, closed receives, task lifecycles, streaming, and determinism by seed.
import { describe, expect, it } from "vitest";
import { __loc, after, chan, go, newTicker, recv, select, sleep, WaitGroup } from "../index.ts";
import { run } from "../run.ts";
import { eventsOf, runOk, runProgram, type RunResult, type TraceEvent } from "./harness.ts";

/** Leaves a timer and a ticker armed when its program ends. */
function newTimerLeftover(): void {
  after(1000);
  newTicker(10);
}

/** A small program with buffered and unbuffered channels, a select, a close and sleeps. */
async function pipeline(): Promise<void> {
  const nums = chan<number>(2, "nums");
  const words = chan<string>(0, "words");
  const wg = new WaitGroup();
  wg.go(async () => {
    for (let i = 0; i < 5; i++) await nums.send(i);
    nums.close();
  });
  wg.go(async () => {
    for (const w of ["a", "b"]) {
      await sleep(3);
      await words.send(w);
    }
  });
  let received = 0;
  let words2 = 0;
  let n: typeof nums | null = nums;
  while (n !== null || words2 < 2) {
    await select(
      recv(n, (_v, ok) => {
        if (ok) received++;
        else n = null;
      }),
      recv(words2 < 2 ? words : null, () => {
        received++;
        words2++;
      }),
    );
  }
  await wg.wait();
  console.log("received", received);
}

function assertWellFormed(trace: TraceEvent[]): void {
  for (let i = 1; i < trace.length; i++) {
    expect(trace[i].seq, `seq at ${i}`).toBeGreaterThan(trace[i - 1].seq);
    expect(trace[i].t, `t at ${i}`).toBeGreaterThanOrEqual(trace[i - 1].t);
  }
}

describe("trace contract", () => {
  it("seq is strictly increasing and t never goes back", async () => {
    const r = await runOk(pipeline);
    expect(r.trace.length).toBeGreaterThan(20);
    assertWellFormed(r.trace);
  });

  it("every successful receive is paired by msg with exactly one earlier send on the same channel", async () => {
    const r = await runOk(pipeline);
    const sends = new Map(eventsOf(r, "chan.send").map((s) => [s.msg, s]));
    expect(sends.size).toBe(eventsOf(r, "chan.send").length); // msg ids are unique
    const used = new Set<number>();
    for (const rc of eventsOf(r, "chan.recv").filter((e) => e.ok)) {
      const s = sends.get(rc.msg as number);
      expect(s, `recv seq ${rc.seq} has no send`).toBeDefined();
      expect(s?.chan).toBe(rc.chan);
      expect(s?.seq).toBeLessThan(rc.seq);
      expect(used.has(rc.msg as number)).toBe(false);
      used.add(rc.msg as number);
    }
    expect(used.size).toBe(7);
  });

  it("a receive from a closed, drained channel is recorded with msg null and ok false", async () => {
    const r = await runOk(async () => {
      const c = chan<number>(1, "c");
      await c.send(1);
      c.close();
      await c.recv();
      await c.recvOk();
    });
    const recvs = eventsOf(r, "chan.recv");
    expect(recvs.map((e) => [e.ok, e.msg === null])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(eventsOf(r, "chan.close")).toHaveLength(1);
  });

  it("a blocked sender's chan.send comes at hand-over, after its task.block", async () => {
    const r = await runOk(async () => {
      const c = chan<string>();
      go("sender", () => c.send("x"));
      await sleep(7);
      await c.recv();
    });
    const sender = r.tasks.find((t) => t.name === "sender")?.id;
    const block = eventsOf(r, "task.block").find((e) => e.task === sender);
    const send = eventsOf(r, "chan.send")[0];
    expect(block?.reason).toBe("chan send");
    expect(block?.t).toBe(0);
    expect(send.t).toBe(7);
    expect(send.task).toBe(sender);
    expect(send.seq).toBeGreaterThan(block?.seq ?? Infinity);
  });

  it("chan.make carries the name and capacity", async () => {
    const r = await runOk(async () => {
      chan<number>(3, "jobs");
    });
    expect(eventsOf(r, "chan.make")).toEqual([expect.objectContaining({ name: "jobs", cap: 3 })]);
  });

  it("each task is spawned once, with its parent, and exits once", async () => {
    const r = await runOk(pipeline);
    const spawns = eventsOf(r, "task.spawn");
    const exits = eventsOf(r, "task.exit");
    expect(new Set(spawns.map((s) => s.task)).size).toBe(spawns.length);
    expect(spawns.length).toBe(r.tasks.length);
    expect(exits.map((e) => e.task).sort()).toEqual(spawns.map((s) => s.task).sort());
    const main = spawns.find((s) => s.parent === null);
    expect(spawns.filter((s) => s.parent === main?.task)).toHaveLength(2);
  });

  it("console.log is captured with task and virtual time, and traced as a log event", async () => {
    const r = await runOk(async () => {
      await sleep(12);
      console.log("hello", 1, [1, 2], { a: 1, b: "x" }, null, undefined, true, 10n, new Error("oops"));
    });
    expect(r.output).toEqual([{ t: 12, task: r.tasks[0].id, text: 'hello 1 [1, 2] { a: 1, b: "x" } null undefined true 10 oops' }]);
    expect(eventsOf(r, "log")).toEqual([expect.objectContaining({ t: 12, text: r.output[0].text })]);
  });

  it("onEvents streams the whole trace, in order, in batches", async () => {
    const streamed: TraceEvent[] = [];
    const r = await runOk(pipeline, { onEvents: (batch) => streamed.push(...batch) });
    expect(streamed).toEqual(r.trace);
  });

  it("trace: false records no events but the same outcome and output", async () => {
    const on = await runOk(pipeline);
    const off = await runOk(pipeline, { trace: false });
    expect(off.trace).toEqual([]);
    expect(off.output).toEqual(on.output);
    expect(off.virtualMs).toBe(on.virtualMs);
  });
});

describe("determinism", () => {
  const strip = (r: RunResult) => ({ trace: r.trace, output: r.output, outcome: r.outcome, virtualMs: r.virtualMs });

  it("the same program and seed give the same trace, event for event", async () => {
    for (const seed of [1, 2, 99]) {
      const a = await runOk(pipeline, { seed });
      const b = await runOk(pipeline, { seed });
      expect(strip(b)).toEqual(strip(a));
    }
  });

  it("no state leaks from one run into the next: a different program in between changes nothing", async () => {
    const first = await runOk(pipeline, { seed: 4 });
    await runOk(
      async () => {
        const c = chan<number>(1, "other");
        go("other", async () => {
          await sleep(3);
          await c.send(1);
        });
        await c.recv();
        newTimerLeftover();
      },
      { seed: 9 },
    );
    const again = await runOk(pipeline, { seed: 4 });
    expect(strip(again)).toEqual(strip(first));
  });

  it("explore mode with the same seed replays identically too", async () => {
    for (const seed of [1, 7]) {
      const a = await runOk(pipeline, { seed, explore: true });
      const b = await runOk(pipeline, { seed, explore: true });
      expect(strip(b)).toEqual(strip(a));
    }
  });

  it("explore mode finds other interleavings than FIFO for some seed", async () => {
    const fifo = await runOk(pipeline, { seed: 1 });
    const order = (r: RunResult) => eventsOf(r, "task.run").map((e) => e.task).join(",");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) seen.add(order(await runOk(pipeline, { seed, explore: true })));
    expect(seen.size).toBeGreaterThan(1);
    expect(order(fifo).length).toBeGreaterThan(0);
  });

  it("a second run while one is active is refused", async () => {
    let inner: unknown = "not refused";
    await runOk(async () => {
      try {
        run(() => undefined).then(
          () => (inner = "started a second run"),
          (e: unknown) => (inner = e),
        );
      } catch (e) {
        inner = e;
      }
    });
    expect(inner).toBeInstanceOf(Error);
  });
});

describe("source locations (__loc, as the sandbox's instrumenter inserts it)", () => {
  it("a block, a spawn, a leak and the deadlock report carry the line the task was at", async () => {
    const r = await runOk(async () => {
      const c = chan<number>();
      __loc(3, 2);
      go("stuck", async () => {
        __loc(4, 4);
        await c.send(1);
      });
      __loc(7, 2);
      await sleep(5);
    });
    const stuck = r.tasks.find((t) => t.name === "stuck");
    expect(eventsOf(r, "task.spawn").find((e) => e.task === stuck?.id)?.loc).toEqual({ line: 3, column: 2 });
    expect(eventsOf(r, "task.block").find((e) => e.task === stuck?.id)?.loc).toEqual({ line: 4, column: 4 });
    const main = r.tasks.find((t) => t.parent === null);
    expect(eventsOf(r, "task.block").find((e) => e.task === main?.id)?.loc).toEqual({ line: 7, column: 2 });
    expect(r.leaks[0]?.loc).toEqual({ line: 4, column: 4 });
    expect(r.report).toMatch(/line 4/);
  });

  it("a deadlocked task's line is in the report, and a panic's line in its stack", async () => {
    const d = await runProgram(async () => {
      __loc(12, 8);
      await chan<number>().recv();
    });
    expect(d.outcome).toBe("deadlock");
    expect(d.report).toMatch(/line 12/);
    const p = await runProgram(async () => {
      const c = chan<number>();
      c.close();
      __loc(21, 2);
      await c.send(1);
    });
    expect(p.outcome).toBe("panic");
    expect(p.panic?.stack ?? p.report).toMatch(/line 21/);
  });
});
