import { describe, expect, it } from "vitest";
import { context, errgroup, go, Mutex, Once, sleep, WaitGroup } from "./index.ts";
import { run } from "./run.ts";

describe("Mutex", () => {
  it("passes ownership to waiters first come, first served", async () => {
    const r = await run(async () => {
      const mu = new Mutex();
      await mu.lock();
      const wg = new WaitGroup();
      for (const n of ["w1", "w2", "w3"]) {
        wg.go(async () => {
          await mu.lock();
          console.log(n);
          await sleep(1);
          mu.unlock();
        });
        await sleep(1);
      }
      mu.unlock();
      await wg.wait();
    });
    expect(r.output.map((o) => o.text)).toEqual(["w1", "w2", "w3"]);
  });
});

describe("Once", () => {
  it("runs an async function once; a caller arriving meanwhile waits for it to finish", async () => {
    const r = await run(async () => {
      const once = new Once();
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++) {
        wg.go(async () => {
          await once.do(async () => {
            await sleep(10);
            console.log("init");
          });
          console.log("after", i);
        });
      }
      await wg.wait();
    });
    expect(r.output.map((o) => [o.t, o.text])).toEqual([
      [10, "init"],
      [10, "after 0"],
      [10, "after 1"],
      [10, "after 2"],
    ]);
  });
});

describe("errgroup", () => {
  it("the first error cancels the group's context with the error as its cause", async () => {
    const r = await run(async () => {
      const [g, ctx] = errgroup.withContext(context.background());
      void g.go(async () => {
        await sleep(10);
        throw new Error("batch 3 failed");
      });
      void g.go(async () => {
        await ctx.done()?.recv();
        console.log("stopped:", ctx.err(), "cause:", context.cause(ctx));
      });
      console.log("wait:", await g.wait());
    });
    expect(r.output.map((o) => o.text)).toEqual(["stopped: context canceled cause: batch 3 failed", "wait: batch 3 failed"]);
  });

  it("setLimit bounds how many functions run at once", async () => {
    let running = 0;
    let peak = 0;
    const r = await run(async () => {
      const g = new errgroup.Group();
      g.setLimit(3);
      for (let i = 0; i < 10; i++) {
        await g.go(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(10 + i);
          running--;
        });
      }
      await g.wait();
    });
    expect(r.outcome).toBe("ok");
    expect(peak).toBe(3);
    const blocked = r.trace.filter((e) => e.kind === "task.block" && e.task === 1 && e.reason === "chan send");
    expect(blocked.length).toBe(7);
  });
});

describe("WaitGroup", () => {
  it("wait returns when the last task is done", async () => {
    const r = await run(async () => {
      const wg = new WaitGroup();
      for (let i = 1; i <= 3; i++) {
        wg.add(1);
        go(async () => {
          await sleep(i * 10);
          wg.done();
        });
      }
      await wg.wait();
      console.log("done");
    });
    expect(r.output.map((o) => [o.t, o.text])).toEqual([[30, "done"]]);
  });
});
