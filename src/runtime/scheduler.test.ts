import { afterEach, describe, expect, it } from "vitest";
import { chan, go, numGoroutine, select, recv, defaultCase, sleep, __loc, after } from "./index.ts";
import { hostWait, run } from "./run.ts";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

describe("scheduling", () => {
  it("runs runnable tasks in FIFO order, each until it blocks", async () => {
    const order: string[] = [];
    await run(async () => {
      const done = chan<void>(3);
      for (const n of ["a", "b", "c"]) {
        go(n, async () => {
          order.push(`${n}1`);
          await sleep(1);
          order.push(`${n}2`);
          await done.send();
        });
      }
      for (let i = 0; i < 3; i++) await done.recv();
    });
    expect(order).toEqual(["a1", "b1", "c1", "a2", "b2", "c2"]);
  });

  it("a task that never blocks yields to the back of the queue after 1 000 operations in a row", async () => {
    const seen: number[] = [];
    const r = await run(async () => {
      const c = chan<number>(10_000);
      let polls = 0;
      go("other", async () => {
        seen.push(polls);
      });
      while (polls < 1500) {
        await select(recv(c), defaultCase());
        polls++;
      }
    });
    expect(r.outcome).toBe("ok");
    expect(seen).toEqual([999]);
  });

  it("numGoroutine counts the tasks alive, main included", async () => {
    const counts: number[] = [];
    await run(async () => {
      counts.push(numGoroutine());
      const c = chan<void>();
      go(async () => {
        await c.recv();
      });
      go(async () => {
        await c.recv();
      });
      counts.push(numGoroutine());
      await c.send();
      await c.send();
      await sleep(1);
      counts.push(numGoroutine());
    });
    expect(counts).toEqual([1, 3, 1]);
  });

  it("refuses a second run while one is active", async () => {
    let inner: unknown = null;
    await run(async () => {
      try {
        await run(() => undefined);
      } catch (e) {
        inner = e;
      }
    });
    expect(String(inner)).toMatch(/already running/);
  });

  it("restores console.log after the run, also after a panic", async () => {
    const before = console.log;
    const r = await run(async () => {
      console.log("captured");
      throw new Error("boom");
    });
    expect(console.log).toBe(before);
    expect(r.output.map((o) => o.text)).toEqual(["captured"]);
  });
});

describe("misuse is a panic naming the task and line, never a hang", () => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  afterEach(() => clearTimeout(timer));

  it("awaiting a real setTimeout inside a task", async () => {
    const r = await run(async () => {
      go("sleeper", async () => {
        __loc(7, 4);
        await new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 50);
        });
      });
      await sleep(10);
    });
    expect(r.outcome).toBe("panic");
    expect(r.report).toContain('goroutine 2 "sleeper" awaited something outside chanscope at line 7');
    expect(r.report).toContain("use sleep()");
  });

  it("awaiting two operations at once (Promise.all of two sends)", async () => {
    const r = await run(async () => {
      const a = chan<number>();
      const b = chan<number>();
      go("x", async () => {
        __loc(4, 2);
        await Promise.all([a.send(1), b.send(2)]);
      });
      await sleep(5);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe('goroutine 2 "x" started a second operation while one was pending (line 4); await each operation before the next');
  });

  it("an operation that is never awaited before the task returns", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      go("forgetful", async () => {
        __loc(3, 0);
        void c.send(1);
      });
      await sleep(5);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toContain('goroutine 2 "forgetful" returned while an operation it started (line 3) was never awaited');
  });

  it("hostWait lets host code inside a task await a real promise", async () => {
    const r = await run(async () => {
      const v = await hostWait(new Promise<number>((resolve) => (timer = setTimeout(() => resolve(42), 5))));
      console.log(v);
      await sleep(10);
    });
    expect(r.outcome).toBe("ok");
    expect(r.output.map((o) => o.text)).toEqual(["42"]);
  });
});

describe("limits", () => {
  it("a busy loop polling for a timer hits the steps limit, and the report names the task", async () => {
    const r = await run(
      async () => {
        go("poller", async () => {
          const t = after(10);
          for (;;) {
            __loc(5, 6);
            const fired = await select(recv(t, () => true), defaultCase(() => false));
            if (fired) return;
          }
        });
        await sleep(20);
      },
      { limits: { steps: 20_000 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.report).toContain("the program ran more than 20000 operations (the steps limit)");
    expect(r.report).toMatch(/goroutine 2 "poller" ran \d+ operations without blocking \(last at line 5\) — it looks like a busy loop/);
  });

  it("spawning more tasks than the tasks limit", async () => {
    const r = await run(
      async () => {
        for (let i = 0; i < 100; i++) go(() => sleep(1));
      },
      { limits: { tasks: 50 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.report).toBe("limit reached: the program started more than 50 tasks (the tasks limit)");
  });

  it("virtual time passing the virtualMs limit", async () => {
    const r = await run(
      async () => {
        for (;;) await sleep(1000);
      },
      { limits: { virtualMs: 5000 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.virtualMs).toBe(5000);
    expect(r.report).toBe("limit reached: virtual time would pass 5000 ms (the virtualMs limit)");
  });
});

describe("determinism", () => {
  const program = async (): Promise<void> => {
    const a = chan<number>();
    const b = chan<number>();
    go("A", async () => {
      for (let i = 0; i < 50; i++) await a.send(i);
    });
    go("B", async () => {
      for (let i = 0; i < 50; i++) await b.send(i);
    });
    for (let i = 0; i < 100; i++) await select(recv(a, (v) => console.log("a", v)), recv(b, (v) => console.log("b", v)));
  };

  it("the same seed gives the same trace, event for event", async () => {
    const x = await run(program, { seed: 3 });
    const y = await run(program, { seed: 3 });
    expect(y.trace).toEqual(x.trace);
  });

  it("different seeds give different traces for a select-heavy program", async () => {
    const x = await run(program, { seed: 3 });
    const y = await run(program, { seed: 4 });
    expect(y.output).not.toEqual(x.output);
  });
});

describe("the tasks limit counts the tasks go() starts", () => {
  it("100 000 go() calls fit the default limit (main is not counted)", async () => {
    const r = await run(
      async () => {
        for (let i = 0; i < 100_000; i++) go(() => undefined);
        await sleep(1);
      },
      { trace: false },
    );
    expect(r.outcome).toBe("ok");
  });
});

describe("an operation raced against a foreign promise", () => {
  it("is a panic naming the task when the task returns while the operation still waits", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      go("racer", async () => {
        __loc(6, 8);
        await Promise.race([c.recv(), Promise.resolve("fast")]);
      });
      await sleep(5);
      await sleep(5);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe(
      'goroutine 2 "racer" returned while an operation it started (line 6) was still waiting (was it raced against another promise?); put await before every chanscope operation, one at a time',
    );
  });
});

describe("memory after a run", () => {
  it("a finished run does not keep its result (and the trace built from it) alive until the next run", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const watch = async (): Promise<WeakRef<object>> => {
      const r = await run(async () => {
        const c = chan<number>();
        go(async () => {
          for (let i = 0; i < 100; i++) await c.send(i);
        });
        for (let i = 0; i < 100; i++) await c.recv();
      });
      return new WeakRef(r.trace);
    };
    const trace = await watch();
    await new Promise((resolve) => setTimeout(resolve, 0)); // a WeakRef holds its target until the job ends
    gc();
    expect(trace.deref()).toBeUndefined();
  });
});
