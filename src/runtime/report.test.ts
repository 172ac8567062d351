import { describe, expect, it } from "vitest";
import { chan, close, context, go, Mutex, newTicker, panic, recv, RWMutex, select, send, sleep, WaitGroup, __loc } from "./index.ts";
import { run } from "./run.ts";

describe("deadlock report", () => {
  it("reads like Go's dump: fatal error, then each goroutine with its wait reason, wait time and line", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      const d = chan<number>();
      go("worker-2", async () => {
        __loc(8, 4);
        await c.send(1);
      });
      await sleep(100);
      __loc(12, 2);
      await d.recv();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.report).toBe(
      [
        "fatal error: all goroutines are asleep - deadlock!",
        "",
        "goroutine 1 [chan receive, 0 ms]:",
        "main at line 12",
        "",
        'goroutine 2 "worker-2" [chan send, 100 ms]:',
        "worker-2 at line 8",
      ].join("\n"),
    );
  });

  it("names every wait reason in Go's words", async () => {
    const r = await run(async () => {
      const nilCh = null as unknown as Parameters<typeof recv>[0];
      const wg = new WaitGroup();
      wg.add(1);
      const mu = new Mutex();
      await mu.lock();
      const rw = new RWMutex();
      await rw.lock();
      go("recv-nil", () => select(recv(nilCh)));
      go("send-nil", () => select(send(null, 1)));
      go("select", () => select(recv(chan()), recv(chan())));
      go("no-cases", () => select());
      go("wg", () => wg.wait());
      go("mutex", () => mu.lock());
      go("rlock", () => rw.rLock());
      go("wlock", () => rw.lock());
      await chan().send(1);
    });
    expect(r.outcome).toBe("deadlock");
    const reasons = r.tasks.map((t) => [t.name, t.waitReason]);
    expect(reasons).toEqual([
      ["main", "chan send"],
      ["recv-nil", "chan receive (nil chan)"],
      ["send-nil", "chan send (nil chan)"],
      ["select", "select"],
      ["no-cases", "select (no cases)"],
      ["wg", "sync.WaitGroup.Wait"],
      ["mutex", "sync.Mutex.Lock"],
      ["rlock", "sync.RWMutex.RLock"],
      ["wlock", "sync.RWMutex.Lock"],
    ]);
    expect(r.report).toContain('goroutine 5 "no-cases" [select (no cases), 0 ms]:');
  });
});

describe("panic report", () => {
  it("send on a closed channel: Go's message and the goroutine that panicked", async () => {
    const r = await run(async () => {
      const c = chan<number>(1);
      go("producer", async () => {
        __loc(8, 4);
        await c.send(1);
      });
      close(c);
      await sleep(1);
    });
    expect(r.outcome).toBe("panic");
    expect(r.report).toBe(['panic: send on closed channel', "", 'goroutine 2 "producer" [running]:', "producer at line 8"].join("\n"));
    expect(r.panic).toMatchObject({ task: 2, message: "send on closed channel" });
  });

  it("a panic's stack gives the line it panicked at and the go( line that created the task, as Go's traceback does", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      __loc(5, 2);
      go("producer", async () => {
        __loc(7, 4);
        panic("boom");
      });
      await c.recv();
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.stack).toBe(["producer at line 7", "created by main in goroutine 1 at line 5"].join("\n"));
    const top = await run(async () => {
      __loc(3, 2);
      panic("in main");
    });
    expect(top.panic?.stack).toBe("main at line 3");
  });

  it("close of a closed channel and close of nil, verbatim", async () => {
    const twice = await run(async () => {
      const c = chan();
      c.close();
      c.close();
    });
    expect(twice.panic?.message).toBe("close of closed channel");
    const nil = await run(async () => {
      close(null);
    });
    expect(nil.panic?.message).toBe("close of nil channel");
  });

  it("a negative WaitGroup counter panics with Go's message", async () => {
    const r = await run(async () => {
      new WaitGroup().done();
    });
    expect(r.report.split("\n")[0]).toBe("panic: sync: negative WaitGroup counter");
  });

  it("unlock of an unlocked mutex is fatal and cannot be caught", async () => {
    const r = await run(async () => {
      try {
        new Mutex().unlock();
      } catch {
        console.log("recovered?");
      }
      await sleep(1);
      console.log("still running?");
    });
    expect(r.outcome).toBe("panic");
    expect(r.report.split("\n")[0]).toBe("fatal error: sync: unlock of unlocked mutex");
    expect(r.output).toEqual([]);
  });

  it("panic(value) prints the value; a thrown TypeError keeps its name", async () => {
    const p = await run(async () => panic("boom"));
    expect(p.report.split("\n")[0]).toBe("panic: boom");
    const q = await run(async () => panic({ code: 7 }));
    expect(q.report.split("\n")[0]).toBe("panic: { code: 7 }");
    const t = await run(async () => {
      (null as unknown as { f(): void }).f();
    });
    expect(t.report.split("\n")[0]).toMatch(/^panic: TypeError: /);
  });

  it("a panic can be recovered with try/catch, as with recover()", async () => {
    const r = await run(async () => {
      const c = chan();
      c.close();
      try {
        await c.send(1);
      } catch (e) {
        console.log("recovered:", e);
      }
    });
    expect(r.outcome).toBe("ok");
    expect(r.output.map((o) => o.text)).toEqual(["recovered: send on closed channel"]);
  });
});

