// Scheduling rules of DESIGN §3 that Go programs (and lessons) lean on: one task at a time, FIFO
// run queue, a busy select+default loop yields after 1 000 operations, limits end a run with a
// sentence that says which, misuse of await is a panic naming the task (never a silent hang),
// and signals arrive at their virtual time.
import { describe, expect, it } from "vitest";
import { chan, defaultCase, go, numGoroutine, now, recv, select, signal, sleep, WaitGroup } from "../index.ts";
import { lines, runOk, runProgram, taskNamed } from "./harness.ts";

describe("run queue", () => {
  it("spawned tasks start in the order they were spawned, once main blocks", async () => {
    const r = await runOk(async () => {
      const wg = new WaitGroup();
      for (const name of ["a", "b", "c"]) wg.go(async () => console.log(name));
      console.log("main first");
      await wg.wait();
    });
    expect(lines(r)).toEqual(["main first", "a", "b", "c"]);
  });

  it("numGoroutine counts the live tasks, main included", async () => {
    await runOk(async () => {
      expect(numGoroutine()).toBe(1);
      const c = chan<void>();
      go(() => c.recv());
      go(() => c.recv());
      expect(numGoroutine()).toBe(3);
      c.close();
      await sleep(1);
      expect(numGoroutine()).toBe(1);
    });
  });

  it("a select-with-default busy loop yields now and then, so the task it waits for gets to run", async () => {
    const r = await runOk(async () => {
      let flag = false;
      const c = chan<number>();
      const wg = new WaitGroup();
      wg.go(async () => {
        let spins = 0;
        while (!flag) {
          await select(recv(c), defaultCase());
          spins++;
        }
        console.log(spins >= 1000 ? "spun at least 1000 times" : `spun ${spins} times`);
      });
      wg.go(async () => {
        flag = true;
      });
      await wg.wait();
    });
    expect(lines(r)).toEqual(["spun at least 1000 times"]);
    expect(r.virtualMs).toBe(0);
  });
});

