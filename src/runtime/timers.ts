// The time package on virtual time: sleep, now, after, newTimer, afterFunc, newTicker, and the
// clock XState's createActor takes.
//
// Go 1.23 semantics for timer channels: a timer's channel is synchronous (len and cap 0). Its
// value — the virtual ms at which the timer fired — is produced only when a receiver takes it, so
// after stop() or reset() no stale value can ever be received, and stop() returns true whenever it
// prevents a value from being received, even past the expiry time if nobody had received it.
// A channel timer counts for the clock (can make time jump) only while a task waits on its channel.
// sleep, afterFunc, context deadlines and the XState clock always count.

import { Chan, timerDeliver, type ChanSource } from "./chan.ts";
import { activeRun, type Run } from "./scheduler.ts";
import type { TimerEntry } from "./virtual-clock.ts";

/** Go's `time.Sleep(d)`: waits `ms` virtual milliseconds. */
export function sleep(ms: number): Promise<void> {
  const run = activeRun();
  const t = run.enter();
  if (!(ms > 0)) return run.proceed(t, undefined) as unknown as Promise<void>;
  run.sleepUntil(t, run.now + ms);
  return run.block(t, "sleep", null) as unknown as Promise<void>;
}

/** Go's `time.Now()`: virtual ms since the program started. */
export function now(): number {
  return activeRun().now;
}

/** A timer that sends on a channel (newTimer, after, newTicker). */
class ChanTimer implements ChanSource {
  readonly id: number;
  readonly c: Chan<number>;
  when: number;
  period: number;
  active = true;
  gen = 0;
  #heapWhen = -1;
  #heapGen = -1;