describe("leak report", () => {
  it("lists every task alive when main returned, with wait reason, since when and line", async () => {
    const r = await run(async () => {
      const results = chan<string>();
      go("search", async () => {
        await sleep(200);
        __loc(6, 4);
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
      await sleep(300);
    });
    expect(r.outcome).toBe("ok");
    expect(r.virtualMs).toBe(400);
    expect(r.leaks).toEqual([{ task: 2, name: "search", waitReason: "chan send", since: 200, loc: { line: 6, column: 4 } }]);
    expect(r.report).toBe(
      ["1 goroutine was still alive when main returned at 400 ms (leaked):", "", 'goroutine 2 "search" [chan send, since 200 ms]:', "search at line 6"].join("\n"),
    );
    expect(r.trace.filter((e) => e.kind === "task.leak")).toMatchObject([{ task: 2, reason: "chan send", since: 200 }]);
  });

  it("the program ends when main returns: a task still sleeping leaks as sleep and prints nothing more", async () => {
    const r = await run(async () => {
      go("straggler", async () => {
        await sleep(10);
        console.log("too late");
      });
      await sleep(5);
    });
    expect(r.virtualMs).toBe(5);
    expect(r.output).toEqual([]);
    expect(r.leaks.map((l) => [l.name, l.waitReason, l.since])).toEqual([["straggler", "sleep", 0]]);
  });

  it("DESIGN §3's example as written: main returns at 100 ms, and the post-mortem drain finds search stuck on chan send since 200 ms", async () => {
    const r = await run(async () => {
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
    expect(r.leaks).toMatchObject([{ name: "search", waitReason: "chan send", since: 200 }]);
    // The drain is in the trace: the timeline can show the lane running on to where it got stuck.
    expect(r.trace.some((e) => e.kind === "task.block" && e.task === 2 && e.t === 200 && e.reason === "chan send")).toBe(true);
  });

  it("a leak that would have finished or panicked is reported as it was at main's return, with what would have happened", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      c.close();
      go("saver", async () => {
        await sleep(250);
        console.log("saved"); // suppressed: the program has ended
      });
      go("late-sender", async () => {
        await sleep(50);
        await c.send(1);
      });
      await sleep(10);
    });
    expect(r.outcome).toBe("ok");
    expect(r.output).toEqual([]);
    expect(r.leaks).toMatchObject([
      { name: "saver", waitReason: "sleep", since: 0, wouldExitAt: 250 },
      { name: "late-sender", waitReason: "sleep", since: 0, wouldPanic: "send on closed channel" },
    ]);
    expect(r.report).toContain("still working when main returned (it would have exited at 250 ms)");
    expect(r.report).toContain("still working when main returned (it would have panicked: send on closed channel)");
  });

  it("a leak that never stops (a forgotten ticker) ends the drain by its budget, not the program's limits", async () => {
    const r = await run(async () => {
      go("ticking", async () => {
        const tk = newTicker(10);
        for (;;) await tk.c.recv();
      });
      await sleep(25);
    });
    expect(r.outcome).toBe("ok");
    expect(r.virtualMs).toBe(25);
    expect(r.leaks).toMatchObject([{ name: "ticking", waitReason: "chan receive" }]);
  });
});
