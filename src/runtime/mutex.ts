// sync.Mutex and sync.RWMutex. Ownership passes to waiters first come, first served (Go's
// starvation mode, always on: predictable for learners). Unlocking an unlocked mutex is a fatal
// error that ends the run, as in Go, where it cannot be recovered.

import { activeRun } from "./scheduler.ts";
import { LOCK, WaitQueue, Waiter } from "./wait-queue.ts";
import { MSG } from "./errors.ts";

/**
 * Go's `sync.Mutex`: `await mu.lock()` … `mu.unlock()`. Waiters get the lock first come, first
 * served. Unlocking an unlocked mutex is a fatal error, as in Go.
 */
export class Mutex {
  #locked = false;
  #waiters = new WaitQueue();

  /** Locks, waiting while another task holds the lock. */
  lock(): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (!this.#locked) {
      this.#locked = true;
      return run.proceed(t, undefined) as unknown as Promise<void>;
    }
    this.#waiters.push(new Waiter(t, LOCK, undefined, null, 0));
    return run.block(t, "sync.Mutex.Lock", null) as unknown as Promise<void>;
  }

  /** Locks if free and returns true; else returns false at once. */
  tryLock(): boolean {
    activeRun().step();
    if (this.#locked) return false;
    this.#locked = true;
    return true;
  }

  /** Unlocks; the longest-waiting task (if any) gets the lock. */
  unlock(): void {
    const run = activeRun();
    run.step();
    if (!this.#locked) run.fatal(MSG.unlockUnlocked);
    const w = this.#waiters.shift();
    if (w === null) this.#locked = false;
    else run.wake(w.task, undefined);
  }
}

/**
 * Go's `sync.RWMutex`: many readers or one writer. A waiting writer holds back new readers; when the
 * writer unlocks, every reader that waited goes first, then the next writer.
 */
export class RWMutex {
  #readers = 0;
  #writer = false;
  #readWaiters = new WaitQueue();
  #writeWaiters = new WaitQueue();

  /** Go's `RLock`: shares the lock with other readers; waits while a writer holds or awaits it. */
  rLock(): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (!this.#writer && this.#writeWaiters.size === 0) {
      this.#readers++;
      return run.proceed(t, undefined) as unknown as Promise<void>;
    }
    this.#readWaiters.push(new Waiter(t, LOCK, undefined, null, 0));
    return run.block(t, "sync.RWMutex.RLock", null) as unknown as Promise<void>;
  }

  /** Go's `TryRLock`: a read lock if one is available now; false otherwise. */
  tryRLock(): boolean {
    activeRun().step();
    if (this.#writer || this.#writeWaiters.size > 0) return false;
    this.#readers++;
    return true;
  }

  /** Go's `RUnlock`: releases one read lock. */
  rUnlock(): void {
    const run = activeRun();
    run.step();
    if (this.#readers === 0) run.fatal(MSG.rUnlockUnlocked);
    this.#readers--;
    if (this.#readers === 0) this.#handOff(false);
  }

  /** Go's `Lock`: the exclusive (write) lock; waits for readers and writers to leave. */
  lock(): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (!this.#writer && this.#readers === 0) {
      this.#writer = true;
      return run.proceed(t, undefined) as unknown as Promise<void>;
    }
    this.#writeWaiters.push(new Waiter(t, LOCK, undefined, null, 0));
    return run.block(t, "sync.RWMutex.Lock", null) as unknown as Promise<void>;
  }

  /** Go's `TryLock`: the write lock if it is free now; false otherwise. */
  tryLock(): boolean {
    activeRun().step();
    if (this.#writer || this.#readers > 0) return false;
    this.#writer = true;
    return true;
  }

  /** Go's `Unlock`: releases the write lock. */
  unlock(): void {
    const run = activeRun();
    run.step();
    if (!this.#writer) run.fatal(MSG.unlockUnlockedRW);
    this.#writer = false;
    this.#handOff(true);
  }

  /**
   * The lock is free. After a writer: every waiting reader first, else the next writer. After
   * the last reader: the waiting writer (readers that came after it wait for it).
   */
  #handOff(afterWriter: boolean): void {
    const run = activeRun();
    if (this.#writer || this.#readers > 0) return;
    if (this.#readWaiters.size > 0 && (afterWriter || this.#writeWaiters.size === 0)) {
      for (let w = this.#readWaiters.shift(); w !== null; w = this.#readWaiters.shift()) {
        this.#readers++;
        run.wake(w.task, undefined);
      }
      return;
    }
    const w = this.#writeWaiters.shift();
    if (w !== null) {
      this.#writer = true;
      run.wake(w.task, undefined);
    }
  }
}
