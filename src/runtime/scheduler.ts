// The scheduler of one run: which task runs, when the clock moves, and how the run ends.
//
// Invariants:
//   - At most one task runs at a time: `current`. It is set when the scheduler resumes a task and
//     cleared when that task suspends on an operation (Suspension.then) or exits.
//   - `dispatch` runs only while no task runs. It resumes the next runnable task (FIFO, or a
//     seeded random pick in explore mode); when none can run it advances the virtual clock to the
//     earliest timer that counts; when no timer counts the run is over (main returned) or
//     deadlocked.
//   - A woken task goes to the back of the run queue; it does not run until the current task
//     blocks, exits or yields.
//   - Every random choice comes from `rng`, so the same program and seed give the same trace.

import { GoPanic, RunOver } from "./errors.ts";
import { Prng } from "./prng.ts";
import { Suspension, Task } from "./task.ts";
import type { Loc, TraceEvent } from "./trace.ts";
import { TimerHeap, type TimerEntry } from "./virtual-clock.ts";
import { TraceStore } from "./trace-store.ts";
import { deliverSignal, waitsForSignal } from "./signal.ts";

/** The run in progress in this JavaScript realm, if any. */
export let active: Run | null = null;

export function setActive(run: Run | null): void {
  active = run;
}

/** The active run, or an error that says how to get one. */
export function activeRun(): Run {
  if (active === null) {
    throw new Error("chanscope: no program is running; call this inside a program started with run()");
  }
  return active;
}

export interface Limits {
  steps: number;
  tasks: number;
  virtualMs: number;
  /** Trace events a run may record; more ends it with outcome "limit" rather than exhausting memory. */
  events: number;
}

export const DEFAULT_LIMITS: Limits = { steps: 5_000_000, tasks: 100_000, virtualMs: 3_600_000, events: 4_000_000 };

/**
 * After main returns, the leaked tasks run on (post-mortem, instantly, output suppressed) until
 * nothing can run or this many operations, so each leak is reported where it finally got stuck.
 */
const DRAIN_STEPS = 10_000;
/** Non-blocking operations in a row after which a task yields (DESIGN §3). */
const YIELD_EVERY = 1000;
/** Trace events per onEvents batch. */
const BATCH = 256;
/** Explore mode: chance that an operation that could go on switches to another task anyway. */
const EXPLORE_SWITCH = 0.25;

export interface RunConfig {
  seed: number;
  trace: boolean;
  explore: boolean;
  limits: Limits;
  paced: { speed: number } | null;
  onEvents: ((batch: TraceEvent[]) => void) | null;
  onAwaitingSignal?: ((waiting: boolean) => void) | null;
}

export type Ending =
  | { outcome: "ok" }
  | { outcome: "deadlock"; signalWait: boolean }
  | { outcome: "panic"; task: Task | null; message: string; fatal: boolean; loc: Loc | null }
  | { outcome: "limit"; message: string }
  | { outcome: "signal"; name: string }
  | { outcome: "stopped" };

/** A task alive when main returned, as the leak report tells it. */
export interface Leak {
  task: Task;
  /** Its wait reason: where it got stuck in the post-mortem drain, or what it did at main's return. */
  reason: string;
  since: number;
  loc: Loc | null;
  /** It would have finished (virtual ms) had the program not ended. */
  wouldExitAt?: number;
  /** It would have panicked with this message. */
  wouldPanic?: string;
}

interface AtReturn {
  task: Task;
  reason: string;
  since: number;
  loc: Loc | null;
}

export interface OutputLine {
  t: number;
  task: number;
  text: string;
}

const FIRED = 0;
const NOTHING = 1;
const WAITING = 2;

