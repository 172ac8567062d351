// Go's own words when a program goes wrong: panic messages verbatim, the deadlock dump with
// every task's wait reason, and the leak report (name, wait reason, since when) when main returns.
import { describe, expect, it } from "vitest";
import { chan, close, context, go, Mutex, recv, RWMutex, select, send, sleep, WaitGroup, type Chan } from "../index.ts";
import { eventsOf, runOk, runProgram, taskNamed } from "./harness.ts";

describe("panic messages are Go's, verbatim", () => {
  const cases: [string, () => Promise<unknown>][] = [
    [
      "send on closed channel",
      async () => {
        const c = chan<number>(1);
        c.close();
        await c.send(1);
      },
    ],
    [
      "close of closed channel",
      async () => {
        const c = chan<number>();
        close(c);
        close(c);
      },
    ],
    ["close of nil channel", async () => close(null)],
    [
      "sync: negative WaitGroup counter",
      async () => {
        new WaitGroup().done();
      },
    ],
  ];
  for (const [message, main] of cases) {
    it(`${message}`, async () => {
      const r = await runProgram(main);
      expect(r.outcome).toBe("panic");
      expect(r.panic?.message).toBe(message);
      expect(r.report).toContain(`panic: ${message}`);
    });
  }

  it("a send on a closed channel panics in the task that sent, and the report names it", async () => {
    const r = await runProgram(async () => {
      const c = chan<number>();
      go("late-sender", async () => {
        await sleep(10);
        await c.send(1);
      });
      c.close();
      await sleep(20);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.task).toBe(taskNamed(r, "late-sender").id);
    expect(eventsOf(r, "task.panic")[0]?.message).toBe("send on closed channel");
  });

  it("a blocked sender panics when its channel is closed under it", async () => {
    const r = await runProgram(async () => {
      const c = chan<number>();
      go("blocked-sender", () => c.send(1));
      await sleep(5);
      c.close();
      await sleep(5);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("send on closed channel");
    expect(r.panic?.task).toBe(taskNamed(r, "blocked-sender").id);
  });

  it("unlocking an unlocked mutex is fatal: outcome panic, report begins like Go's throw", async () => {
    const r = await runProgram(async () => {
      new Mutex().unlock();
    });
    expect(r.outcome).toBe("panic");
    expect(r.report.startsWith("fatal error: sync: unlock of unlocked mutex")).toBe(true);
  });

  it("an uncaught throw in any task ends the program as a panic", async () => {
    const r = await runProgram(async () => {
      go("thrower", async () => {
        throw new Error("boom");
      });
      await sleep(10);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.message).toBe("boom");
    expect(r.panic?.task).toBe(taskNamed(r, "thrower").id);
  });
});

describe("deadlock reports", () => {
  it("reports Go's fatal error and each task's wait reason in Go's words", async () => {
    const r = await runProgram(async () => {
      const unbuffered = chan<number>();
      const mu = new Mutex();
      const rw = new RWMutex();
      const wg = new WaitGroup();
      await mu.lock();
      await rw.lock();
      wg.add(1);
      go("sender", () => unbuffered.send(1));
      go("receiver", () => chan<number>().recv());
      go("selecter", () => select(recv(chan<number>()), send(chan<number>(), 1)));
      go("empty-select", () => select());
      // A one-case select is Go's plain channel operation (the compiler rewrites it), so a
      // nil channel there blocks with the "(nil chan)" reasons.
      go("nil-receiver", () => select(recv(null)));
      go("nil-sender", () => select(send(null, 1)));
      go("one-case-select", () => select(recv(chan<number>())));
      go("locker", () => mu.lock());
      go("reader", () => rw.rLock());
      go("writer", () => rw.lock());
      await wg.wait();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.report).toContain("fatal error: all goroutines are asleep - deadlock!");
    const reasons = Object.fromEntries(
      ["sender", "receiver", "selecter", "empty-select", "nil-receiver", "nil-sender", "one-case-select", "locker", "reader", "writer"].map(
        (n) => [n, taskNamed(r, n).waitReason],
      ),
    );
    expect(reasons).toEqual({
      sender: "chan send",
      receiver: "chan receive",
      selecter: "select",
      "empty-select": "select (no cases)",
      "nil-receiver": "chan receive (nil chan)",
      "nil-sender": "chan send (nil chan)",
      "one-case-select": "chan receive",
      locker: "sync.Mutex.Lock",
      reader: "sync.RWMutex.RLock",
      writer: "sync.RWMutex.Lock",
    });
    const main = r.tasks.find((t) => t.parent === null);
    expect(main?.waitReason).toBe("sync.WaitGroup.Wait");
    for (const reason of Object.values(reasons)) expect(r.report).toContain(reason as string);
  });

  it("a select whose only case is a nil channel blocks forever", async () => {
    const r = await runProgram(async () => {
      await select(recv(null));
    });
    expect(r.outcome).toBe("deadlock");
  });

  it("main blocked on a channel nobody will ever use deadlocks, and the report says since when", async () => {
    const r = await runProgram(async () => {
      await sleep(40);
      await chan<number>().recv();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.virtualMs).toBe(40);
    const main = r.tasks.find((t) => t.parent === null);
    expect(main?.waitReason).toBe("chan receive");
    expect(r.report).toMatch(/goroutine \d+ \[chan receive/);
  });

  it("a sleeping task keeps the program from deadlocking until it wakes", async () => {
    const r = await runOk(async () => {
      const c = chan<string>();
      go("late", async () => {
        await sleep(500);
        await c.send("done");
      });
      await c.recv();
    });
    expect(r.virtualMs).toBe(500);
  });

  it("a context's deadline counts as a timer that can unblock its waiter", async () => {
    const r = await runOk(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 70);
      await (ctx.done() as Chan<void>).recv();
      cancel();
    });
    expect(r.virtualMs).toBe(70);
  });
});

describe("leak reports", () => {
  it("every task alive when main returns is a leak, with name, wait reason and since when", async () => {
    const r = await runOk(async () => {
      const results = chan<string>();
      go("search", async () => {
        await sleep(200);
        await results.send("some value");
      });
      const [ctx, cancel] = context.withTimeout(context.background(), 100);
      try {
        await select(
          recv(results, () => "received"),
          recv(ctx.done(), () => "search canceled"),
        );
      } finally {
        cancel();
      }
      await sleep(300);
    });
    expect(r.leaks).toHaveLength(1);
    expect(r.leaks[0]).toMatchObject({ name: "search", waitReason: "chan send", since: 200 });
    expect(r.leaks[0].task).toBe(taskNamed(r, "search").id);
    const leakEvents = eventsOf(r, "task.leak");
    expect(leakEvents).toHaveLength(1);
    expect(leakEvents[0]).toMatchObject({ task: r.leaks[0].task, reason: "chan send", since: 200 });
    expect(r.report).toContain("search");
    expect(r.report).toContain("chan send");
  });

  it("a program whose tasks all finish reports no leaks", async () => {
    const r = await runOk(async () => {
      const wg = new WaitGroup();
      for (let i = 0; i < 5; i++) wg.go(() => sleep(i * 10));
      await wg.wait();
    });
    expect(r.leaks).toEqual([]);
    expect(eventsOf(r, "task.leak")).toEqual([]);
  });

  // What happens when main returns (the lead's decision of 13:22, refining DESIGN §3): the
  // result is Go's — virtualMs, output and the set of leaks are fixed at main's return — and
  // then a post-mortem drain runs the leaked tasks on (output suppressed, trace kept) so each
  // leak reports its final state, as goleak would see it.
  it("DESIGN §3's example: main returns at 100 ms; search is reported blocked on chan send since 200 ms", async () => {
    const r = await runOk(async () => {
      const results = chan<string>();
      go("search", async () => {
        await sleep(200);
        await results.send("some value");
      });
      const [ctx, cancel] = context.withTimeout(context.background(), 100);
      try {
        await select(
          recv(results, (v) => console.log("Received:", v)),
          recv(ctx.done(), () => console.log("search canceled")),
        );
      } finally {
        cancel();
      }
    });
    expect(r.virtualMs).toBe(100);
    expect(r.output.map((o) => [o.t, o.text])).toEqual([[100, "search canceled"]]);
    expect(r.leaks.map((l) => [l.name, l.waitReason, l.since])).toEqual([["search", "chan send", 200]]);
    expect(r.report).toMatch(/goroutine \d+ "search" \[chan send/);
    // The drain's events stay in the trace, past main's return, so the lane runs on to where it got stuck.
    const search = taskNamed(r, "search").id;
    expect(eventsOf(r, "task.block").some((e) => e.task === search && e.reason === "chan send" && e.t === 200)).toBe(true);
    const last = r.trace[r.trace.length - 1];
    expect(last.kind).toBe("task.leak");
  });

  it("a task that would have finished after main returned is still a leak, and nothing it prints is output", async () => {
    const r = await runOk(async () => {
      go("straggler", async () => {
        await sleep(10);
        console.log("too late");
      });
      await sleep(5);
    });
    expect(r.virtualMs).toBe(5);
    expect(r.output).toEqual([]);
    expect(r.leaks.map((l) => l.name)).toEqual(["straggler"]);
    expect(r.report).toMatch(/goroutine \d+ "straggler" \[sleep/);
    expect(r.report).toContain("still working when main returned (it would have exited at 10 ms)");
  });

  it("a task that would have panicked after main returned is a leak, and the report says so; the outcome stays ok", async () => {
    const r = await runOk(async () => {
      const c = chan<number>();
      go("late-sender", async () => {
        await sleep(10);
        await c.send(1);
      });
      c.close();
      await sleep(5);
    });
    expect(r.leaks.map((l) => l.name)).toEqual(["late-sender"]);
    expect(r.report).toContain("would have panicked: send on closed channel");
  });

  it("the set of leaks is the tasks alive when main returned, however the drain ends", async () => {
    const r = await runOk(async () => {
      const c = chan<number>(1);
      go("waiter", async () => {
        await c.recv();
        await sleep(1);
      });
      await sleep(1);
      await c.send(1); // wakes waiter; main returns before it runs again
    });
    expect(r.leaks.map((l) => l.name)).toEqual(["waiter"]);
    expect(eventsOf(r, "task.leak").map((e) => e.task)).toEqual([taskNamed(r, "waiter").id]);
  });
});
