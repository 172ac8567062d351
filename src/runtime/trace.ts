// The trace a run records (DESIGN §4, a contract): every event has `seq` (a total order) and `t`
// (virtual ms). The timeline, the tests and `toChromeTrace` read only these types.

/** A place in the user's source: 1-based line, 0-based column (as acorn reports them). */
export interface Loc {
  line: number;
  column: number;
}

interface Base {
  /** Position in the run's total order of events, from 0. */
  seq: number;
  /** Virtual time in ms since the program started. */
  t: number;
}

/** A task (goroutine) was created by `go` (or is `main`, whose parent is null). */
export interface TaskSpawnEvent extends Base {
  kind: "task.spawn";
  task: number;
  parent: number | null;
  name: string;
  loc: Loc | null;
}
/** The task starts or resumes running. */
export interface TaskRunEvent extends Base {
  kind: "task.run";
  task: number;
}
/** The task starts waiting; `reason` is Go's wait reason ("chan send", "select", "sleep", …). */
export interface TaskBlockEvent extends Base {
  kind: "task.block";
  task: number;
  reason: string;
  chans?: number[];
  loc: Loc | null;
}
/** The task stopped waiting and is runnable again. */
export interface TaskUnblockEvent extends Base {
  kind: "task.unblock";
  task: number;
}
export interface TaskExitEvent extends Base {
  kind: "task.exit";
  task: number;
}
export interface TaskPanicEvent extends Base {
  kind: "task.panic";
  task: number;
  message: string;
}
/** The task was still alive when main returned; `since` is when it started waiting. */
export interface TaskLeakEvent extends Base {
  kind: "task.leak";
  task: number;
  reason: string;
  since: number;
}
export interface ChanMakeEvent extends Base {
  kind: "chan.make";
  chan: number;
  name: string;
  cap: number;
}
/** A value moved into a channel's buffer or to a receiver; `task` is null for a timer's value. */
export interface ChanSendEvent extends Base {
  kind: "chan.send";
  chan: number;
  task: number | null;
  msg: number;
  preview: string;
}
/** A value was received; `msg` pairs it with its `chan.send` (null when closed and drained). */
export interface ChanRecvEvent extends Base {
  kind: "chan.recv";
  chan: number;
  task: number;
  msg: number | null;
  ok: boolean;
}
export interface ChanCloseEvent extends Base {
  kind: "chan.close";
  chan: number;
  task: number | null;
}
export interface CtxMakeEvent extends Base {
  kind: "ctx.make";
  ctx: number;
  parent: number | null;
  name: string;
  deadline?: number;
}
export interface CtxCancelEvent extends Base {
  kind: "ctx.cancel";
  ctx: number;
  err: string;
  cause?: string;
  task?: number;
}
export interface TimerFireEvent extends Base {
  kind: "timer.fire";
  timer: number;
  chan?: number;
}
export interface LogEvent extends Base {
  kind: "log";
  task: number;
  text: string;
}
export interface SignalEvent extends Base {
  kind: "signal";
  name: string;
}
export interface FsmTransitionEvent extends Base {
  kind: "fsm.transition";
  machine: string;
  from: string;
  to: string;
  event: string;
  /**
   * Only on an actor's first event (from "", event "xstate.init"): the machine's definition as
   * plain data (XState's `machine.toJSON()`, functions dropped), so a statechart view can draw
   * every state and transition, not only those the run took.
   */
  definition?: unknown;
}

/** Every event a run records, discriminated by `kind`. */
export type TraceEvent =
  | TaskSpawnEvent
  | TaskRunEvent
  | TaskBlockEvent
  | TaskUnblockEvent
  | TaskExitEvent
  | TaskPanicEvent
  | TaskLeakEvent
  | ChanMakeEvent
  | ChanSendEvent
  | ChanRecvEvent
  | ChanCloseEvent
  | CtxMakeEvent
  | CtxCancelEvent
  | TimerFireEvent
  | LogEvent
  | SignalEvent
  | FsmTransitionEvent;

export type TraceEventKind = TraceEvent["kind"];

