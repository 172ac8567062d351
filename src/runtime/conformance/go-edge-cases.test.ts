// Corners of Go's channel, select, timer, context and sync semantics that the test/chan ports do
// not reach, each checked against what Go does.
import { describe, expect, it } from "vitest";
import {
  after,
  chan,
  context,
  defaultCase,
  go,
  Mutex,
  newTicker,
  newTimer,
  now,
  recv,
  RWMutex,
  select,
  send,
  sleep,
  WaitGroup,
  type Chan,
} from "../index.ts";
import { lines, runOk, runProgram, taskNamed } from "./harness.ts";

describe("channels", () => {
  it("len and cap of a buffered channel follow its contents", async () => {
    await runOk(async () => {
      const c = chan<number>(3);
      expect([c.len, c.cap]).toEqual([0, 3]);
      await c.send(1);
      await c.send(2);
      expect(c.len).toBe(2);
      await c.recv();
      expect(c.len).toBe(1);
      c.close();
      expect(c.len).toBe(1);
      expect(await c.recvOk()).toEqual([2, true]);
      expect(await c.recvOk()).toEqual([undefined, false]);
      expect(c.len).toBe(0);
    });
  });

  it("blocked senders are served first come, first served", async () => {
    const r = await runOk(async () => {
      const c = chan<string>();
      for (const name of ["s1", "s2", "s3"]) {
        go(name, () => c.send(name));
        await sleep(1);
      }
      for (let i = 0; i < 3; i++) console.log(await c.recv());
    });
    expect(lines(r)).toEqual(["s1", "s2", "s3"]);
  });

  it("a full buffer takes the oldest blocked sender's value as soon as a slot frees", async () => {
    const r = await runOk(async () => {
      const c = chan<number>(1);
      await c.send(1);
      go("s2", () => c.send(2));
      go("s3", () => c.send(3));
      await sleep(1);
      for (let i = 0; i < 3; i++) console.log(await c.recv());
    });
    expect(lines(r)).toEqual(["1", "2", "3"]);
  });

  it("close wakes every blocked receiver with the zero value and ok = false", async () => {
    const r = await runOk(async () => {
      const c = chan<number>();
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          const [v, ok] = await c.recvOk();
          console.log(`${String(v)} ${String(ok)}`);
        });
      await sleep(1);
      c.close();
      await wg.wait();
    });
    expect(lines(r)).toEqual(["undefined false", "undefined false", "undefined false"]);
  });

  it("breaking out of for await leaves the channel open and its remaining values in place (Go's range)", async () => {
    await runOk(async () => {
      const c = chan<number>(3);
      for (const v of [1, 2, 3]) await c.send(v);
      for await (const v of c) if (v === 1) break;
      expect(await c.recvOk()).toEqual([2, true]);
      await c.send(4);
      expect(await c.recv()).toBe(3);
      expect(await c.recv()).toBe(4);
    });
  });

  it("a select blocked on sending to a channel panics when that channel is closed", async () => {
    const r = await runProgram(async () => {
      const c = chan<number>();
      go("select-sender", () => select(send(c, 1), recv(chan<number>())));
      await sleep(1);
      c.close();
      await sleep(1);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("send on closed channel");
    expect(r.panic?.task).toBe(taskNamed(r, "select-sender").id);
  });

  it("a select that won on one channel is gone from the other channel's queue", async () => {
    const r = await runOk(async () => {
      const a = chan<string>();
      const b = chan<string>();
      go("selecter", async () => {
        console.log(await select(recv(a, (v) => `selecter got ${String(v)} from a`), recv(b, (v) => `selecter got ${String(v)} from b`)));
      });
      await sleep(1);
      await a.send("x");
      go("late-receiver", async () => console.log(`late-receiver got ${String(await b.recv())}`));
      await b.send("y"); // must reach late-receiver, not the finished select
      await sleep(1);
    });
    expect(lines(r)).toEqual(["selecter got x from a", "late-receiver got y"]);
  });

  it("a select over three always-ready cases picks each about a third of the time", async () => {
    const wins = [0, 0, 0];
    await runOk(
      async () => {
        const cs = [chan<number>(), chan<number>(), chan<number>()];
        for (const c of cs) c.close();
        for (let i = 0; i < 9000; i++) await select(...cs.map((c, k) => recv(c, () => void wins[k]++)));
      },
      { trace: false, seed: 3 },
    );
    for (const w of wins) expect(Math.abs(w / 9000 - 1 / 3)).toBeLessThan(0.025);
  });

  it("a select never takes its default while a case is ready", async () => {
    let defaults = 0;
    await runOk(async () => {
      const c = chan<number>();
      c.close();
      for (let i = 0; i < 500; i++) await select(recv(c), defaultCase(() => void defaults++));
    });
    expect(defaults).toBe(0);
  });

  it("a nil channel in a select with a timeout: the timeout wins", async () => {
    await runOk(async () => {
      const nilch: Chan<number> | null = null;
      const got = await select(
        recv(nilch, () => "value"),
        recv(after(30), () => "timeout"),
      );
      expect([got, now()]).toEqual(["timeout", 30]);
    });
  });
});