  /** Its heap entry for (when, gen) is being dropped: a new waiter must push a new one. */
  dropped(when: number, gen: number): void {
    if (this.#heapWhen === when && this.#heapGen === gen) this.#heapWhen = this.#heapGen = -1;
  }

  constructor(run: Run, ms: number, period: number, name: string) {
    this.id = run.nextTimer++;
    this.when = run.now + Math.max(0, ms);
    this.period = period;
    this.c = new Chan<number>(0, name);
    this.c.source = this;
  }

  due(now: number): boolean {
    return this.active && this.when <= now;
  }

  take(run: Run): number {
    const v = this.when;
    if (this.period > 0) {
      // Ticks missed while nobody received are dropped, as Go's ticker drops them.
      this.when += this.period * (1 + Math.floor((run.now - this.when) / this.period));
      this.gen++;
      if (this.c.recvq.size > 0) this.watch(run);
    } else {
      this.active = false;
      this.gen++;
    }
    return v;
  }

  watch(run: Run): void {
    if (!this.active || (this.#heapWhen === this.when && this.#heapGen === this.gen)) return;
    this.#heapWhen = this.when;
    this.#heapGen = this.gen;
    run.clock.push(new ChanTimerEntry(this.when, run.clock.nextSeq(), run, this, this.gen));
  }

  stop(): boolean {
    const was = this.active;
    this.active = false;
    this.gen++;
    return was;
  }

  reset(run: Run, ms: number): boolean {
    const was = this.active;
    this.active = true;
    this.when = run.now + Math.max(0, ms);
    this.gen++;
    if (this.c.recvq.size > 0) this.watch(run);
    return was;
  }
}

class ChanTimerEntry implements TimerEntry {
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly run: Run,
    readonly timer: ChanTimer,
    readonly gen: number,
  ) {}
  live(): boolean {
    const x = this.timer;
    const live = x.active && x.gen === this.gen && x.c.recvq.size > 0;
    if (!live) x.dropped(this.when, this.gen); // peekLive pops an entry that is not live
    return live;
  }
  fire(): void {
    timerDeliver(this.run, this.timer.c);
  }
}

/** Go's `*time.Timer` made by newTimer. */
export interface Timer {
  /** The channel the fire time (virtual ms) is delivered on; synchronous (len and cap 0). */
  readonly c: Chan<number>;
  /** Stops the timer; true if that prevented it from firing (or its value from being received). */
  stop(): boolean;
  /** Restarts the timer to fire `ms` from now; true if it had been active. */
  reset(ms: number): boolean;
}

/** Go's `*time.Timer` made by afterFunc: it has no channel. */
export interface FuncTimerHandle {
  /** Always null: an afterFunc timer runs a function instead of sending. */
  readonly c: null;
  /** Stops the timer; true if fn had not started yet (and now never will), false once it has started. */
  stop(): boolean;
  /** Restarts the timer to run fn `ms` from now; true if it had been active. */
  reset(ms: number): boolean;
}

/** Go's `*time.Ticker`. */
export interface Ticker {
  /** The channel each tick's time (virtual ms) is delivered on; ticks nobody takes are dropped. */
  readonly c: Chan<number>;
  /** Stops the ticker: no more ticks are received. */
  stop(): void;
  /** Changes the period to `ms`; the next tick comes `ms` from now. */
  reset(ms: number): void;
}

/** Go's `time.NewTimer(d)`. */
export function newTimer(ms: number): Timer {
  const run = activeRun();
  const tm = new ChanTimer(run, ms, 0, `timer ${run.nextTimer}`);
  return {
    c: tm.c,
    stop: () => tm.stop(),
    reset: (d: number) => tm.reset(activeRun(), d),
  };
}

/** Go's `time.After(d)`: a channel that receives the fire time once, `ms` from now. */
export function after(ms: number): Chan<number> {
  const run = activeRun();
  return new ChanTimer(run, ms, 0, `after ${ms}ms`).c;
}

/** Go's `time.NewTicker(d)`: ticks every `ms` virtual ms. */
export function newTicker(ms: number): Ticker {
  if (!(ms > 0)) throw new Error("non-positive interval for newTicker");
  const run = activeRun();
  const tm = new ChanTimer(run, ms, ms, `ticker ${ms}ms`);
  return {
    c: tm.c,
    stop: () => {
      tm.stop();
    },
    reset: (d: number) => {
      if (!(d > 0)) throw new Error("non-positive interval for Ticker.Reset");
      tm.period = d;
      tm.reset(activeRun(), d);
    },
  };
}

/** A timer that runs a function (afterFunc, the XState clock, context deadlines). */
export class FuncTimer implements TimerEntry {
  active = true;
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly id: number,
    readonly run: Run,
    readonly onFire: () => void,
  ) {}
  live(): boolean {
    return this.active;
  }
  fire(): void {
    this.active = false;
    if (this.run.tracing) this.run.emit({ seq: 0, t: this.run.now, kind: "timer.fire", timer: this.id });
    this.onFire();
  }
}

/** Puts a function timer on the run's clock. */
export function addFuncTimer(run: Run, ms: number, onFire: () => void): FuncTimer {
  const ft = new FuncTimer(run.now + Math.max(0, ms), run.clock.nextSeq(), run.nextTimer++, run, onFire);
  run.clock.push(ft);
  return ft;
}

/**
 * Go's `time.AfterFunc(d, f)`: after `ms`, `fn` runs in its own task. `stop()` returns false once
 * `fn` has started (it cannot be called back), true if it stopped it in time.
 */
export function afterFunc(ms: number, fn: () => unknown): FuncTimerHandle {
  const run = activeRun();
  const parent = run.current;
  const start = (): void => {
    run.spawn(fn, fn.name === "" ? "afterFunc" : fn.name, parent);
  };
  let ft = addFuncTimer(run, ms, start);
  return {
    c: null,
    stop: () => {
      const was = ft.active;
      ft.active = false;
      return was;
    },
    reset: (d: number) => {
      const was = ft.active;
      ft.active = false;
      ft = addFuncTimer(activeRun(), d, start);
      return was;
    },
  };
}

/** A clock on virtual time for XState: `createActor(machine, { clock })`. */
export interface Clock {
  /** Virtual ms since the program started. */
  now(): number;
  /** Runs fn in its own task after `ms` virtual ms; returns an id for clearTimeout. */
  setTimeout(fn: (...args: unknown[]) => void, ms: number): number;
  /** Cancels a pending setTimeout. */
  clearTimeout(id: number | undefined): void;
}

/** The run's pending clock.setTimeout timers, by id. */
function clockTimers(run: Run): Map<number, FuncTimer> {
  let m = run.singletons.get("clockTimers") as Map<number, FuncTimer> | undefined;
  if (m === undefined) run.singletons.set("clockTimers", (m = new Map()));
  return m;
}

/** XState's clock on virtual time; each callback runs in its own task, like afterFunc. */
export const clock: Clock = {
  now: () => activeRun().now,
  setTimeout(fn, ms) {
    const run = activeRun();
    const parent = run.current;
    const timers = clockTimers(run);
    const ft = addFuncTimer(run, ms, () => {
      timers.delete(ft.id);
      run.spawn(() => fn(), "xstate timer", parent);
    });
    timers.set(ft.id, ft);
    return ft.id;
  },
  clearTimeout(id) {
    if (id === undefined) return;
    const timers = clockTimers(activeRun());
    const ft = timers.get(id);
    if (ft === undefined) return;
    ft.active = false;
    timers.delete(id);
  },
};
