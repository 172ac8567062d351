// A task is a goroutine: an async function the scheduler resumes one at a time.
//
// How a task waits: a blocking operation returns the task's Suspension, a thenable. The engine
// calls its `then(resolve, reject)` only once the task has really suspended on `await`; at that
// moment the scheduler keeps the two functions and resumes the next runnable task directly. To
// wake the task later the scheduler calls the kept `resolve` with the operation's result: no
// scheduler loop, timer or extra promise per step.

import type { Run } from "./scheduler.ts";
import type { SelectWait } from "./select.ts";
import type { Loc } from "./trace.ts";
import type { Waiter } from "./wait-queue.ts";

export type TaskState = "running" | "runnable" | "blocked" | "exited" | "panicked";

type Resolve = (value: unknown) => void;
type Reject = (reason: unknown) => void;

/**
 * What a task needs only once it waits: the thenable its `await` suspends on, the engine's resume
 * functions, the value or error it wakes with, and its reusable waiters. Made on the task's first
 * wait, so the many tasks that never wait (spawn 100 000) stay small.
 */
export class Suspension {
  resolve: Resolve | null = null;
  reject: Reject | null = null;
  /** What the pending operation resolves to, or the error it rejects with. */
  wakeValue: unknown = undefined;
  wakeError: unknown = undefined;
  hasWakeError = false;
  /** A blocked select, which runs its chosen case's handler when the task resumes. */
  select: SelectWait | null = null;
  /** The reusable SelectWait (select.ts blockSelect); null until the task's first blocking select. */
  selectWait: SelectWait | null = null;
  /** The reusable waiter for plain channel and WaitGroup operations (wait-queue.ts plainWaiter). */
  waiter: Waiter | null = null;

  constructor(
    readonly task: Task,
    readonly run: Run,
  ) {}

  then(resolve: Resolve, reject: Reject): void {
    this.resolve = resolve;
    this.reject = reject;
    const t = this.task;
    t.awaited = true;
    this.run.suspended(t);
  }
}

/** The name of a task nobody named, as the trace and reports show it. */
export function defaultName(id: number): string {
  return id === 1 ? "main" : `goroutine ${id}`;
}

export class Task {
  state: TaskState = "runnable";
  started = false;
  end: number | undefined = undefined;
  /** An awaitable operation of this task is waiting to be resumed (blocked or yielded). */
  pending = false;
  /** The engine has called `then` on that operation's Suspension. */
  awaited = false;
  /** Go's wait reason while blocked ("chan send", "sleep", …). */
  reason = "";
  /** Virtual ms at which the task started waiting. */
  since = 0;
  /** The channels it waits on (for the signal special case and the trace). */
  waitChans: readonly unknown[] | null = null;
  /** The last source location the instrumented code announced (`__loc`). */
  line = 0;
  column = 0;
  blockLine = 0;
  blockColumn = 0;
  /** The line of the `go(` that created it (its parent's line then); 0 if unknown or main. */
  spawnLine = 0;
  /** Non-blocking operations since the task last gave up the processor (the 1 000 rule). */
  streak = 0;
  /** Operations since the task last blocked (names a busy loop when the step limit hits). */
  sinceBlock = 0;
  /** Its wait state, made on its first wait (see Suspension). */
  suspension: Suspension | null = null;
  /** Why it panicked (set once it has). */
  panicMessage = "";

  constructor(
    readonly id: number,
    /** The name given to go() or the function's own name; "" if it has none. */
    readonly given: string,
    readonly parent: number | null,
    readonly start: number,
    public fn: (() => unknown) | null,
  ) {}

  /** False when the name is made up ("goroutine 7"), so reports do not quote it. */
  get named(): boolean {
    return this.given !== "";
  }

  /** Its name for reports and the timeline: the given one, else "goroutine N". */
  get name(): string {
    return this.given !== "" ? this.given : defaultName(this.id);
  }

  get alive(): boolean {
    return this.state !== "exited" && this.state !== "panicked";
  }

  blockLoc(): Loc | null {
    return this.blockLine > 0 ? { line: this.blockLine, column: this.blockColumn } : null;
  }

  /** Its Suspension, made now if it never waited before. */
  waitState(run: Run): Suspension {
    return (this.suspension ??= new Suspension(this, run));
  }

  lastLoc(): Loc | null {
    return this.line > 0 ? { line: this.line, column: this.column } : null;
  }
}
