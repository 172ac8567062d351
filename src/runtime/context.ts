// Go's context package. A context is a node in a tree: cancelling one cancels its descendants,
// never its ancestors; a child's deadline is never later than its parent's.
//
// Invariants:
//   - A cancelable context (withCancel, withCancelCause, withDeadline, withTimeout) registers with
//     its nearest cancelable ancestor; withValue nodes are skipped over and withoutCancel cuts
//     the chain (its children never see the parent's cancellation).
//   - err() is null until the context is done, then exactly the sentinel (Canceled or
//     DeadlineExceeded) — the parent's, when the cancellation came from above.
//   - done() is created on first use; a done context's channel is closed.

import { Chan, closeInternal } from "./chan.ts";
import { activeRun, type Run } from "./scheduler.ts";
import { addFuncTimer, type FuncTimer } from "./timers.ts";

/** Go's `context.Canceled`. */
export const Canceled: Error = new Error("context canceled");
/** Go's `context.DeadlineExceeded`. */
export const DeadlineExceeded: Error = new Error("context deadline exceeded");

/** Go's `context.Context`. */
export interface Context {
  /** A channel closed when the context is done; null if it can never be (background, todo, withoutCancel). */
  done(): Chan<void> | null;
  /** null until done; then Canceled or DeadlineExceeded. */
  err(): Error | null;
  /** The virtual ms at which it will be cancelled, if it has a deadline. */
  deadline(): number | undefined;
  /** The value stored under `key` here or in an ancestor (withValue), else undefined. */
  value(key: unknown): unknown;
}

/** Go's `context.CancelFunc`. */
export type CancelFunc = () => void;
/** Go's `context.CancelCauseFunc`. */
export type CancelCauseFunc = (cause?: Error | null) => void;

abstract class Ctx implements Context {
  readonly id: number;
  constructor(
    readonly run: Run,
    readonly parent: Ctx | null,
    readonly label: string,
    deadline?: number,
  ) {
    this.id = run.nextCtx++;
    if (run.tracing) {
      const e: { seq: number; t: number; kind: "ctx.make"; ctx: number; parent: number | null; name: string; deadline?: number } = {
        seq: 0, t: run.now, kind: "ctx.make", ctx: this.id, parent: parent === null ? null : parent.id, name: label,
      };
      if (deadline !== undefined) e.deadline = deadline;
      run.emit(e);
    }
  }
  abstract done(): Chan<void> | null;
  abstract err(): Error | null;
  abstract deadline(): number | undefined;
  abstract value(key: unknown): unknown;
  /** The nearest cancelable context at or above this one, or null if none (withoutCancel cuts). */
  abstract cancelNode(): CancelCtx | null;
  /** @internal */
  toString(): string {
    return `context.${this.label}`;
  }
}

class EmptyCtx extends Ctx {
  done(): null {
    return null;
  }
  err(): null {
    return null;
  }
  deadline(): undefined {
    return undefined;
  }
  value(): undefined {
    return undefined;
  }
  cancelNode(): null {
    return null;
  }
}

type Child = CancelCtx | AfterFuncRegistration;

class CancelCtx extends Ctx {
  #done: Chan<void> | null = null;
  #err: Error | null = null;
  #cause: Error | null = null;
  #children = new Set<Child>();
  #deadline: number | undefined;
  timer: FuncTimer | null = null;

  constructor(run: Run, parent: Ctx, label: string, deadline?: number) {
    super(run, parent, label, deadline);
    this.#deadline = deadline;
  }

