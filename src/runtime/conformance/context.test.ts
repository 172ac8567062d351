// Package context as Go has it: cancellation flows down the tree and never up; a child's deadline
// never outlives its parent's; err() is the very sentinel; cause; withoutCancel; afterFunc; values.
import { describe, expect, it } from "vitest";
import { context, go, now, sleep, type Chan } from "../index.ts";
import { eventsOf, runOk } from "./harness.ts";

describe("context", () => {
  it("background and todo are never done, have no deadline and no error", async () => {
    await runOk(async () => {
      for (const c of [context.background(), context.todo()]) {
        expect(c.done()).toBeNull();
        expect(c.err()).toBeNull();
        expect(c.deadline()).toBeUndefined();
      }
    });
  });

  it("cancel propagates down to every descendant and never up to the parent or siblings", async () => {
    await runOk(async () => {
      const [root, cancelRoot] = context.withCancel(context.background());
      const [mid, cancelMid] = context.withCancel(root);
      const [leaf, cancelLeaf] = context.withCancel(mid);
      const [sibling, cancelSibling] = context.withCancel(root);
      const valued = context.withValue(leaf, "k", 1);

      cancelMid();
      expect(mid.err()).toBe(context.Canceled);
      expect(leaf.err()).toBe(context.Canceled);
      expect(valued.err()).toBe(context.Canceled);
      expect(root.err()).toBeNull();
      expect(sibling.err()).toBeNull();
      await (leaf.done() as Chan<void>).recv(); // closed: does not block

      cancelRoot();
      expect(sibling.err()).toBe(context.Canceled);
      expect(context.Canceled.message).toBe("context canceled");
      cancelLeaf();
      cancelSibling();
    });
  });

  it("a cancelled context's done channel wakes every waiter at once", async () => {
    const woke: number[] = [];
    await runOk(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      for (let i = 0; i < 3; i++) {
        go(`waiter-${i}`, async () => {
          await (ctx.done() as Chan<void>).recv();
          woke.push(i);
        });
      }
      await sleep(10);
      cancel();
      await sleep(1);
    });
    expect(woke.sort()).toEqual([0, 1, 2]);
  });

  it("withTimeout is done at its deadline with DeadlineExceeded", async () => {
    const r = await runOk(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 100);
      expect(ctx.deadline()).toBe(100);
      await (ctx.done() as Chan<void>).recv();
      expect(now()).toBe(100);
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      expect(context.DeadlineExceeded.message).toBe("context deadline exceeded");
      cancel();
      expect(ctx.err()).toBe(context.DeadlineExceeded);
    });
    expect(r.virtualMs).toBe(100);
    const cancels = eventsOf(r, "ctx.cancel");
    expect(cancels.map((e) => [e.t, e.err])).toEqual([[100, "context deadline exceeded"]]);
  });

  it("a child's deadline is clamped to its parent's, and the child expires with the parent", async () => {
    await runOk(async () => {
      const [parent, cancelParent] = context.withTimeout(context.background(), 100);
      const [child, cancelChild] = context.withTimeout(parent, 500);
      const [deadlined, cancelDeadlined] = context.withDeadline(parent, 1000);
      expect(child.deadline()).toBe(100);
      expect(deadlined.deadline()).toBe(100);
      const [earlier, cancelEarlier] = context.withTimeout(parent, 30);
      expect(earlier.deadline()).toBe(30);
      await (child.done() as Chan<void>).recv();
      expect(now()).toBe(100);
      expect(child.err()).toBe(context.DeadlineExceeded);
      expect(earlier.err()).toBe(context.DeadlineExceeded);
      for (const c of [cancelParent, cancelChild, cancelDeadlined, cancelEarlier]) c();
    });
  });

  it("withDeadline in the past is done at once", async () => {
    await runOk(async () => {
      await sleep(50);
      const [ctx, cancel] = context.withDeadline(context.background(), 20);
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      await (ctx.done() as Chan<void>).recv();
      expect(now()).toBe(50);
      cancel();
    });
  });

  it("cause: the cause given to cancel, else the error; inherited by children", async () => {
    await runOk(async () => {
      const [ctx, cancel] = context.withCancelCause(context.background());
      const [child, cancelChild] = context.withCancel(ctx);
      const boom = new Error("upstream said no");
      cancel(boom);
      expect(ctx.err()).toBe(context.Canceled);
      expect(context.cause(ctx)).toBe(boom);
      expect(context.cause(child)).toBe(boom);
      cancelChild();

      const [plain, cancelPlain] = context.withCancel(context.background());
      expect(context.cause(plain)).toBeNull();
      cancelPlain();
      expect(context.cause(plain)).toBe(context.Canceled);

      const [timed, cancelTimed] = context.withTimeout(context.background(), 5);
      await (timed.done() as Chan<void>).recv();
      expect(context.cause(timed)).toBe(context.DeadlineExceeded);
      cancelTimed();
    });
  });

  it("a second cancel changes nothing: the first error and cause stay", async () => {
    await runOk(async () => {
      const [ctx, cancel] = context.withCancelCause(context.background());
      const first = new Error("first");
      cancel(first);
      cancel(new Error("second"));
      expect(context.cause(ctx)).toBe(first);
    });
  });

  it("withoutCancel keeps the values but not the cancellation", async () => {
    await runOk(async () => {
      const [parent, cancel] = context.withTimeout(context.withValue(context.background(), "user", "ada"), 10);
      const detached = context.withoutCancel(parent);
      cancel();
      expect(parent.err()).toBe(context.Canceled);
      expect(detached.done()).toBeNull();
      expect(detached.err()).toBeNull();
      expect(detached.deadline()).toBeUndefined();
      expect(detached.value("user")).toBe("ada");
      const [child, cancelChild] = context.withCancel(detached);
      expect(child.err()).toBeNull();
      cancelChild();
    });
  });

  it("values are found up the chain; the nearest wins; a missing key is undefined", async () => {
    await runOk(async () => {
      const a = context.withValue(context.background(), "k", 1);
      const b = context.withValue(a, "other", 2);
      const c = context.withValue(b, "k", 3);
      expect([a.value("k"), b.value("k"), c.value("k"), c.value("other"), c.value("none")]).toEqual([1, 1, 3, 2, undefined]);
    });
  });

  it("afterFunc runs fn in its own task once the context is done; stop before that returns true", async () => {
    const ran: [string, number][] = [];
    await runOk(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      const stopA = context.afterFunc(ctx, () => void ran.push(["a", now()]));
      const stopB = context.afterFunc(ctx, () => void ran.push(["b", now()]));
      expect(stopB()).toBe(true);
      await sleep(20);
      cancel();
      await sleep(1);
      expect(stopA()).toBe(false);
    });
    expect(ran).toEqual([["a", 20]]);
  });

  it("afterFunc on a context that is already done runs fn at once", async () => {
    let ran = false;
    await runOk(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      cancel();
      context.afterFunc(ctx, () => void (ran = true));
      await sleep(1);
    });
    expect(ran).toBe(true);
  });

  it("the trace records the tree (ctx.make with parent) and each cancellation once", async () => {
    const r = await runOk(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      const [child] = context.withTimeout(parent, 50);
      void child;
      cancel();
    });
    const makes = eventsOf(r, "ctx.make");
    const childMake = makes.find((m) => m.deadline === 50);
    const parentMake = makes.find((m) => m.ctx === childMake?.parent);
    expect(parentMake).toBeDefined();
    const cancels = eventsOf(r, "ctx.cancel");
    expect(cancels.map((c) => c.ctx).sort()).toEqual([parentMake?.ctx, childMake?.ctx].sort());
    expect(cancels.every((c) => c.err === "context canceled")).toBe(true);
  });
});