describe("select corners", () => {
  it("a send case on a closed channel is ready and panics, even beside a default", async () => {
    const r = await runProgram(async () => {
      const c = chan<number>(1);
      c.close();
      await select(send(c, 1), defaultCase());
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("send on closed channel");
  });

  it("a closed buffered channel still gives its values to a select before ok = false", async () => {
    await runOk(async () => {
      const c = chan<number>(2);
      await c.send(1);
      await c.send(2);
      c.close();
      const got: unknown[] = [];
      for (let i = 0; i < 3; i++) await select(recv(c, (v, ok) => void got.push([v, ok])));
      expect(got).toEqual([
        [1, true],
        [2, true],
        [undefined, false],
      ]);
    });
  });

  it("the same channel in two cases of one select: either may win, the value is taken once", async () => {
    const wins = [0, 0];
    await runOk(async () => {
      const c = chan<number>(1);
      for (let i = 0; i < 400; i++) {
        await c.send(i);
        const v = await select(
          recv(c, (x) => (wins[0]++, x)),
          recv(c, (x) => (wins[1]++, x)),
        );
        expect(v).toBe(i);
        expect(c.len).toBe(0);
      }
    });
    expect(wins[0]).toBeGreaterThan(100);
    expect(wins[1]).toBeGreaterThan(100);
  });

  it("a throw in a select handler is a panic of the task that selected", async () => {
    const r = await runProgram(async () => {
      go("handler-thrower", async () => {
        const c = chan<number>();
        c.close();
        await select(
          recv(c, () => {
            throw new Error("handler failed");
          }),
        );
      });
      await sleep(1);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("handler failed");
    expect(r.panic?.task).toBe(taskNamed(r, "handler-thrower").id);
  });

  it("a handler may itself do channel operations, whether the select waited or not", async () => {
    await runOk(async () => {
      const c = chan<number>(1);
      const d = chan<number>(1);
      const viaHandler = (v: number | undefined) => async () => {
        await d.send((v as number) * 2);
        await sleep(1);
        return (await d.recv()) as number;
      };
      await c.send(1);
      const immediate = await select(recv(c, (v) => viaHandler(v)()));
      expect(immediate).toBe(2);
      go("late", async () => {
        await sleep(5);
        await c.send(5);
      });
      const waited = await select(
        recv(c, (v) => viaHandler(v)()),
        recv(chan<number>()),
      );
      expect([waited, now()]).toEqual([10, 7]); // 1 ms in the first handler, 5 asleep, 1 in this one
    });
  });

  it("a handler of a select that waited may itself wait in another select (nested selects)", async () => {
    await runOk(async () => {
      const a = chan<string>();
      const b = chan<string>();
      const c = chan<string>();
      go("feeder", async () => {
        await sleep(1);
        await a.send("a");
        await sleep(1);
        await c.send("c");
        await sleep(1);
        await b.send("b");
      });
      const outer = await select(
        recv(a, async (x) => {
          const inner = await select(
            recv(b, (y) => `inner b ${String(y)}`),
            recv(c, (y) => `inner c ${String(y)}`),
          );
          return `${String(x)} then ${inner}`;
        }),
        recv(b, (y) => `outer b ${String(y)}`),
      );
      expect(outer).toBe("a then inner c c");
      const last = await select(
        recv(a, () => "a"),
        recv(b, (y) => `b ${String(y)}`),
      );
      expect([last, now()]).toEqual(["b b", 3]);
    });
  });

  it("resetting a timer while a select waits on it delivers at the new time", async () => {
    await runOk(async () => {
      const t = newTimer(100);
      go("resetter", async () => {
        await sleep(10);
        t.reset(20);
      });
      const got = await select(
        recv(t.c, (v) => v),
        recv(after(500), () => "late"),
      );
      expect([got, now()]).toEqual([30, 30]);
    });
  });
});

describe("bad arguments panic as in Go", () => {
  it("a channel of negative capacity panics: makechan: size out of range", async () => {
    const r = await runProgram(async () => chan<number>(-1));
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("makechan: size out of range");
  });

  it("a ticker of a non-positive period panics (Go: non-positive interval for NewTicker)", async () => {
    const r = await runProgram(async () => newTicker(0));
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toMatch(/^non-positive interval for /i);
  });
});

describe("outside a run", () => {
  it("starting a task with no program running throws a chanscope error, never a silent no-op", () => {
    expect(() => go(() => undefined)).toThrow(/chanscope/);
  });
});

describe("time", () => {
  it("sleep(0) and sleep of a negative duration return at once", async () => {
    await runOk(async () => {
      await sleep(0);
      await sleep(-5);
      expect(now()).toBe(0);
    });
  });

  it("after(0) and newTimer(0) fire at once", async () => {
    await runOk(async () => {
      await sleep(7);
      expect(await after(0).recv()).toBe(7);
      expect(await newTimer(0).c.recv()).toBe(7);
    });
  });

  it("a stopped ticker can be reset and ticks again", async () => {
    await runOk(async () => {
      const tk = newTicker(10);
      tk.stop();
      await sleep(25);
      tk.reset(10);
      expect(await tk.c.recv()).toBe(35);
      tk.stop();
    });
  });

  it("a deadlock found after time passed is reported at that time", async () => {
    const r = await runProgram(async () => {
      go("sleeper", async () => {
        await sleep(50);
        await chan<number>().recv();
      });
      await chan<number>().recv();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.virtualMs).toBe(50);
    expect(taskNamed(r, "sleeper").waitReason).toBe("chan receive");
  });
});

describe("context corners", () => {
  it("a child of an already-cancelled parent is born cancelled, with the parent's error", async () => {
    await runOk(async () => {
      const [parent, cancel] = context.withTimeout(context.background(), 5);
      await sleep(10);
      const [child, cancelChild] = context.withCancel(parent);
      expect(child.err()).toBe(context.DeadlineExceeded);
      await (child.done() as Chan<void>).recv();
      cancel();
      cancelChild();
    });
  });

  it("withTimeout of 0 is done at once", async () => {
    await runOk(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 0);
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      cancel();
    });
  });

  it("a deadline that was cancelled first reports Canceled, not DeadlineExceeded", async () => {
    await runOk(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 50);
      cancel();
      await sleep(100);
      expect(ctx.err()).toBe(context.Canceled);
    });
  });
});

describe("sync corners", () => {
  it("a WaitGroup can be reused after wait returns", async () => {
    await runOk(async () => {
      const wg = new WaitGroup();
      for (let round = 1; round <= 2; round++) {
        for (let i = 0; i < 3; i++) wg.go(() => sleep(10));
        await wg.wait();
        expect(now()).toBe(10 * round);
      }
    });
  });

  it("several tasks can wait on one WaitGroup and all wake", async () => {
    const r = await runOk(async () => {
      const wg = new WaitGroup();
      wg.add(1);
      const done = new WaitGroup();
      for (let i = 0; i < 3; i++)
        done.go(async () => {
          await wg.wait();
          console.log(`waiter ${i} at ${now()}`);
        });
      await sleep(5);
      wg.done();
      await done.wait();
    });
    expect(lines(r)).toEqual(["waiter 0 at 5", "waiter 1 at 5", "waiter 2 at 5"]);
  });

  it("a mutex may be unlocked by another task than the one that locked it (as in Go)", async () => {
    await runOk(async () => {
      const mu = new Mutex();
      await mu.lock();
      const wg = new WaitGroup();
      wg.go(async () => mu.unlock());
      await wg.wait();
      expect(mu.tryLock()).toBe(true);
      mu.unlock();
    });
  });

  it("RUnlock and Unlock of an unlocked RWMutex are fatal, with Go's messages", async () => {
    const r1 = await runProgram(async () => new RWMutex().rUnlock());
    expect(r1.outcome).toBe("panic");
    expect(r1.report.startsWith("fatal error: sync: RUnlock of unlocked RWMutex")).toBe(true);
    const r2 = await runProgram(async () => new RWMutex().unlock());
    expect(r2.outcome).toBe("panic");
    expect(r2.report.startsWith("fatal error: sync: Unlock of unlocked RWMutex")).toBe(true);
  });
});
