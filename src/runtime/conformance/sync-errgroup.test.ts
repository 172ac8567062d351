// sync (WaitGroup, Mutex, RWMutex, Once) and errgroup with Go's behaviour: FIFO hand-off of a
// mutex, writer preference in RWMutex, WaitGroup.Go, and errgroup's first error, cancellation,
// limit and blocking Go.
import { describe, expect, it } from "vitest";
import { context, errgroup, go, Mutex, now, Once, panic, RWMutex, sleep, WaitGroup, type Chan } from "../index.ts";
import { runOk, runProgram } from "./harness.ts";

describe("WaitGroup", () => {
  it("wait returns when every added task called done, at the time the last one finished", async () => {
    await runOk(async () => {
      const wg = new WaitGroup();
      for (const ms of [30, 10, 20]) {
        wg.add(1);
        go(async () => {
          await sleep(ms);
          wg.done();
        });
      }
      await wg.wait();
      expect(now()).toBe(30);
    });
  });

  it("wait on a zero counter returns at once", async () => {
    await runOk(async () => {
      await new WaitGroup().wait();
      expect(now()).toBe(0);
    });
  });

  it("go(fn) runs fn in a new task between add(1) and done() (Go 1.25's WaitGroup.Go)", async () => {
    const order: number[] = [];
    const r = await runOk(async () => {
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          await sleep(10 - i);
          order.push(i);
        });
      await wg.wait();
    });
    expect(order).toEqual([2, 1, 0]);
    expect(r.tasks).toHaveLength(4);
    expect(r.leaks).toEqual([]);
  });

  it("a counter below zero panics with Go's message", async () => {
    const r = await runProgram(async () => {
      const wg = new WaitGroup();
      wg.add(1);
      wg.done();
      wg.done();
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("sync: negative WaitGroup counter");
  });
});

describe("Mutex", () => {
  it("hands ownership to waiters first come, first served", async () => {
    const order: string[] = [];
    await runOk(async () => {
      const mu = new Mutex();
      await mu.lock();
      for (const name of ["a", "b", "c", "d"]) {
        go(name, async () => {
          await mu.lock();
          order.push(name);
          await sleep(1);
          mu.unlock();
        });
        await sleep(1); // each arrives at a distinct time, in this order
      }
      mu.unlock();
      await sleep(10);
    });
    expect(order).toEqual(["a", "b", "c", "d"]);
  });

  it("a task that unlocks and locks again at once queues behind the waiters (no barging)", async () => {
    const order: string[] = [];
    await runOk(async () => {
      const mu = new Mutex();
      await mu.lock();
      go("waiter", async () => {
        await mu.lock();
        order.push("waiter");
        mu.unlock();
      });
      await sleep(1);
      mu.unlock();
      await mu.lock();
      order.push("main");
      mu.unlock();
    });
    expect(order).toEqual(["waiter", "main"]);
  });

  it("tryLock takes a free mutex and refuses a held one", async () => {
    await runOk(async () => {
      const mu = new Mutex();
      expect(mu.tryLock()).toBe(true);
      expect(mu.tryLock()).toBe(false);
      mu.unlock();
      expect(mu.tryLock()).toBe(true);
      mu.unlock();
    });
  });

  it("protects a read-modify-write across a yield", async () => {
    let counter = 0;
    await runOk(async () => {
      const mu = new Mutex();
      const wg = new WaitGroup();
      for (let i = 0; i < 10; i++)
        wg.go(async () => {
          await mu.lock();
          const v = counter;
          await sleep(1);
          counter = v + 1;
          mu.unlock();
        });
      await wg.wait();
    });
    expect(counter).toBe(10);
  });
});

