// Timers with Go 1.23 semantics: timer channels are synchronous (len and cap 0); stop and reset
// report whether they kept a value from being received, even past the expiry time; no stale
// value is ever received after stop or reset; afterFunc's stop is false once fn has started;
// tickers tick on virtual time. Also the clock rule: a channel timer moves time only while some
// task waits on its channel.
import { describe, expect, it } from "vitest";
import { after, afterFunc, chan, clock, defaultCase, go, newTicker, newTimer, now, recv, select, sleep } from "../index.ts";
import { eventsOf, runOk } from "./harness.ts";

/** Go's non-blocking receive: the value, or "nothing" if none can be received now. */
async function poll<T>(c: { recv(): Promise<T | undefined> } & Parameters<typeof recv>[0]): Promise<unknown> {
  return select(
    recv(c, (v) => v),
    defaultCase(() => "nothing"),
  );
}

describe("timers (Go 1.23)", () => {
  it("a timer's channel is synchronous: len and cap are 0, even after it expired", async () => {
    await runOk(async () => {
      const t = newTimer(10);
      expect([t.c.len, t.c.cap]).toEqual([0, 0]);
      await sleep(20);
      expect([t.c.len, t.c.cap]).toEqual([0, 0]);
      expect(await t.c.recv()).toBe(10);
    });
  });

  it("a timer delivers the virtual ms at which it fired, and the receive happens then", async () => {
    const r = await runOk(async () => {
      const t = newTimer(25);
      const v = await t.c.recv();
      expect(v).toBe(25);
      expect(now()).toBe(25);
    });
    expect(r.virtualMs).toBe(25);
  });

  it("after(ms) is a channel that delivers once, after ms", async () => {
    await runOk(async () => {
      await sleep(3);
      expect(await after(40).recv()).toBe(43);
    });
  });

  it("stop before expiry returns true and nothing is ever received", async () => {
    await runOk(async () => {
      const t = newTimer(50);
      expect(t.stop()).toBe(true);
      const got = await select(
        recv(t.c, () => "fired"),
        recv(after(200), () => "nothing"),
      );
      expect(got).toBe("nothing");
      expect(t.stop()).toBe(false);
    });
  });

  it("stop after expiry returns true while nobody received, and the value is then gone", async () => {
    await runOk(async () => {
      const t = newTimer(10);
      await sleep(30);
      expect(t.stop()).toBe(true);
      expect(await poll(t.c)).toBe("nothing");
    });
  });

  it("stop after the value was received returns false", async () => {
    await runOk(async () => {
      const t = newTimer(10);
      await t.c.recv();
      expect(t.stop()).toBe(false);
    });
  });

  it("reset after an unreceived expiry returns true and delivers only the new time, never the stale one", async () => {
    await runOk(async () => {
      const t = newTimer(10);
      await sleep(30);
      expect(t.reset(50)).toBe(true);
      expect(await poll(t.c)).toBe("nothing");
      expect(await t.c.recv()).toBe(80);
    });
  });

  it("reset of a stopped timer returns false and arms it again", async () => {
    await runOk(async () => {
      const t = newTimer(10);
      t.stop();
      expect(t.reset(5)).toBe(false);
      expect(await t.c.recv()).toBe(5);
    });
  });

  it("a timer's value is sent by no task (task null in the trace) and paired with its receive", async () => {
    const r = await runOk(async () => {
      const t = newTimer(10);
      await t.c.recv();
    });
    const sends = eventsOf(r, "chan.send");
    expect(sends).toHaveLength(1);
    expect(sends[0].task).toBeNull();
    const recvs = eventsOf(r, "chan.recv");
    expect(recvs[0]).toMatchObject({ msg: sends[0].msg, ok: true, chan: sends[0].chan });
    expect(eventsOf(r, "timer.fire").length).toBeGreaterThanOrEqual(1);
  });

  it("a channel timer nobody waits on does not move the clock", async () => {
    const r = await runOk(async () => {
      newTimer(1000);
      after(5000);
      await sleep(10);
    });
    expect(r.virtualMs).toBe(10);
  });
});