  done(): Chan<void> {
    if (this.#done === null) {
      this.#done = new Chan<void>(0, `ctx ${this.id} done`);
      if (this.#err !== null) closeInternal(this.run, this.#done);
    }
    return this.#done;
  }
  err(): Error | null {
    return this.#err;
  }
  causeOf(): Error | null {
    return this.#cause;
  }
  deadline(): number | undefined {
    return this.#deadline ?? (this.parent as Ctx).deadline();
  }
  value(key: unknown): unknown {
    return (this.parent as Ctx).value(key);
  }
  cancelNode(): CancelCtx {
    return this;
  }

  /** Registers a child to be cancelled with this context (or at once, if this one is done). */
  adopt(child: Child): void {
    if (this.#err !== null) child.cancel(false, this.#err, this.#cause);
    else this.#children.add(child);
  }
  forget(child: Child): void {
    this.#children.delete(child);
  }

  cancel(removeFromParent: boolean, err: Error, cause: Error | null): void {
    if (this.#err !== null) return;
    this.#err = err;
    this.#cause = cause ?? err;
    const run = this.run;
    if (run.tracing) {
      const e: { seq: number; t: number; kind: "ctx.cancel"; ctx: number; err: string; cause?: string; task?: number } = {
        seq: 0, t: run.now, kind: "ctx.cancel", ctx: this.id, err: err.message,
      };
      if (this.#cause !== err) e.cause = this.#cause.message;
      if (run.current !== null) e.task = run.current.id;
      run.emit(e);
    }
    if (this.timer !== null) this.timer.active = false;
    if (this.#done !== null) closeInternal(run, this.#done);
    const children = [...this.#children];
    this.#children.clear();
    for (const c of children) c.cancel(false, err, this.#cause);
    if (removeFromParent) (this.parent as Ctx).cancelNode()?.forget(this);
  }
}

class ValueCtx extends Ctx {
  constructor(
    run: Run,
    parent: Ctx,
    readonly key: unknown,
    readonly val: unknown,
  ) {
    super(run, parent, `withValue(${String(key)})`);
  }
  done(): Chan<void> | null {
    return (this.parent as Ctx).done();
  }
  err(): Error | null {
    return (this.parent as Ctx).err();
  }
  deadline(): number | undefined {
    return (this.parent as Ctx).deadline();
  }
  value(key: unknown): unknown {
    return key === this.key ? this.val : (this.parent as Ctx).value(key);
  }
  cancelNode(): CancelCtx | null {
    return (this.parent as Ctx).cancelNode();
  }
}

class WithoutCancelCtx extends Ctx {
  done(): null {
    return null;
  }
  err(): null {
    return null;
  }
  deadline(): undefined {
    return undefined;
  }
  value(key: unknown): unknown {
    return (this.parent as Ctx).value(key);
  }
  cancelNode(): null {
    return null;
  }
}

/** A function registered with context.afterFunc. */
class AfterFuncRegistration {
  state: "waiting" | "started" | "stopped" = "waiting";
  constructor(
    readonly run: Run,
    readonly fn: () => unknown,
  ) {}
  cancel(): void {
    if (this.state !== "waiting") return;
    this.state = "started";
    this.run.spawn(this.fn, this.fn.name === "" ? "context.afterFunc" : this.fn.name, this.run.current);
  }
}

function asCtx(p: Context): Ctx {
  if (!(p instanceof Ctx)) throw new Error("context: the parent must be a context made by chanscope's context functions (start from context.background())");
  return p;
}

function root(name: "background" | "todo"): Context {
  const run = activeRun();
  let c = run.singletons.get(name) as Ctx | undefined;
  if (c === undefined) {
    c = new EmptyCtx(run, null, name);
    run.singletons.set(name, c);
  }
  return c;
}

function newCancelCtx(parent: Context, label: string, deadline?: number): CancelCtx {
  const p = asCtx(parent);
  const c = new CancelCtx(activeRun(), p, label, deadline);
  p.cancelNode()?.adopt(c);
  return c;
}

/** Go's `context.WithCancel(parent)`: a child context and the function that cancels it. */
function withCancel(parent: Context): [Context, CancelFunc] {
  const c = newCancelCtx(parent, "withCancel");
  return [c, () => c.cancel(true, Canceled, null)];
}

/** Go's `context.WithCancelCause(parent)`: like withCancel; `cancel(err)` records err as the cause. */
function withCancelCause(parent: Context): [Context, CancelCauseFunc] {
  const c = newCancelCtx(parent, "withCancelCause");
  return [c, (cause?: Error | null) => c.cancel(true, Canceled, cause ?? null)];
}

function withDeadline(parent: Context, atMs: number, label = `withDeadline(${atMs})`): [Context, CancelFunc] {
  const p = asCtx(parent);
  const run = activeRun();
  const pd = p.deadline();
  if (pd !== undefined && pd <= atMs) {
    // The parent's deadline comes first: this one would never matter (Go returns WithCancel).
    const c = newCancelCtx(parent, label);
    return [c, () => c.cancel(true, Canceled, null)];
  }
  const c = newCancelCtx(parent, label, atMs);
  if (c.err() === null) {
    if (atMs <= run.now) c.cancel(true, DeadlineExceeded, null);
    else c.timer = addFuncTimer(run, atMs - run.now, () => c.cancel(true, DeadlineExceeded, null));
  }
  return [c, () => c.cancel(true, Canceled, null)];
}

/** Go's `context.WithTimeout(parent, d)`: cancelled with DeadlineExceeded `ms` virtual ms from now. */
function withTimeout(parent: Context, ms: number): [Context, CancelFunc] {
  return withDeadline(parent, activeRun().now + ms, `withTimeout(${ms})`);
}

/** Go's `context.WithValue(parent, key, val)`: `ctx.value(key)` returns val here and below. */
function withValue(parent: Context, key: unknown, value: unknown): Context {
  return new ValueCtx(activeRun(), asCtx(parent), key, value);
}

/** Go's `context.WithoutCancel(parent)`: keeps the values, never cancelled with the parent. */
function withoutCancel(parent: Context): Context {
  return new WithoutCancelCtx(activeRun(), asCtx(parent), "withoutCancel");
}

/**
 * Go's `context.AfterFunc(ctx, f)`: runs `fn` in its own task once ctx is done. The returned
 * stop() returns true if it stopped fn from being run, false if fn has started or was stopped.
 */
function contextAfterFunc(ctx: Context, fn: () => unknown): () => boolean {
  const c = asCtx(ctx);
  const reg = new AfterFuncRegistration(activeRun(), fn);
  const node = c.cancelNode();
  node?.adopt(reg);
  return () => {
    if (reg.state !== "waiting") return false;
    reg.state = "stopped";
    node?.forget(reg);
    return true;
  };
}

/** Go's `context.Cause(ctx)`: why ctx was cancelled (its err() if no cause was given); null until then. */
function cause(ctx: Context): Error | null {
  const node = asCtx(ctx).cancelNode();
  return node === null ? ctx.err() : node.causeOf();
}

/** Go's `context.WithDeadline(parent, t)`: cancelled with DeadlineExceeded at virtual ms `atMs`. */
function deadlineAt(parent: Context, atMs: number): [Context, CancelFunc] {
  return withDeadline(parent, atMs);
}

/** Go's context package. */
export const context = {
  /** Go's `context.Background()`: the root context, never cancelled. */
  background: (): Context => root("background"),
  /** Go's `context.TODO()`: a root context for "not decided yet". */
  todo: (): Context => root("todo"),
  /** Go's `context.WithCancel(parent)` → `[ctx, cancel]`. */
  withCancel,
  /** Go's `context.WithCancelCause(parent)` → `[ctx, cancel(cause)]`; see `context.cause`. */
  withCancelCause,
  /** Go's `context.WithDeadline(parent, t)`: done at virtual ms `atMs` (never later than the parent). */
  withDeadline: deadlineAt,
  /** Go's `context.WithTimeout(parent, d)`: done `ms` virtual ms from now (never later than the parent). */
  withTimeout,
  /** Go's `context.WithValue(parent, key, val)`. */
  withValue,
  /** Go's `context.WithoutCancel(parent)`: the values, without the cancellation. */
  withoutCancel,
  /** Go's `context.AfterFunc(ctx, f)` → `stop()`: runs fn in its own task once ctx is done. */
  afterFunc: contextAfterFunc,
  /** Go's `context.Cause(ctx)`. */
  cause,
  /** Go's `context.Canceled`: the error of a cancelled context. */
  Canceled,
  /** Go's `context.DeadlineExceeded`: the error of a context whose deadline passed. */
  DeadlineExceeded,
};
