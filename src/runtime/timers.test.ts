import { describe, expect, it } from "vitest";
import { createActor, createMachine } from "xstate";
import { after, afterFunc, chan, clock, go, Mutex, newTicker, newTimer, now, recv, select, sleep, defaultCase } from "./index.ts";
import { run } from "./run.ts";

const texts = (r: { output: { text: string }[] }): string[] => r.output.map((o) => o.text);

describe("virtual time", () => {
  it("sleep moves the clock only when nothing can run, straight to the next timer", async () => {
    const wall = performance.now();
    const r = await run(async () => {
      await sleep(3_600_000 - 1);
      console.log(now());
    });
    expect(texts(r)).toEqual(["3599999"]);
    expect(performance.now() - wall).toBeLessThan(1000);
  });

  it("timers due at the same time fire in the order they were made", async () => {
    const r = await run(async () => {
      for (const n of ["a", "b", "c"]) go(n, async () => {
        await sleep(10);
        console.log(n);
      });
      await sleep(20);
    });
    expect(texts(r)).toEqual(["a", "b", "c"]);
  });
});

describe("timers (Go 1.23)", () => {
  it("stop before the timer fires returns true and nothing is ever received", async () => {
    const r = await run(async () => {
      const t = newTimer(10);
      console.log(t.stop());
      await sleep(20);
      console.log(await select(recv(t.c, () => "fired"), defaultCase(() => "nothing")));
    });
    expect(texts(r)).toEqual(["true", "nothing"]);
  });

  it("reset after an unreceived expiry delivers only the new fire time, never the stale one", async () => {
    const r = await run(async () => {
      const t = newTimer(10);
      await sleep(30);
      console.log(t.reset(50));
      console.log(await t.c.recv(), now());
    });
    expect(texts(r)).toEqual(["true", "80 80"]);
  });

  it("a timer channel nobody waits on does not move the clock", async () => {
    const r = await run(async () => {
      after(1000);
      const c = chan<number>();
      go(async () => {
        await sleep(5);
        await c.send(1);
      });
      await c.recv();
    });
    expect(r.virtualMs).toBe(5);
  });

  it("afterFunc: stop returns false once fn has started, and the stale callback still runs (seed 002's race)", async () => {
    const r = await run(async () => {
      const state = new Mutex();
      await state.lock(); // the handler holds the state lock while it processes a packet
      const timeout = afterFunc(10, async () => {
        await state.lock();
        console.log(now(), "timeout callback ran");
        state.unlock();
      });
      await sleep(15); // the timer expires meanwhile: its task starts and waits for the lock
      console.log(now(), "stop:", timeout.stop());
      state.unlock();
      await sleep(5);
    });
    expect(texts(r)).toEqual(["15 stop: false", "15 timeout callback ran"]);
  });

  it("a ticker ticks every period with the tick's time, and stops", async () => {
    const r = await run(async () => {
      const tk = newTicker(100);
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) seen.push((await tk.c.recv()) as number);
      tk.stop();
      console.log(seen, await select(recv(tk.c), recv(after(500), () => "quiet")));
    });
    expect(texts(r)).toEqual(["[100, 200, 300] quiet"]);
  });
});

describe("clock (XState)", () => {
  it("an actor's delayed transitions run on virtual time", async () => {
    const machine = createMachine({
      id: "handshake",
      initial: "synSent",
      states: { synSent: { after: { 3000: "timedOut" } }, timedOut: { type: "final" } },
    });
    const r = await run(async () => {
      const actor = createActor(machine, { clock });
      actor.start();
      const done = chan<void>();
      actor.subscribe((s) => {
        if (s.status === "done") void done.close();
      });
      await done.recv();
      console.log(now(), actor.getSnapshot().value);
    });
    expect(texts(r)).toEqual(["3000 timedOut"]);
  });
});

describe("withVirtualClock (the xstate module user code sees)", () => {
  it("gives actors the virtual clock without asking and traces each transition", async () => {
    const { withVirtualClock } = await import("./xstate.ts");
    const xs = withVirtualClock(await import("xstate"));
    const machine = xs.createMachine({
      id: "handshake",
      initial: "closed",
      states: {
        closed: { on: { CONNECT: "synSent" } },
        synSent: { after: { 3000: "closed" }, on: { SYNACK: "established" } },
        established: {},
      },
    });
    const r = await run(async () => {
      const actor = xs.createActor(machine).start();
      actor.send({ type: "CONNECT" });
      await sleep(3500);
      actor.send({ type: "CONNECT" });
      actor.send({ type: "SYNACK" });
      console.log(actor.getSnapshot().value);
    });
    expect(texts(r)).toEqual(["established"]);
    const moves = r.trace.filter((e) => e.kind === "fsm.transition").map((e) => (e.kind === "fsm.transition" ? [e.t, e.from, e.to, e.event] : []));
    expect(moves).toEqual([
      [0, "", "closed", "xstate.init"],
      [0, "closed", "synSent", "CONNECT"],
      [3000, "synSent", "closed", "xstate.after.3000.handshake.synSent"],
      [3500, "closed", "synSent", "CONNECT"],
      [3500, "synSent", "established", "SYNACK"],
    ]);
  });
});