describe("afterFunc", () => {
  it("runs fn in its own task after ms; stop before that returns true and fn never runs", async () => {
    let ran = 0;
    const r = await runOk(async () => {
      const a = afterFunc(20, () => void ran++);
      const b = afterFunc(20, () => void ran++);
      expect(a.c).toBeNull();
      expect(b.stop()).toBe(true);
      await sleep(50);
      expect(a.stop()).toBe(false);
    });
    expect(ran).toBe(1);
    const mainId = r.tasks.find((t) => t.parent === null)?.id;
    expect(r.tasks.filter((t) => t.id !== mainId)).toHaveLength(1);
  });

  it("stop returns false once fn has started, even while fn is still running", async () => {
    const r = await runOk(async () => {
      let started = false;
      const t = afterFunc(10, async () => {
        started = true;
        await sleep(100);
      });
      await sleep(15);
      expect(started).toBe(true);
      expect(t.stop()).toBe(false);
    });
    expect(r.virtualMs).toBe(15);
  });

  it("reset re-arms a timer whose fn has already run, and fn runs again", async () => {
    const times: number[] = [];
    await runOk(async () => {
      const t = afterFunc(10, () => void times.push(now()));
      await sleep(15);
      expect(t.reset(10)).toBe(false);
      await sleep(20);
    });
    expect(times).toEqual([10, 25]);
  });
});

describe("tickers", () => {
  it("tick every period on virtual time, with the tick's time as value", async () => {
    await runOk(async () => {
      const tk = newTicker(10);
      const got: number[] = [];
      for (let i = 0; i < 3; i++) got.push((await tk.c.recv()) as number);
      tk.stop();
      expect(got).toEqual([10, 20, 30]);
      expect([tk.c.len, tk.c.cap]).toEqual([0, 0]);
    });
  });

  it("a stopped ticker never ticks again", async () => {
    await runOk(async () => {
      const tk = newTicker(10);
      await tk.c.recv();
      tk.stop();
      const got = await select(
        recv(tk.c, () => "tick"),
        recv(after(100), () => "quiet"),
      );
      expect(got).toBe("quiet");
    });
  });

  it("a slow receiver misses ticks rather than getting a backlog (no stale ticks)", async () => {
    await runOk(async () => {
      const tk = newTicker(10);
      await sleep(35);
      // One missed tick is delivered (Go gives the time it was due), the others are dropped.
      const v = (await tk.c.recv()) as number;
      expect([10, 20, 30]).toContain(v);
      expect(await poll(tk.c)).toBe("nothing");
      expect(await tk.c.recv()).toBe(40);
      tk.stop();
    });
  });

  it("reset changes the period from now on", async () => {
    await runOk(async () => {
      const tk = newTicker(10);
      await tk.c.recv();
      tk.reset(25);
      expect(await tk.c.recv()).toBe(35);
      expect(await tk.c.recv()).toBe(60);
      tk.stop();
    });
  });

  it("a ticker feeds a select loop with a quit channel, as in Go's examples", async () => {
    const r = await runOk(async () => {
      const tk = newTicker(100);
      const quit = after(350);
      let ticks = 0;
      for (let done = false; !done; ) {
        await select(
          recv(tk.c, () => void ticks++),
          recv(quit, () => void (done = true)),
        );
      }
      tk.stop();
      expect(ticks).toBe(3);
      go(async () => {
        await sleep(1);
      });
      await sleep(1);
    });
    expect(r.virtualMs).toBe(351);
  });
});

describe("the XState clock", () => {
  it("setTimeout fires on virtual time, clearTimeout cancels, now is the virtual clock", async () => {
    const fired: [string, number][] = [];
    const r = await runOk(async () => {
      clock.setTimeout(() => void fired.push(["a", now()]), 50);
      const b = clock.setTimeout(() => void fired.push(["b", now()]), 60);
      clock.clearTimeout(b);
      await sleep(100);
      expect(clock.now()).toBe(now());
    });
    expect(fired).toEqual([["a", 50]]);
    expect(r.virtualMs).toBe(100);
  });

  it("a pending clock timeout counts: main waiting for it is not a deadlock", async () => {
    const r = await runOk(async () => {
      const c = chan<number>(1);
      clock.setTimeout(() => void c.send(now()), 40);
      expect(await c.recv()).toBe(40);
    });
    expect(r.virtualMs).toBe(40);
  });
});