/** One record of the Chrome Trace Event Format (what Perfetto and chrome://tracing open). */
export interface ChromeTraceEvent {
  name: string;
  ph: "X" | "i" | "M" | "s" | "f";
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: number;
  bp?: "e";
  s?: "t" | "p" | "g";
  cat?: string;
  args?: Record<string, string | number | boolean | null>;
}

/**
 * Converts a trace to the Chrome Trace Event Format: one thread per task, a slice for each
 * stretch of running or waiting (named by the wait reason), instants for logs, closes, signals
 * and timers, and flow arrows from each send to its receive. Virtual ms become µs.
 */
export function toChromeTrace(trace: readonly TraceEvent[]): { traceEvents: ChromeTraceEvent[]; displayTimeUnit: "ms" } {
  const out: ChromeTraceEvent[] = [];
  const pid = 1;
  const us = (ms: number): number => Math.round(ms * 1000);
  // The open slice of each task: what it is doing and since when.
  const open = new Map<number, { name: string; since: number }>();
  const closeSlice = (task: number, at: number): void => {
    const s = open.get(task);
    if (s === undefined) return;
    open.delete(task);
    out.push({ name: s.name, ph: "X", ts: us(s.since), dur: Math.max(0, us(at) - us(s.since)), pid, tid: task, cat: "task" });
  };
  const openSlice = (task: number, name: string, at: number): void => {
    closeSlice(task, at);
    open.set(task, { name, since: at });
  };
  out.push({ name: "process_name", ph: "M", ts: 0, pid, tid: 0, args: { name: "chanscope run" } });
  let end = 0;
  for (const e of trace) {
    end = Math.max(end, e.t);
    switch (e.kind) {
      case "task.spawn":
        out.push({ name: "thread_name", ph: "M", ts: 0, pid, tid: e.task, args: { name: `${e.name} (${e.task})` } });
        openSlice(e.task, "runnable", e.t);
        break;
      case "task.run":
        openSlice(e.task, "running", e.t);
        break;
      case "task.block":
        openSlice(e.task, e.reason, e.t);
        break;
      case "task.unblock":
        openSlice(e.task, "runnable", e.t);
        break;
      case "task.exit":
        closeSlice(e.task, e.t);
        break;
      case "task.panic":
        closeSlice(e.task, e.t);
        out.push({ name: `panic: ${e.message}`, ph: "i", ts: us(e.t), pid, tid: e.task, s: "t" });
        break;
      case "task.leak":
        openSlice(e.task, `leaked: ${e.reason}`, e.t);
        break;
      case "chan.send":
        if (e.task !== null) out.push({ name: "send", ph: "s", id: e.msg, ts: us(e.t), pid, tid: e.task, cat: "msg" });
        break;
      case "chan.recv":
        if (e.msg !== null) out.push({ name: "send", ph: "f", bp: "e", id: e.msg, ts: us(e.t), pid, tid: e.task, cat: "msg" });
        break;
      case "chan.close":
        out.push({ name: `close chan ${e.chan}`, ph: "i", ts: us(e.t), pid, tid: e.task ?? 0, s: "t" });
        break;
      case "log":
        out.push({ name: e.text, ph: "i", ts: us(e.t), pid, tid: e.task, s: "t", cat: "log" });
        break;
      case "signal":
        out.push({ name: e.name, ph: "i", ts: us(e.t), pid, tid: 0, s: "g" });
        break;
      case "timer.fire":
        out.push({ name: `timer ${e.timer}`, ph: "i", ts: us(e.t), pid, tid: 0, s: "p" });
        break;
      case "ctx.cancel":
        out.push({ name: `ctx ${e.ctx}: ${e.err}`, ph: "i", ts: us(e.t), pid, tid: e.task ?? 0, s: "p" });
        break;
      case "fsm.transition":
        out.push({ name: `${e.machine}: ${e.from} → ${e.to}`, ph: "i", ts: us(e.t), pid, tid: 0, s: "p", args: { event: e.event } });
        break;
      case "chan.make":
      case "ctx.make":
        break;
    }
  }
  for (const task of [...open.keys()]) closeSlice(task, end);
  return { traceEvents: out, displayTimeUnit: "ms" };
}
