// golang.org/x/sync/errgroup. A Group runs functions in tasks and wait() returns the first error.
// A function fails by throwing an Error or returning one; a panic() is never turned into an
// error (it ends the program, as in Go). withContext's context is cancelled, with the first error
// as its cause, when a function fails or when wait() returns.
//
// setLimit(n) bounds how many functions run at once: go() then returns a promise that stays
// pending while the group is at its limit (so `await g.go(fn)` is Go's blocking Go, waiting on
// the semaphore — wait reason "chan send"), and tryGo() returns false instead of waiting.

import { context, type Context, type CancelCauseFunc } from "./context.ts";
import { GoPanic, RunOver } from "./errors.ts";
import { activeRun } from "./scheduler.ts";
import { LOCK, WaitQueue, Waiter } from "./wait-queue.ts";
import { WaitGroup } from "./waitgroup.ts";

type GroupFn = () => unknown;

const started: Promise<void> = Promise.resolve();

/**
 * `errgroup.Group` (golang.org/x/sync/errgroup): run functions in tasks, `await g.wait()` for the
 * first error. A function fails by throwing or returning an Error.
 */
export class Group {
  #wg = new WaitGroup();
  #limit = -1;
  #active = 0;
  #err: Error | null = null;
  #cancel: CancelCauseFunc | null = null;
  /** Callers of go() waiting for a slot, each with the function it wants to start. */
  #waiting = new WaitQueue();

  /** @internal */
  setCancel(cancel: CancelCauseFunc): void {
    this.#cancel = cancel;
  }

  /**
   * Runs fn in a new task. Resolves once fn has started; pending while the group is at its limit.
   */
  go(fn: GroupFn): Promise<void> {
    const run = activeRun();
    if (this.#limit < 0 || this.#active < this.#limit) {
      this.#start(fn);
      return started;
    }
    const t = run.enter();
    this.#waiting.push(new Waiter(t, LOCK, fn, null, 0));
    return run.block(t, "chan send", null) as unknown as Promise<void>;
  }

  /** Starts fn only if the group is below its limit; returns whether it did. */
  tryGo(fn: GroupFn): boolean {
    activeRun().step();
    if (this.#limit >= 0 && this.#active >= this.#limit) return false;
    this.#start(fn);
    return true;
  }

  /** At most n functions at once; a negative n means no limit. */
  setLimit(n: number): void {
    if (this.#active !== 0) {
      throw new GoPanic(`errgroup: modify limit while ${this.#active} goroutines in the group are still active`);
    }
    this.#limit = n < 0 ? -1 : n;
  }

  /** Waits for every function; returns the first error, or null. */
  async wait(): Promise<Error | null> {
    await this.#wg.wait();
    if (this.#cancel !== null) this.#cancel(this.#err);
    return this.#err;
  }

  #start(fn: GroupFn): void {
    const run = activeRun();
    this.#active++;
    this.#wg.add(1);
    const body = async (): Promise<void> => {
      try {
        const r = await fn();
        if (r instanceof Error) this.#fail(r);
      } catch (e) {
        if (e instanceof GoPanic || e instanceof RunOver) throw e;
        this.#fail(e instanceof Error ? e : new Error(String(e)));
      } finally {
        this.#active--;
        this.#wg.done();
        this.#next();
      }
    };
    run.spawn(body, fn.name, run.current);
  }

  /** A slot freed: the longest-waiting go() caller starts its function and goes on. */
  #next(): void {
    if (this.#limit >= 0 && this.#active >= this.#limit) return;
    const w = this.#waiting.shift();
    if (w === null) return;
    this.#start(w.value as GroupFn);
    activeRun().wake(w.task, undefined);
  }

  #fail(err: Error): void {
    if (this.#err !== null) return;
    this.#err = err;
    if (this.#cancel !== null) this.#cancel(err);
  }
}

/** Go's `errgroup.WithContext(ctx)`: a group whose context is cancelled by the first error. */
function withContext(ctx: Context): [Group, Context] {
  const [c, cancel] = context.withCancelCause(ctx);
  const g = new Group();
  g.setCancel(cancel);
  return [g, c];
}

/** The errgroup package: `new errgroup.Group()` and `errgroup.withContext(ctx)`. */
export const errgroup = {
  /** `new errgroup.Group()`: a group with no context. */
  Group,
  /** `errgroup.WithContext(ctx)` → `[group, ctx]`: ctx is cancelled by the first error, or when wait() returns. */
  withContext,
};
