// sync.WaitGroup: a counter; wait() blocks until it is zero. add() with a negative total panics
// with Go's message. go(fn) is Go 1.25's wg.Go: add(1), run fn in a new task, done() when it ends.

import { GoPanic, MSG } from "./errors.ts";
import { activeRun } from "./scheduler.ts";
import { LOCK, plainWaiter, WaitQueue } from "./wait-queue.ts";

/**
 * Go's `sync.WaitGroup`: `add(n)` before starting work, `done()` when a piece finishes, and
 * `await wg.wait()` until the counter is back to zero. `wg.go(fn)` is Go 1.25's `wg.Go(f)`.
 */
export class WaitGroup {
  #n = 0;
  #waiters = new WaitQueue();

  /** Adds `delta` (may be negative) to the counter; at zero, every waiter goes on. */
  add(delta: number): void {
    const run = activeRun();
    run.step();
    this.#n += delta;
    if (this.#n < 0) {
      this.#n -= delta;
      throw new GoPanic(MSG.negativeWaitGroup);
    }
    if (this.#n === 0) for (let w = this.#waiters.shift(); w !== null; w = this.#waiters.shift()) run.wake(w.task, undefined);
  }

  /** add(-1). */
  done(): void {
    this.add(-1);
  }

  /** Waits until the counter is zero (Go's `wg.Wait()`). */
  wait(): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (this.#n === 0) return run.proceed(t, undefined) as unknown as Promise<void>;
    this.#waiters.push(plainWaiter(run, t, LOCK, undefined));
    return run.block(t, "sync.WaitGroup.Wait", null) as unknown as Promise<void>;
  }

  /** Go's `wg.Go(f)`: runs fn in a new task counted by this group. */
  go(fn: () => unknown): void {
    const run = activeRun();
    this.add(1);
    const wrapped = async (): Promise<void> => {
      try {
        await fn();
      } finally {
        this.done();
      }
    };
    run.spawn(wrapped, fn.name, run.current);
  }
}
