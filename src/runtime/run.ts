// The host side of the runtime (not importable from user code): run(main, options) runs a program
// to its end and returns what happened — outcome, output, tasks, leaks, report and trace.

import { formatArgs } from "./format.ts";
import { buildReport } from "./report.ts";
import { active, DEFAULT_LIMITS, Run, setActive, waitReasonOf, type Ending } from "./scheduler.ts";
import type { Task, TaskState } from "./task.ts";
import type { Loc, TraceEvent } from "./trace.ts";

/** How a run ended: main returned (ok), deadlock, panic, a limit, an unhandled signal, or stopped. */
export type Outcome = "ok" | "deadlock" | "panic" | "limit" | "signal" | "stopped";

/** Live control of a run, given to onStart. */
export interface RunControl {
  /** Delivers a signal now (e.g. "SIGTERM"), as `kill -TERM` would. */
  signal(name: string): void;
  /** Ends the run at once with outcome "stopped". */
  stop(): void;
  /**
   * Paced runs: virtual time follows the wall clock × `speed` from now on (virtual time already
   * paced stays as it was). Ignored by a run that is not paced or has ended.
   */
  setSpeed(speed: number): void;
}

/** Options of run() (host side). */
export interface RunOptions {
  /** Seed of every random choice (select, explore). Default 1. */
  seed?: number;
  /** Record the trace. Default true; false for benchmarks. */
  trace?: boolean;
  /** Also pick the next runnable task at random, to hunt for interleavings. */
  explore?: boolean;
  /**
   * step = one runtime operation; tasks = spawned in total; events = trace events recorded.
   * Defaults 5 000 000 steps, 100 000 tasks, 3 600 000 virtual ms, 4 000 000 events.
   */
  limits?: { steps?: number; tasks?: number; virtualMs?: number; events?: number };
  /** Signals delivered at virtual ms, e.g. [{ at: 1200, name: "SIGTERM" }]. */
  signals?: { at: number; name: string }[];
  /** Virtual time follows the wall clock × speed (live demos). */
  paced?: { speed: number };
  /** Receives the trace in batches while the program runs. */
  onEvents?: (batch: TraceEvent[]) => void;
  /** Called once at the start with the run's live control. */
  onStart?: (control: RunControl) => void;
  /**
   * Live (paced) runs: called with true when every task is idle waiting for a signal on a
   * channel registered with signal.notify (the moment to offer "Send SIGTERM"), and with false
   * when the run moves on or ends.
   */
  onAwaitingSignal?: (waiting: boolean) => void;
}

/** A task of the run as it ended: its state, and its wait reason and line if still alive. */
export interface TaskInfo {
  id: number;
  name: string;
  parent: number | null;
  start: number;
  end?: number;
  state: TaskState;
  waitReason?: string;
  loc?: Loc;
}

/**
 * A task alive when main returned. After main returns the leaked tasks run on, post-mortem
 * (output suppressed, trace kept), until they get stuck for good: `waitReason`, `since` and `loc`
 * say where. A leak that would have finished or panicked is reported as it was at main's return,
 * with `wouldExitAt` or `wouldPanic`.
 */
export interface LeakInfo {
  task: number;
  name: string;
  waitReason: string;
  since: number;
  loc?: Loc;
  /** Virtual ms at which it would have finished had the program not ended. */
  wouldExitAt?: number;
  /** The panic it would have hit had the program not ended. */
  wouldPanic?: string;
}

/** The panic that ended the run: the task, Go's message, and where (`name at line L`). */
export interface PanicInfo {
  task: number;
  message: string;
  stack?: string;
}

/** What run() resolves to (DESIGN §3). */
export interface RunResult {
  outcome: Outcome;
  /** Virtual ms at which the program ended (main returned, or the run stopped). */
  virtualMs: number;
  output: { t: number; task: number; text: string }[];
  tasks: TaskInfo[];
  leaks: LeakInfo[];
  panic?: PanicInfo;
  /** Go-style text: panic, deadlock dump, leaks. */
  report: string;
  trace: TraceEvent[];
}

type ConsoleMethod = "log" | "info" | "warn" | "error" | "debug";
const CAPTURED: ConsoleMethod[] = ["log", "info", "warn", "error", "debug"];

/**
 * Runs `main` as the program's main task and resolves when the program ends. One run at a time
 * per JavaScript realm: calling run() while another is active throws.
 */