/** Runnable tasks, oldest first; a growable ring whose size is a power of two (index by mask). */
class RunQueue {
  #a: (Task | undefined)[] = new Array(16);
  #mask = 15;
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(t: Task): void {
    if (this.#size > this.#mask) this.#grow();
    this.#a[(this.#head + this.#size) & this.#mask] = t;
    this.#size++;
  }

  #grow(): void {
    const a = this.#a;
    const b: (Task | undefined)[] = new Array(a.length * 2);
    for (let i = 0; i < this.#size; i++) b[i] = a[(this.#head + i) & this.#mask];
    this.#a = b;
    this.#mask = b.length - 1;
    this.#head = 0;
  }

  /** The oldest task, or (explore mode) a random one. */
  take(rng: Prng | null): Task | undefined {
    if (this.#size === 0) return undefined;
    const a = this.#a;
    const h = this.#head;
    if (rng !== null && this.#size > 1) {
      const k = (h + rng.below(this.#size)) & this.#mask;
      const t = a[k];
      a[k] = a[h];
      a[h] = t;
    }
    const t = a[h];
    a[h] = undefined;
    this.#head = (h + 1) & this.#mask;
    this.#size--;
    return t;
  }
}

class SleepEntry implements TimerEntry {
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly run: Run,
    readonly task: Task,
  ) {}
  live(): boolean {
    return this.task.state === "blocked";
  }
  fire(): void {
    this.run.wake(this.task, undefined);
  }
}

class SignalEntry implements TimerEntry {
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly run: Run,
    readonly name: string,
  ) {}
  live(): boolean {
    return !this.run.mainReturned; // the post-mortem drain is about the leaks, not signals
  }
  fire(): void {
    this.run.raiseSignal(this.name);
  }
}

const now0 = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class Run {
  readonly rng: Prng;
  readonly explore: boolean;
  readonly tracing: boolean;
  readonly limits: Limits;
  readonly paced: { speed: number } | null;
  readonly onEvents: ((batch: TraceEvent[]) => void) | null;
  readonly onAwaitingSignal: ((waiting: boolean) => void) | null;
  /** Live run idle until a signal comes (told to onAwaitingSignal). */
  #awaitingSignal = false;

  /** The recorded trace (columns; TraceEvent objects are built when read). */
  readonly store = new TraceStore();
  #flushed = 0;
  /** `recorded` does nothing until the store holds this many events (see #setCheck). */
  #checkAt = BATCH;
  /** Virtual ms since the program started. */
  now = 0;
  steps = 0;
  readonly tasks: Task[] = [];
  alive = 0;
  readonly output: OutputLine[] = [];
  readonly clock = new TimerHeap();
  #runq = new RunQueue();
  current: Task | null = null;
  main: Task | null = null;

  /** The value and ok of the last receive done by recvNow (avoids a tuple per receive). */
  rv: unknown = undefined;
  rok = false;

  nextChan = 1;
  nextCtx = 1;
  nextTimer = 1;
  nextMsg = 1;

  over = false;
  mainReturned = false;
  mainEnd = 0;
  /** The tasks alive when main returned, as they were then. */
  #atReturn: AtReturn[] = [];
  /** Steps after which the run stops: the steps limit, or the end of the post-mortem drain. */
  #stepCap: number;
  ending: Ending | null = null;
  /** Tasks waiting on a promise from the host (hostWait); they keep the run from deadlocking. */
  hostWaits = 0;
  /** Channels registered with signal.notify, and the signals each wants (null: all). */
  readonly notified = new Map<object, Set<string> | null>();
  #pendingSignals: string[] = [];

  #watchdog: ReturnType<typeof setTimeout> | null = null;
  #paceTimer: ReturnType<typeof setTimeout> | null = null;
  #anchorWall = 0;
  #anchorVirtual = 0;
  #dispatching = false;
  /** Called once when the run ends. */
  onEnd: (ending: Ending) => void = () => {};
  /** Per-run singletons (background context …), created on first use. */
  readonly singletons = new Map<string, unknown>();

  constructor(config: RunConfig) {
    this.rng = new Prng(config.seed);
    this.explore = config.explore;
    this.tracing = config.trace;
    this.limits = config.limits;
    this.paced = config.paced;
    this.onEvents = config.onEvents;
    this.onAwaitingSignal = config.onAwaitingSignal ?? null;
    this.#stepCap = config.limits.steps;
    this.#setCheck();
  }

  // ---- trace -------------------------------------------------------------------------------

  /**
   * Records an event given as its object; `seq` is assigned here. Callers check `tracing` first,
   * so an untraced run builds nothing. The hot kinds have their own methods below.
   */
  emit(e: TraceEvent): void {
    e.seq = this.store.n;
    this.store.object(e);
    this.recorded();
  }

  traceRun(task: number): void {
    this.store.run(this.now, task);
    this.recorded();
  }
  traceSend(chan: number, task: number | null, msg: number, value: unknown): void {
    this.store.send(this.now, chan, task, msg, value);
    this.recorded();
  }
  traceTimerSend(chan: number, msg: number, text: string): void {
    this.store.sendPreview(this.now, chan, msg, text);
    this.recorded();
  }
  traceRecv(chan: number, task: number, msg: number | null, ok: boolean): void {
    this.store.recv(this.now, chan, task, msg, ok);
    this.recorded();
  }

  /** After each event: stream a batch every 256 events; enforce the events limit. */
  recorded(): void {
    if (this.store.n >= this.#checkAt) this.#checkpoint();
  }

  // Reached once per batch (or, with no onEvents, once at the events limit), not per event.
  #checkpoint(): void {
    if (this.onEvents !== null) this.flush();
    if (this.store.n > this.limits.events) {
      this.end({ outcome: "limit", message: `the trace reached ${this.limits.events} events (the events limit)${this.busyLoopNote()}; shorten the program or run it with tracing off` });
      throw new RunOver();
    }
    this.#setCheck();
  }

  /** The event count at which `recorded` next has work: a full batch, or past the events limit. */
  #setCheck(): void {
    this.#checkAt = this.onEvents !== null ? this.#flushed + BATCH : Math.max(BATCH, this.limits.events + 1);
  }

  /** Sends the events not yet streamed to onEvents. */
  flush(): void {
    if (this.onEvents === null || this.#flushed === this.store.n) return;
    const batch = this.store.slice(this.#flushed);
    this.#flushed = this.store.n;
    this.#setCheck();
    this.onEvents(batch);
  }

  // ---- tasks -------------------------------------------------------------------------------

  /** Creates a task and queues it; it runs when its turn comes, like `go f()`. */
  spawn(fn: () => unknown, name: string | undefined, parent: Task | null): Task {
    if (this.tasks.length > this.limits.tasks) { // main is not counted: the limit is on go()
      this.end({ outcome: "limit", message: `the program started more than ${this.limits.tasks} tasks (the tasks limit)` });
      throw new RunOver();
    }
    const id = this.tasks.length + 1;
    const given = name !== undefined && name !== "" ? name : fn.name;
    const t = new Task(id, given, parent === null ? null : parent.id, this.now, fn);
    if (parent !== null) t.spawnLine = parent.line;
    this.tasks.push(t);
    this.alive++;
    if (this.tracing) {
      // The spawn's location is where the parent is now (the instrumented `go(` call).
      this.store.spawn(this.now, id, t.parent, given, parent === null ? 0 : parent.line, parent === null ? 0 : parent.column);
      this.recorded();
    }
    this.#runq.push(t);
    return t;
  }

  /** Makes a blocked task runnable; `value` is what its pending operation resolves to. */
  wake(t: Task, value: unknown): void {
    t.state = "runnable";
    (t.suspension as Suspension).wakeValue = value;
    t.waitChans = null;
    this.#runq.push(t);
    if (this.tracing) {
      this.store.unblock(this.now, t.id);
      this.recorded();
    }
  }

  /** Makes a blocked task runnable; its pending operation throws `error` (e.g. a Go panic). */
  wakeWithError(t: Task, error: unknown): void {
    const s = t.suspension as Suspension;
    s.hasWakeError = true;
    s.wakeError = error;
    this.wake(t, undefined);
  }

  /**
   * The current task, entering an awaitable operation: checks it has no other operation pending
   * and counts the step.
   */
  enter(): Task {
    const t = this.current;
    if (t === null) {
      if (this.over) throw new RunOver();
      throw new Error("chanscope: an operation was called outside any task (from a callback the runtime does not run?)");
    }
    if (t.pending) this.secondOperation(t);
    if (++this.steps > this.#stepCap) this.stepLimit();
    return t;
  }

  /** Counts a step for an operation that never waits (close, unlock, cancel …). */
  step(): void {
    if (this.over) throw new RunOver();
    if (++this.steps > this.#stepCap) this.stepLimit();
  }

  /**
   * An awaitable operation completed without waiting: the task goes on, except every 1 000th in
   * a row (and, in explore mode, at random) when it yields to the back of the run queue.
   */
  proceed<T>(t: Task, value: T): T | Suspension {
    t.sinceBlock++;
    if (++t.streak >= YIELD_EVERY || (this.explore && this.rng.below(1_000_000) < EXPLORE_SWITCH * 1_000_000)) {
      return this.yieldTask(t, value);
    }
    return value;
  }

  /** The task gives up the processor but stays runnable; its operation resolves to `value`. */
  yieldTask(t: Task, value: unknown): Suspension {
    t.streak = 0;
    t.state = "runnable";
    t.pending = true;
    t.awaited = false;
    const s = t.waitState(this);
    s.wakeValue = value;
    this.#runq.push(t);
    return s;
  }

  /** The current task starts waiting; returns the thenable its `await` suspends on. */
  block(t: Task, reason: string, chans: readonly { id: number }[] | null): Suspension {
    t.state = "blocked";
    t.pending = true;
    t.awaited = false;
    t.reason = reason;
    t.since = this.now;
    t.blockLine = t.line;
    t.blockColumn = t.column;
    t.waitChans = chans;
    t.streak = 0;
    t.sinceBlock = 0;
    if (this.tracing) {
      this.store.block(this.now, t.id, reason, chans, t.blockLine, t.blockColumn);
      this.recorded();
    }
    return t.waitState(this);
  }

  /** Puts a sleeping task's wake-up on the clock. */
  sleepUntil(t: Task, when: number): void {
    this.clock.push(new SleepEntry(when, this.clock.nextSeq(), this, t));
  }

  /** Called by Suspension.then: the task has really suspended, so the next one may run. */
  suspended(t: Task): void {
    if (this.over) return;
    if (this.current === t) {
      this.current = null;
      this.dispatch();
    }
  }

  /** The task's function returned. */
  exited(t: Task): void {
    if (this.over) return;
    if (!t.alive) {
      // It was ended already (a fatal error in the post-mortem drain) and unwound.
      this.#handBack(t);
      return;
    }
    if (t.pending) {
      // Returned with an operation still waiting: never awaited, or raced against another promise.
      const line = t.blockLine || t.line;
      const how = t.awaited ? "was still waiting (was it raced against another promise?)" : "was never awaited";
      this.panicRun(t, `goroutine ${t.id}${quoted(t)} returned while an operation it started${line > 0 ? ` (line ${line})` : ""} ${how}; put await before every chanscope operation, one at a time`, false);
      this.#handBack(t);
      return;
    }
    t.state = "exited";
    t.end = this.now;
    t.fn = null;
    this.alive--;
    if (this.tracing) {
      this.store.exit(this.now, t.id);
      this.recorded();
    }
    if (t === this.main) this.#mainReturned();
    this.#handBack(t);
  }

  /**
   * As in Go, the program ends when main returns: its output and virtualMs stop here, and every
   * other task still alive is a leak. For the diagnosis only, the leaked tasks then run on
   * (post-mortem drain) until they get stuck for good, so the report can say where.
   */
  #mainReturned(): void {
    this.mainReturned = true;
    this.mainEnd = this.now;
    for (const x of this.tasks) {
      if (x.alive) this.#atReturn.push({ task: x, reason: waitReasonOf(x), since: x.since, loc: x.state === "blocked" ? x.blockLoc() : x.lastLoc() });
    }
    if (this.#atReturn.length === 0) {
      this.end({ outcome: "ok" });
      return;
    }
    this.#stepCap = this.steps + DRAIN_STEPS;
  }

  /** Task `t` no longer runs: the next one may. */
  #handBack(t: Task): void {
    if (!this.over && this.current === t) {
      this.current = null;
      this.dispatch();
    }
  }

  /** The task's function threw (or a panic reached its top). */
  threw(t: Task, error: unknown): void {
    if (this.over) return;
    if (!(error instanceof RunOver)) this.panicRun(t, panicMessage(error), false);
    this.#handBack(t);
  }

  /** Ends the run with outcome "panic" (fatal: Go's unrecoverable `fatal error:`). */
  panicRun(t: Task | null, message: string, fatal: boolean, loc: Loc | null = t === null ? null : t.lastLoc()): void {
    if (this.over) return;
    if (t !== null && t.alive) {
      t.state = "panicked";
      t.end = this.now;
      t.panicMessage = message;
      this.alive--;
      if (this.tracing) this.emit({ seq: 0, t: this.now, kind: "task.panic", task: t.id, message });
    }
    // In the post-mortem drain a panic only tells the leak report what would have happened.
    if (!this.mainReturned) this.end({ outcome: "panic", task: t, message, fatal, loc });
  }

  /** A fatal error in the current task (e.g. unlock of an unlocked mutex): ends the run now. */
  fatal(message: string): never {
    this.panicRun(this.current, message, true);
    throw new RunOver();
  }

  secondOperation(t: Task): never {
    this.panicRun(t, `goroutine ${t.id}${quoted(t)} started a second operation while one was pending (line ${t.line}); await each operation before the next`, false);
    throw new RunOver();
  }

  stepLimit(): never {
    this.end({ outcome: "limit", message: `the program ran more than ${this.limits.steps} operations (the steps limit)${this.busyLoopNote()}` });
    throw new RunOver();
  }

  /** Names the task that ran the most operations without blocking, if that looks like a busy loop. */
  busyLoopNote(): string {
    let busiest: Task | null = null;
    for (const t of this.tasks) if (t.alive && (busiest === null || t.sinceBlock > busiest.sinceBlock)) busiest = t;
    if (busiest === null || busiest.sinceBlock <= YIELD_EVERY) return "";
    const at = busiest.line > 0 ? ` (last at line ${busiest.line})` : "";
    return `; goroutine ${busiest.id}${quoted(busiest)} ran ${busiest.sinceBlock} operations without blocking${at} — it looks like a busy loop: virtual time cannot pass while a task can run, so wait on a channel or timer instead of polling`;
  }

  // ---- dispatch ----------------------------------------------------------------------------

  /** Resumes the next runnable task; when none, moves the clock or ends the run. */
  dispatch(): void {
    if (this.#dispatching) return;
    if (this.#awaitingSignal) {
      this.#awaitingSignal = false;
      this.onAwaitingSignal?.(false);
    }
    this.#dispatching = true;
    try {
      for (;;) {
        if (this.over) return;
        if (this.#pendingSignals.length > 0) {
          for (const name of this.#pendingSignals.splice(0)) this.raiseSignal(name);
          continue;
        }
        const t = this.#runq.take(this.explore ? this.rng : null);
        if (t !== undefined) {
          if (!t.alive) continue; // ended while it was queued (a panic in the post-mortem drain)
          this.#resume(t);
          return;
        }
        const moved = this.#advance();
        if (moved === FIRED) continue;
        if (moved === WAITING) return;
        this.#quiescent();
        return;
      }
    } finally {
      this.#dispatching = false;
    }
  }

  #resume(t: Task): void {
    this.current = t;
    t.state = "running";
    if (this.#watchdog === null) this.#armWatchdog();
    if (this.tracing) this.traceRun(t.id);
    if (!t.started) {
      t.started = true;
      void startTask(this, t);
      return;
    }
    t.pending = false;
    const s = t.suspension as Suspension;
    const sel = s.select;
    if (sel !== null) {
      s.select = null;
      let v: unknown;
      try {
        v = sel.runHandler();
      } catch (e) {
        (s.reject as (e: unknown) => void)(e);
        return;
      }
      (s.resolve as (v: unknown) => void)(v);
      return;
    }
    if (s.hasWakeError) {
      const e = s.wakeError;
      s.hasWakeError = false;
      s.wakeError = undefined;
      (s.reject as (e: unknown) => void)(e);
      return;
    }
    const v = s.wakeValue;
    s.wakeValue = undefined;
    (s.resolve as (v: unknown) => void)(v);
  }

  /** Fires the earliest timers that count, or (paced) waits on the wall clock for them. */
  #advance(): number {
    const e = this.clock.peekLive();
    if (e === undefined) return NOTHING;
    if (e.when > this.limits.virtualMs) {
      this.end({ outcome: "limit", message: `virtual time would pass ${this.limits.virtualMs} ms (the virtualMs limit)` });
      return WAITING;
    }
    if (this.paced !== null && !this.mainReturned && e.when > this.now) {
      const wall = now0();
      const due = this.#anchorWall + (e.when - this.#anchorVirtual) / this.paced.speed;
      if (due > wall + 0.5) {
        this.flush();
        this.#paceTimer = setTimeout(() => {
          this.#paceTimer = null;
          this.dispatch();
        }, due - wall);
        return WAITING;
      }
    }
    if (e.when > this.now) this.now = e.when;
    // Everything due now fires before any task runs, as Go's timer processing does.
    for (let x = this.clock.peekLive(); x !== undefined && x.when <= this.now; x = this.clock.peekLive()) {
      this.clock.pop();
      x.fire();
      if (this.over) return WAITING;
    }
    return FIRED;
  }

  /** No task can run and no timer counts. */
  #quiescent(): void {
    if (this.mainReturned) {
      this.end({ outcome: "ok" });
      return;
    }
    if (this.hostWaits > 0) return; // a hostWait promise will wake a task
    const signalWait = waitsForSignal(this);
    if (signalWait && this.paced !== null) {
      this.flush(); // live: idle until control.signal
      this.#awaitingSignal = true;
      this.onAwaitingSignal?.(true);
      return;
    }
    this.end({ outcome: "deadlock", signalWait });
  }

  // ---- host side ---------------------------------------------------------------------------

  /** Starts the run with `main` as task 1. */
  start(main: () => unknown): void {
    this.#anchorWall = now0();
    this.#anchorVirtual = 0;
    this.main = this.spawn(main, "main", null);
    this.dispatch();
  }

  /** Resumes work after something outside the tasks happened (host promise, live signal). */
  poke(): void {
    if (!this.over && this.current === null && !this.#dispatching) {
      if (this.#paceTimer !== null) {
        clearTimeout(this.#paceTimer);
        this.#paceTimer = null;
      }
      this.dispatch();
    }
  }

  /** A live signal (control.signal): delivered at the current wall-clock-derived virtual time. */
  signalLive(name: string): void {
    if (this.over) return;
    if (this.paced !== null && this.current === null && !this.mainReturned) {
      const v = this.#anchorVirtual + (now0() - this.#anchorWall) * this.paced.speed;
      const next = this.clock.peekLive();
      const target = Math.floor(next === undefined ? v : Math.min(v, next.when));
      if (target > this.now) this.now = target;
      this.#anchorVirtual = this.now;
      this.#anchorWall = now0();
    }
    this.#pendingSignals.push(name);
    this.poke();
  }

  /**
   * Live speed change (control.setSpeed): re-anchors the pacing at the virtual time the wall clock
   * has reached, so only what is still to come runs at the new speed; a pending wait for the next
   * timer is recomputed at once.
   */
  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`setSpeed: speed must be a positive number, got ${speed}`);
    if (this.over || this.paced === null) return;
    const wall = now0();
    this.#anchorVirtual = Math.max(this.now, this.#anchorVirtual + (wall - this.#anchorWall) * this.paced.speed);
    this.#anchorWall = wall;
    this.paced.speed = speed;
    if (this.#paceTimer !== null) this.poke(); // waiting for the next timer: wait the new time
  }

  scheduleSignal(at: number, name: string): void {
    this.clock.push(new SignalEntry(at, this.clock.nextSeq(), this, name));
  }

  /** Delivers a signal to the channels notified of it; unhandled SIGINT/SIGTERM ends the run. */
  raiseSignal(name: string): void {
    if (this.tracing) this.emit({ seq: 0, t: this.now, kind: "signal", name });
    if (!deliverSignal(this, name) && (name === "SIGINT" || name === "SIGTERM")) {
      this.end({ outcome: "signal", name });
    }
  }

  stop(): void {
    this.end({ outcome: "stopped" });
  }

  /** Ends the run once: stops timers, marks leaks, flushes the trace, tells the host. */
  end(ending: Ending): void {
    if (this.over) return;
    if (ending.outcome === "ok" && !this.mainReturned) return;
    // Once main has returned the outcome is decided; whatever stops the drain just ends it.
    if (this.mainReturned) ending = { outcome: "ok" };
    this.over = true;
    this.ending = ending;
    if (this.#watchdog !== null) clearTimeout(this.#watchdog);
    if (this.#paceTimer !== null) clearTimeout(this.#paceTimer);
    this.#watchdog = this.#paceTimer = null;
    if (this.#awaitingSignal) {
      this.#awaitingSignal = false;
      this.onAwaitingSignal?.(false);
    }
    if (ending.outcome === "ok" && this.tracing) {
      for (const l of this.leaks()) this.store.object({ seq: this.store.n, t: this.now, kind: "task.leak", task: l.task.id, reason: l.reason, since: l.since });
    }
    this.flush();
    const onEnd = this.onEnd;
    // The finished run stays `active` until the next run() starts; it must not keep the host's
    // result (and the trace built from it) alive through this callback meanwhile.
    this.onEnd = () => {};
    onEnd(ending);
  }

  /**
   * The tasks alive when main returned. One still alive after the drain is reported where it is
   * stuck; one that finished or panicked in the drain is reported as it was at main's return,
   * with what would have happened.
   */
  leaks(): Leak[] {
    return this.#atReturn.map((a) => {
      const t = a.task;
      // Still alive: where it is stuck; if the drain's budget stopped it mid-loop, where it last waited.
      if (t.alive) {
        const waited = t.state === "blocked" || t.reason !== "";
        return { task: t, reason: waited ? t.reason : waitReasonOf(t), since: t.since, loc: waited ? t.blockLoc() : t.lastLoc() };
      }
      const l: Leak = { task: t, reason: a.reason, since: a.since, loc: a.loc };
      if (t.state === "exited") l.wouldExitAt = t.end;
      else l.wouldPanic = t.panicMessage;
      return l;
    });
  }

  #armWatchdog(): void {
    // A macrotask runs only when no microtask is left, i.e. when every task is suspended. If a
    // task is still "running" then, it awaited something the runtime does not drive.
    this.#watchdog = setTimeout(() => {
      this.#watchdog = null;
      const t = this.current;
      if (this.over || t === null) return;
      if (this.mainReturned) {
        this.end({ outcome: "ok" });
        return;
      }
      this.panicRun(
        t,
        `goroutine ${t.id}${quoted(t)} awaited something outside chanscope${t.line > 0 ? ` at line ${t.line}` : ""}, e.g. a real setTimeout or fetch; virtual time cannot wait for it: use sleep(), after() or a channel instead`,
        false,
      );
    }, 0);
  }
}

/** Runs a task's function and reports how it ended. */
async function startTask(run: Run, t: Task): Promise<void> {
  try {
    await (t.fn as () => unknown)();
  } catch (e) {
    run.threw(t, e);
    return;
  }
  run.exited(t);
}

/** ` "name"` for a named task, "" otherwise (Go prints no names; we add them when given). */
export function quoted(t: Task): string {
  return t.named && t.id !== 1 ? ` "${t.name}"` : "";
}

/** Go's word for what a task is doing. */
export function waitReasonOf(t: Task): string {
  return t.state === "blocked" ? t.reason : t.state === "running" ? "running" : "runnable";
}

/** The text after `panic: ` for a thrown value. */
export function panicMessage(e: unknown): string {
  if (e instanceof GoPanic) return e.message;
  if (e instanceof Error) return e.constructor === Error || e.name === "Error" ? e.message : `${e.name}: ${e.message}`;
  if (typeof e === "string") return e;
  try {
    return String(e);
  } catch {
    return "(unprintable value)";
  }
}

