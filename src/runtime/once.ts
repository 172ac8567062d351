// sync.Once: do(fn) runs fn the first time only. Callers that arrive while fn is still running
// wait for it to finish (as Go's do, which holds a mutex), so after `await once.do(f)` f has run.

import { activeRun } from "./scheduler.ts";
import { LOCK, WaitQueue, Waiter } from "./wait-queue.ts";

/** Go's `sync.Once`: `await once.do(fn)` runs fn the first time only; later calls do nothing. */
export class Once {
  #state: "new" | "running" | "done" = "new";
  #waiters = new WaitQueue();

  /** Go's `once.Do(f)`: runs fn if no call ran it yet; a call that arrives while fn runs waits for it. */
  do(fn: () => unknown): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (this.#state === "done") return run.proceed(t, undefined) as unknown as Promise<void>;
    if (this.#state === "running") {
      this.#waiters.push(new Waiter(t, LOCK, undefined, null, 0));
      return run.block(t, "sync.Mutex.Lock", null) as unknown as Promise<void>;
    }
    this.#state = "running";
    const finish = (): void => {
      this.#state = "done";
      const r = activeRun();
      for (let w = this.#waiters.shift(); w !== null; w = this.#waiters.shift()) r.wake(w.task, undefined);
    };
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      finish();
      throw e;
    }
    if (result !== null && typeof result === "object" && typeof (result as Promise<unknown>).then === "function") {
      return (async () => {
        try {
          await result;
        } finally {
          finish();
        }
      })();
    }
    finish();
    return run.proceed(t, undefined) as unknown as Promise<void>;
  }
}