export function run(main: () => unknown, options: RunOptions = {}): Promise<RunResult> {
  if (active !== null && !active.over) {
    throw new Error("chanscope: a program is already running in this realm; await its run() before starting another");
  }
  const speed = options.paced?.speed;
  if (speed !== undefined && !(speed > 0)) throw new Error(`run: paced.speed must be a positive number, got ${speed}`);
  const r = new Run({
    seed: options.seed ?? 1,
    trace: options.trace ?? true,
    explore: options.explore ?? false,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    paced: speed === undefined ? null : { speed },
    onEvents: options.onEvents ?? null,
    onAwaitingSignal: options.onAwaitingSignal ?? null,
  });
  setActive(r);
  const saved = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const m of CAPTURED) {
    saved.set(m, console[m]);
    console[m] = (...args: unknown[]) => capture(r, args);
  }
  const restore = (): void => {
    for (const m of CAPTURED) console[m] = saved.get(m) as (...args: unknown[]) => void;
  };
  return new Promise<RunResult>((resolve, reject) => {
    r.onEnd = (ending) => {
      restore();
      try {
        resolve(result(r, ending));
      } catch (e) {
        reject(e);
      }
    };
    try {
      for (const s of options.signals ?? []) r.scheduleSignal(s.at, s.name);
      options.onStart?.({ signal: (name) => r.signalLive(name), stop: () => r.stop(), setSpeed: (speed) => r.setSpeed(speed) });
      r.start(main);
    } catch (e) {
      if (!r.over) {
        restore();
        r.over = true;
        reject(e);
      }
    }
  });
}

function capture(r: Run, args: unknown[]): void {
  if (r.over || r.mainReturned) return; // Go's program has exited: nothing more is printed
  const text = formatArgs(args);
  const task = r.current === null ? 0 : r.current.id;
  r.output.push({ t: r.now, task, text });
  if (r.tracing) {
    r.emit({ seq: 0, t: r.now, kind: "log", task, text });
    // Streamed at once: a program that prints and then spins forever still shows its output.
    r.flush();
  }
}

function taskInfos(r: Run): TaskInfo[] {
  return r.tasks.map((t) => {
    const info: TaskInfo = { id: t.id, name: t.name, parent: t.parent, start: t.start, state: t.state };
    if (t.end !== undefined) info.end = t.end;
    if (t.alive) info.waitReason = waitReasonOf(t);
    const loc = t.state === "blocked" ? t.blockLoc() : t.lastLoc();
    if (loc !== null) info.loc = loc;
    return info;
  });
}

/** Makes `obj[key]` a value built on first read (then kept), still enumerable and assignable. */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, build: () => T[K]): void {
  let value: T[K] | undefined;
  let built = false;
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!built) {
        value = build();
        built = true;
      }
      return value;
    },
    set: (v: T[K]) => {
      value = v;
      built = true;
    },
  });
}

function result(r: Run, ending: Ending): RunResult {
  const leaks: LeakInfo[] =
    ending.outcome === "ok"
      ? r.leaks().map((x) => {
          const l: LeakInfo = { task: x.task.id, name: x.task.name, waitReason: x.reason, since: x.since };
          if (x.loc !== null) l.loc = x.loc;
          if (x.wouldExitAt !== undefined) l.wouldExitAt = x.wouldExitAt;
          if (x.wouldPanic !== undefined) l.wouldPanic = x.wouldPanic;
          return l;
        })
      : [];
  const res: RunResult = {
    outcome: ending.outcome,
    virtualMs: r.mainReturned ? r.mainEnd : r.now,
    output: r.output,
    tasks: [],
    leaks,
    report: buildReport(r, ending),
    trace: [],
  };
  // Built on first read (a benchmark reads neither): the trace from its columns, the task list
  // from the tasks as they ended.
  lazy(res, "trace", () => r.store.slice(0));
  lazy(res, "tasks", () => taskInfos(r));
  if (ending.outcome === "panic") {
    res.panic = { task: ending.task === null ? 0 : ending.task.id, message: ending.message };
    const stack = ending.task === null ? "" : panicStack(r, ending.task, ending.loc);
    if (stack !== "") res.panic.stack = stack;
  }
  return res;
}

/**
 * A panic's stack as far as the instrumentation tells it, in the shape of Go's traceback: the task
 * at the line it panicked, then `created by` its parent at the line of the `go(` that started it.
 * (`__loc` marks awaits and go calls, not function entries, so the call chain inside a task is not
 * known.) "" when no line is known at all.
 */
function panicStack(r: Run, t: Task, loc: Loc | null): string {
  const lines: string[] = [];
  if (loc !== null) lines.push(`${t.name} at line ${loc.line}`);
  if (t.parent !== null && t.spawnLine > 0) {
    const parent = r.tasks[t.parent - 1];
    lines.push(`created by ${parent.name} in goroutine ${parent.id} at line ${t.spawnLine}`);
  }
  return lines.join("\n");
}

/**
 * For host code that runs inside a task (say, a worker importing the user's module from main's
 * task): awaits a promise from outside the runtime without tripping the foreign-await check. The
 * task waits (reason "host"); meanwhile other tasks and timers go on, and the run does not count
 * as deadlocked.
 */
export function hostWait<T>(p: PromiseLike<T>): PromiseLike<T> {
  const r = active;
  if (r === null || r.over || r.current === null) return p;
  const t = r.enter();
  r.hostWaits++;
  p.then(
    (v) => {
      r.hostWaits--;
      if (r.over) return;
      r.wake(t, v);
      r.poke();
    },
    (e: unknown) => {
      r.hostWaits--;
      if (r.over) return;
      r.wakeWithError(t, e);
      r.poke();
    },
  );
  return r.block(t, "host", null) as unknown as PromiseLike<T>;
}