describe("limits", () => {
  it("a busy loop polling for a timer runs into the steps limit, and the report names the task", async () => {
    const r = await runProgram(
      async () => {
        go("poller", async () => {
          const t = chan<number>();
          for (;;) await select(recv(t), defaultCase());
        });
        await sleep(10);
      },
      { limits: { steps: 20_000 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.report).toContain("20000");
    expect(r.report).toContain("poller");
    expect(r.report).toMatch(/busy loop/);
  });

  it("spawning more tasks than the tasks limit ends the run with outcome limit", async () => {
    const r = await runProgram(
      async () => {
        for (let i = 0; i < 50; i++) go(() => sleep(1));
        await sleep(2);
      },
      { limits: { tasks: 10 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.report).toMatch(/tasks/);
  });

  it("running past the virtual time limit ends the run with outcome limit", async () => {
    const r = await runProgram(
      async () => {
        for (;;) await sleep(1000);
      },
      { limits: { virtualMs: 5000 } },
    );
    expect(r.outcome).toBe("limit");
    expect(r.virtualMs).toBeLessThanOrEqual(5000);
  });
});

describe("misusing await", () => {
  it("awaiting two runtime operations at once is a panic that names the task", async () => {
    const r = await runProgram(async () => {
      go("greedy", async () => {
        const a = chan<number>();
        const b = chan<number>();
        await Promise.all([a.recv(), b.recv()]);
      });
      await sleep(10);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.task).toBe(taskNamed(r, "greedy").id);
  });

  it("awaiting a real setTimeout is a panic that says to use sleep, not a silent hang", async () => {
    const r = await runProgram(async () => {
      go("outsider", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
      await sleep(10);
    });
    expect(r.outcome).toBe("panic");
    expect(r.panic?.task).toBe(taskNamed(r, "outsider").id);
    expect(r.panic?.message).toMatch(/sleep/);
  });

  it("awaiting an already-resolved promise between operations is fine", async () => {
    await runOk(async () => {
      await Promise.resolve(1);
      await sleep(1);
      await Promise.resolve(2);
    });
  });
});

describe("signals", () => {
  it("a notified channel receives the signal at its virtual time", async () => {
    const r = await runOk(
      async () => {
        const sigs = chan<string>(1);
        signal.notify(sigs, "SIGINT", "SIGTERM");
        const got = await sigs.recv();
        console.log(`got ${String(got)} at ${now()}`);
      },
      { signals: [{ at: 1200, name: "SIGTERM" }] },
    );
    expect(lines(r)).toEqual(["got SIGTERM at 1200"]);
  });

  it("a SIGTERM no channel is notified of ends the run with outcome signal", async () => {
    const r = await runProgram(
      async () => {
        await sleep(5000);
      },
      { signals: [{ at: 100, name: "SIGTERM" }] },
    );
    expect(r.outcome).toBe("signal");
    expect(r.virtualMs).toBe(100);
  });

  it("after signal.stop the signal is no longer relayed, so it ends the run", async () => {
    const r = await runProgram(
      async () => {
        const sigs = chan<string>(1);
        signal.notify(sigs, "SIGINT");
        signal.stop(sigs);
        await sleep(1000);
      },
      { signals: [{ at: 10, name: "SIGINT" }] },
    );
    expect(r.outcome).toBe("signal");
  });

  it("an instant run waiting only for a signal that never comes is a deadlock that says so", async () => {
    const r = await runProgram(async () => {
      const sigs = chan<string>(1);
      signal.notify(sigs, "SIGTERM");
      await sigs.recv();
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.report).toMatch(/signal/);
  });
});

describe("busy loops", () => {
  const merger = async () => {
    go("merger", async () => {
      const done = chan<number>();
      done.close();
      for (;;) await select(recv(done), recv(chan<number>()));
    });
    await sleep(10);
  };

  it("a loop that keeps receiving from a closed channel hits the steps limit, reported as a busy loop of that task", async () => {
    const r = await runProgram(merger, { trace: false, limits: { steps: 1_000_000 } });
    expect(r.outcome).toBe("limit");
    expect(r.report).toContain("1000000");
    expect(r.report).toContain("merger");
    expect(r.report).toMatch(/busy loop/);
  });

  it("traced, the same loop fills the trace first; that limit also names the busy task", async () => {
    const r = await runProgram(merger, { limits: { events: 300_000 } });
    expect(r.outcome).toBe("limit");
    expect(r.report).toContain("300000");
    expect(r.report).toContain("merger");
    expect(r.report).toMatch(/busy loop/);
  });
});

describe("live (paced) runs", () => {
  it("virtual time follows the wall clock × speed", async () => {
    const t0 = performance.now();
    const r = await runOk(
      async () => {
        await sleep(1000);
      },
      { paced: { speed: 20 } },
    );
    const wall = performance.now() - t0;
    expect(r.virtualMs).toBe(1000);
    expect(wall).toBeGreaterThanOrEqual(40); // 1000 virtual ms at ×20 is 50 real ms
  });

  it("a signal sent through the live control reaches the notified channel; it then waits for the program", async () => {
    let awaiting = false;
    const r = await runOk(
      async () => {
        const sigs = chan<string>(1);
        signal.notify(sigs, "SIGTERM");
        const got = await sigs.recv();
        console.log(`got ${String(got)}`);
      },
      {
        paced: { speed: 1 },
        onAwaitingSignal: (waiting: boolean) => void (awaiting = awaiting || waiting),
        onStart: (control) => void setTimeout(() => control.signal("SIGTERM"), 20),
      },
    );
    expect(lines(r)).toEqual(["got SIGTERM"]);
    expect(awaiting).toBe(true);
  });

  it("stop() ends a live run at once with outcome stopped", async () => {
    const r = await runProgram(
      async () => {
        await sleep(1_000_000);
      },
      { paced: { speed: 1 }, onStart: (control) => void setTimeout(() => control.stop(), 20) },
    );
    expect(r.outcome).toBe("stopped");
  });
});
