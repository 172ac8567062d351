import { describe, expect, it } from "vitest";
import { chan, go, signal, sleep, now, context } from "./index.ts";
import { run, type RunControl } from "./run.ts";

/** A graceful-shutdown server: serves until SIGTERM, then takes 50 ms to drain. */
async function server(): Promise<void> {
  const sigs = chan<string>(1, "sigs");
  signal.notify(sigs, "SIGINT", "SIGTERM");
  const [ctx, cancel] = context.withCancel(context.background());
  go("serve", async () => {
    await ctx.done()?.recv(); // serves until cancelled
  });
  const s = await sigs.recv();
  console.log(now(), "got", s);
  cancel();
  await sleep(50);
  console.log(now(), "bye");
}

describe("signals", () => {
  it("a scheduled SIGTERM is relayed to the notified channel at its virtual time", async () => {
    const r = await run(server, { signals: [{ at: 1200, name: "SIGTERM" }] });
    expect(r.outcome).toBe("ok");
    expect(r.output.map((o) => o.text)).toEqual(["1200 got SIGTERM", "1250 bye"]);
    expect(r.trace.find((e) => e.kind === "signal")).toMatchObject({ t: 1200, name: "SIGTERM" });
  });

  it("a SIGINT nobody is notified of ends the program with outcome signal", async () => {
    const r = await run(
      async () => {
        await sleep(1000);
        console.log("never");
      },
      { signals: [{ at: 300, name: "SIGINT" }] },
    );
    expect(r.outcome).toBe("signal");
    expect(r.virtualMs).toBe(300);
    expect(r.report).toContain("signal: SIGINT");
    expect(r.output).toEqual([]);
  });

  it("signal.stop(ch) stops relaying, so the next SIGTERM ends the program", async () => {
    const r = await run(
      async () => {
        const sigs = chan<string>(1);
        signal.notify(sigs, "SIGTERM");
        await sigs.recv();
        signal.stop(sigs);
        await sleep(1000);
      },
      { signals: [{ at: 10, name: "SIGTERM" }, { at: 20, name: "SIGTERM" }] },
    );
    expect(r.outcome).toBe("signal");
    expect(r.virtualMs).toBe(20);
  });

  it("delivery never blocks: a second signal is dropped while the buffer is full", async () => {
    const r = await run(
      async () => {
        const sigs = chan<string>(1);
        signal.notify(sigs);
        await sleep(100);
        console.log(sigs.len, await sigs.recv());
      },
      { signals: [{ at: 10, name: "SIGHUP" }, { at: 20, name: "SIGUSR1" }] },
    );
    expect(r.output.map((o) => o.text)).toEqual(["1 SIGHUP"]);
  });

  it("an instant run waiting for a signal that never comes is a deadlock that says so", async () => {
    const r = await run(async () => {
      const sigs = chan<string>(1);
      signal.notify(sigs, "SIGTERM");
      await sigs.recv();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.report).toContain("waiting for a signal (signal.notify) that never came");
  });

  it("a live (paced) run idles awaiting a signal and takes one from control.signal", async () => {
    let control: RunControl | null = null;
    const waiting: boolean[] = [];
    const result = run(server, {
      paced: { speed: 1000 },
      onStart: (c) => (control = c),
      onAwaitingSignal: (w) => {
        waiting.push(w);
        if (w) setTimeout(() => control?.signal("SIGTERM"), 20);
      },
    });
    const r = await result;
    expect(r.outcome).toBe("ok");
    expect(waiting).toEqual([true, false]);
    expect(r.output.map((o) => o.text)[1]).toMatch(/^\d+ bye$/);
  });
});

describe("paced mode", () => {
  it("virtual time follows the wall clock × speed", async () => {
    const t0 = performance.now();
    const r = await run(
      async () => {
        await sleep(2000);
        console.log(now());
      },
      { paced: { speed: 40 } },
    );
    const wall = performance.now() - t0;
    expect(r.output.map((o) => o.text)).toEqual(["2000"]);
    expect(wall).toBeGreaterThanOrEqual(45);
    expect(wall).toBeLessThan(1000);
  });

  it("control.setSpeed applies at once: a 1000 ms sleep at 1× speeded to 100× after 60 ms ends long before a second", async () => {
    const t0 = performance.now();
    let wallAtSpeedUp = 0;
    const r = await run(
      async () => {
        await sleep(1000);
        console.log(now());
      },
      {
        paced: { speed: 1 },
        onStart: (c) =>
          setTimeout(() => {
            wallAtSpeedUp = performance.now() - t0;
            c.setSpeed(100);
          }, 60),
      },
    );
    const wall = performance.now() - t0;
    // Virtual time already paced (about 60 ms) stays; the rest (about 940 ms) takes about 9.4 ms.
    expect(r.output.map((o) => o.text)).toEqual(["1000"]);
    expect(wallAtSpeedUp).toBeGreaterThanOrEqual(55);
    expect(wall).toBeLessThan(600);
  });

  it("control.setSpeed can slow a run down, and rejects a speed that is not a positive number", async () => {
    const t0 = performance.now();
    let bad = "";
    const r = await run(
      async () => {
        await sleep(400);
        console.log(now());
      },
      {
        paced: { speed: 100 },
        onStart: (c) => {
          try {
            c.setSpeed(0);
          } catch (e) {
            bad = (e as Error).message;
          }
          c.setSpeed(2); // 400 virtual ms at 2× = 200 ms of wall clock instead of 4 ms
        },
      },
    );
    expect(bad).toBe("setSpeed: speed must be a positive number, got 0");
    expect(r.output.map((o) => o.text)).toEqual(["400"]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(150);
  });

  it("control.stop ends a live run with outcome stopped", async () => {
    const r = await run(
      async () => {
        for (;;) await sleep(100);
      },
      { paced: { speed: 1 }, onStart: (c) => setTimeout(() => c.stop(), 30) },
    );
    expect(r.outcome).toBe("stopped");
    expect(r.report).toMatch(/^stopped at \d+ ms$/);
  });
});
