import { describe, expect, it } from "vitest";
import { context, Canceled, DeadlineExceeded, go, now, sleep } from "./index.ts";
import { run } from "./run.ts";

const out = (r: { output: { text: string }[] }): string[] => r.output.map((o) => o.text);

describe("context", () => {
  it("cancellation propagates down the tree, never up", async () => {
    const r = await run(async () => {
      const [parent, cancelParent] = context.withCancel(context.background());
      const [child, cancelChild] = context.withCancel(parent);
      const grandchild = context.withValue(child, "k", 1);
      cancelChild();
      console.log(parent.err(), child.err() === Canceled, grandchild.err() === Canceled);
      cancelParent();
      console.log(parent.err() === Canceled);
    });
    expect(out(r)).toEqual(["null true true", "true"]);
  });

  it("a child's deadline is never later than its parent's, and both expire with DeadlineExceeded", async () => {
    const r = await run(async () => {
      const [parent, c1] = context.withTimeout(context.background(), 100);
      const [child, c2] = context.withTimeout(parent, 500);
      console.log(child.deadline());
      await child.done()?.recv();
      console.log(now(), child.err() === DeadlineExceeded, parent.err() === DeadlineExceeded);
      c1();
      c2();
    });
    expect(out(r)).toEqual(["100", "100 true true"]);
  });

  it("cause reports the error given to a cancel-cause function; err stays Canceled", async () => {
    const r = await run(async () => {
      const [ctx, cancel] = context.withCancelCause(context.background());
      console.log(context.cause(ctx));
      cancel(new Error("disk full"));
      console.log(ctx.err(), "/", context.cause(ctx));
    });
    expect(out(r)).toEqual(["null", "context canceled / disk full"]);
  });

  it("withoutCancel keeps values but is never done", async () => {
    const r = await run(async () => {
      const [ctx, cancel] = context.withCancel(context.withValue(context.background(), "user", "ann"));
      const detached = context.withoutCancel(ctx);
      cancel();
      console.log(detached.value("user"), detached.done(), detached.err(), detached.deadline());
    });
    expect(out(r)).toEqual(["ann null null undefined"]);
  });

  it("afterFunc runs fn in its own task when the context is done; stop before that prevents it", async () => {
    const r = await run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      context.afterFunc(ctx, function cleanup() {
        console.log(now(), "cleanup ran");
      });
      const stop = context.afterFunc(ctx, () => console.log("never"));
      console.log(stop());
      go(async () => {
        await sleep(30);
        cancel();
      });
      await sleep(40);
      console.log(stop());
    });
    expect(out(r)).toEqual(["true", "30 cleanup ran", "false"]);
    expect(r.tasks.map((t) => t.name)).toContain("cleanup");
  });

  it("every context is traced with its parent, and each cancellation once with its task", async () => {
    const r = await run(async () => {
      const [a, cancel] = context.withCancel(context.background());
      context.withTimeout(a, 50);
      cancel();
      cancel();
    });
    const makes = r.trace.filter((e) => e.kind === "ctx.make").map((e) => (e.kind === "ctx.make" ? [e.ctx, e.parent, e.name, e.deadline] : []));
    expect(makes).toEqual([
      [1, null, "background", undefined],
      [2, 1, "withCancel", undefined],
      [3, 2, "withTimeout(50)", 50],
    ]);
    const cancels = r.trace.filter((e) => e.kind === "ctx.cancel");
    expect(cancels).toMatchObject([
      { ctx: 2, err: "context canceled", task: 1 },
      { ctx: 3, err: "context canceled", task: 1 },
    ]);
  });
});