describe("RWMutex", () => {
  it("readers share the lock", async () => {
    await runOk(async () => {
      const rw = new RWMutex();
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          await rw.rLock();
          await sleep(10);
          rw.rUnlock();
        });
      await wg.wait();
      expect(now()).toBe(10);
    });
  });

  it("a waiting writer keeps new readers out (Go's writer preference), then readers follow it", async () => {
    const order: string[] = [];
    await runOk(async () => {
      const rw = new RWMutex();
      go("reader-1", async () => {
        await rw.rLock();
        order.push("reader-1 in");
        await sleep(10);
        order.push("reader-1 out");
        rw.rUnlock();
      });
      await sleep(1);
      go("writer", async () => {
        await rw.lock();
        order.push("writer in");
        await sleep(5);
        order.push("writer out");
        rw.unlock();
      });
      await sleep(1);
      go("reader-2", async () => {
        await rw.rLock();
        order.push("reader-2 in");
        rw.rUnlock();
      });
      await sleep(30);
    });
    expect(order).toEqual(["reader-1 in", "reader-1 out", "writer in", "writer out", "reader-2 in"]);
  });
});

describe("Once", () => {
  it("do runs its function once, however often it is called", async () => {
    let calls = 0;
    await runOk(async () => {
      const once = new Once();
      for (let i = 0; i < 3; i++) await once.do(() => void calls++);
    });
    expect(calls).toBe(1);
  });
});

describe("errgroup", () => {
  it("wait returns the first error, and the group's context is cancelled by it", async () => {
    const seen: string[] = [];
    await runOk(async () => {
      const [g, ctx] = errgroup.withContext(context.background());
      void g.go(async () => {
        await sleep(10);
        throw new Error("first");
      });
      void g.go(async () => {
        await sleep(20);
        throw new Error("second");
      });
      void g.go(async () => {
        await (ctx.done() as Chan<void>).recv();
        seen.push(`worker saw ${ctx.err()?.message} at ${now()}`);
      });
      const err = await g.wait();
      expect(err?.message).toBe("first");
      expect(now()).toBe(20);
      expect(ctx.err()).toBe(context.Canceled);
    });
    expect(seen).toEqual(["worker saw context canceled at 10"]);
  });

  it("a returned Error fails the group like a thrown one", async () => {
    await runOk(async () => {
      const g = new errgroup.Group();
      void g.go(async () => new Error("returned"));
      void g.go(async () => undefined);
      expect((await g.wait())?.message).toBe("returned");
    });
  });

  it("wait returns null when every function succeeds, and cancels the context even then", async () => {
    await runOk(async () => {
      const [g, ctx] = errgroup.withContext(context.background());
      for (let i = 0; i < 3; i++) void g.go(() => sleep(i));
      expect(await g.wait()).toBeNull();
      expect(ctx.err()).toBe(context.Canceled);
    });
  });

  it("setLimit bounds how many run at once, and await g.go(fn) blocks while the group is full", async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await runOk(async () => {
      const g = new errgroup.Group();
      g.setLimit(2);
      for (let i = 0; i < 6; i++) {
        await g.go(async () => {
          running++;
          most = Math.max(most, running);
          await sleep(10);
          running--;
        });
        started.push(now());
      }
      expect(await g.wait()).toBeNull();
      expect(now()).toBe(30);
    });
    expect(most).toBe(2);
    expect(started).toEqual([0, 0, 10, 10, 20, 20]);
  });

  it("tryGo refuses when the group is at its limit", async () => {
    await runOk(async () => {
      const g = new errgroup.Group();
      g.setLimit(1);
      expect(g.tryGo(() => sleep(5))).toBe(true);
      expect(g.tryGo(() => sleep(5))).toBe(false);
      await g.wait();
      expect(g.tryGo(() => sleep(5))).toBe(true);
      await g.wait();
    });
  });

  it("a panic in a group function is a panic of the program, not an error of the group", async () => {
    const r = await runProgram(async () => {
      const g = new errgroup.Group();
      void g.go(async () => {
        await sleep(1);
        panic("worker exploded");
      });
      await g.wait();
      console.log("wait returned");
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toContain("worker exploded");
    expect(r.output.map((o) => o.text)).toEqual([]);
  });
});
