// Trace → timeline model: lanes (one per task), their segments by state, point markers, message
// arrows, the context tree with its cancellation wave, and the phase after main returned.
// Pure: a function of the trace (and, when known, the run's outcome); the view only reads it.
//
// Invariants:
//   - Positions are event indices into `events` (the trace as kept), never times: the axis
//     (axis.ts) decides where an index is drawn, so many events at one virtual instant stay apart.
//   - A lane's segments are sorted, contiguous and non-overlapping, from its spawn to its end
//     (exit, panic, or the end of the trace for a task that never ended).
//   - One task runs at a time: a `task.run` of another task while one is running means the first
//     was put back in the run queue (a yield), so its running segment becomes runnable.
//   - A segment never straddles main's return: it is split there, and the part after has `drain`.

import type { Loc, TraceEvent } from "../runtime/trace.ts";
import { stateOfReason, type SegState } from "./states.ts";

/** The most events the timeline keeps; a longer trace is cut and the model says so. */
export const MAX_KEPT_EVENTS = 300_000;
/** Operations in a row without blocking after which a task is flagged busy (tokio-console's "never yielded"). */
export const BUSY_OPS = 200;
/** The runtime makes a task yield after this many operations in a row without blocking (DESIGN §3). */
const YIELD_OPS = 1000;
/**
 * In explore mode the runtime also switches tasks at random, at a quarter of all operations, so a
 * switch almost never comes from the 1 000-operation rule: it stands for about 4 operations.
 */
const EXPLORE_YIELD_OPS = 4;

export interface TimelineOptions {
  /** The run was in the runtime's explore mode (random task switches). */
  explore?: boolean;
}

export interface Segment {
  /** Index of the event that began it. */
  start: number;
  /** Index of the event that ended it (exclusive); `events.length` if it was still open. */
  end: number;
  state: SegState;
  /** Go's wait reason, for blocked segments. */
  reason: string | null;
  chans: readonly number[] | null;
  loc: Loc | null;
  /** After main returned (the post-mortem drain, or the stuck tail of a leak). */
  drain: boolean;
}

export type LaneEnd =
  | { kind: "exited"; at: number }
  | { kind: "panicked"; at: number; message: string }
  /** Blocked for good at the end of the run (deadlock, or leaked and stuck). */
  | { kind: "stuck"; reason: string; since: number; loc: Loc | null; leaked: boolean; chans: readonly number[] | null }
  /** Still alive when the trace ends without being stuck (a live run, a stopped run, a limit). */
  | { kind: "open"; leaked: boolean };

export interface Lane {
  task: number;
  name: string;
  parent: number | null;
  /** Depth in the spawn tree (main is 0). */
  depth: number;
  /** Task ids of the tasks it spawned, in spawn order. */
  children: number[];
  spawnIdx: number;
  spawnLoc: Loc | null;
  segments: Segment[];
  end: LaneEnd;
  /** Alive when main returned. */
  leaked: boolean;
  /**
   * The longest stretch of operations without blocking, if it reached BUSY_OPS. Operations the
   * trace does not show (a select that took its default) are counted through forced yields.
   */
  busy: { ops: number; from: number; to: number } | null;
}

export type MarkerKind = "spawn" | "close" | "cancel" | "timer" | "signal" | "log" | "panic" | "fsm";

export interface Marker {
  idx: number;
  /** The task it happened on; null for run-wide events (a timer, a signal). */
  task: number | null;
  kind: MarkerKind;
  label: string;
}

export type ArrowKind = "handoff" | "buffered" | "timer";

/** A value that went from a send to its receive (paired by `msg`). */
export interface Arrow {
  from: number;
  to: number;
  /** Sending task; null for a timer's value. */
  fromTask: number | null;
  toTask: number;
  chan: number;
  kind: ArrowKind;
  preview: string;
}

/** A task that noticed a context's cancellation (received from its done channel afterwards). */
export interface Listener {
  task: number;
  /** The receive from the done channel. */
  noticeIdx: number;
  /** Whether it was blocked on the done channel when the cancel came (the cancel woke it). */
  woken: boolean;
  /** Its exit (or panic) after noticing; null if it never ended. */
  exitIdx: number | null;
  noticeMs: number;
  exitMs: number | null;
}

export interface CtxNode {
  id: number;
  parent: number | null;
  name: string;
  depth: number;
  children: number[];
  deadline: number | undefined;
  makeIdx: number;
  cancelIdx: number | null;
  err: string | null;
  cause: string | null;
  /** The task whose call cancelled it (null: a deadline timer, or the cascade from a parent). */
  cancelledBy: number | null;
  /** The context whose cancellation reached this one (its own id when cancelled directly). */
  origin: number | null;
  doneChan: number | null;
  /** Tasks that ever waited on or polled its done channel. */
  watchers: number[];
  listeners: Listener[];
}

/** One XState actor's states over time (from `fsm.transition` events). */
export interface FsmLane {
  machine: string;
  /**
   * Each stretch in one state: from the transition into it to the next (or the end). A
   * self-transition (`from === to`, e.g. a retry re-entering its state) does not end a stretch:
   * its event index is in `reentries`.
   */
  states: { start: number; end: number; state: string; event: string; reentries: number[] }[];
}

export interface ChanInfo {
  id: number;
  name: string;
  cap: number;
  /** Buffered channels: the event indices where the number of queued values changed, and that number after it. */
  fill: { idx: number[]; count: number[] } | null;
}

export interface TimelineOutcome {
  outcome: "ok" | "deadlock" | "panic" | "limit" | "signal" | "stopped";
  virtualMs: number;
}

export interface TimelineModel {
  events: readonly TraceEvent[];
  /** How many events the run recorded (more than `events.length` when the model cut it). */
  totalEvents: number;
  /** Lanes by task id order (spawn order). */
  lanes: Lane[];
  laneOf: Map<number, number>;
  /** Lane indices in tree order (each task under its parent, children in spawn order). */
  treeOrder: number[];
  markers: Marker[];
  /** Sorted by `to`. */
  arrows: Arrow[];
  contexts: CtxNode[];
  ctxOf: Map<number, number>;
  fsms: FsmLane[];
  chans: Map<number, ChanInfo>;
  mainTask: number | null;
  /** Index of the event where main returned (or panicked); null if it never did. */
  mainEndIdx: number | null;
  /** The run ended with every task asleep. */
  deadlock: boolean;
  endMs: number;
}

const DONE_CHAN = /^ctx (\d+) done$/;

/**
 * Each task's open segment (what it is doing now), in arrays indexed by task id. The builder
 * touches it on nearly every event, so a state change writes five slots instead of making an
 * object and a Map entry (a 100 000-event trace has ~70 000 state changes). Task ids are small
 * integers, so the arrays stay dense.
 */
class OpenSegments {
  /** undefined: no open segment (never started, or closed by exit/panic). */
  readonly state: (SegState | undefined)[] = [];
  readonly start: number[] = [];
  readonly reason: (string | null)[] = [];
  readonly chans: (readonly number[] | null)[] = [];
  readonly loc: (Loc | null)[] = [];
  /** Every task that ever had an open segment, in the order it got its first. */
  readonly tasks: number[] = [];

  set(task: number, state: SegState, start: number, reason: string | null, chans: readonly number[] | null, loc: Loc | null): void {
    if (this.start[task] === undefined) this.tasks.push(task);
    this.state[task] = state;
    this.start[task] = start;
    this.reason[task] = reason;
    this.chans[task] = chans;
    this.loc[task] = loc;
  }

  /** The tasks with an open segment now. */
  openTasks(): number[] {
    return this.tasks.filter((t) => this.state[t] !== undefined);
  }
}

/** Builds the model; `outcome` (from the run result) refines deadlock and leak detection. */
export function buildTimeline(trace: readonly TraceEvent[], outcome?: TimelineOutcome, options: TimelineOptions = {}): TimelineModel {
  const events = trace.length > MAX_KEPT_EVENTS ? trace.slice(0, MAX_KEPT_EVENTS) : trace;
  const n = events.length;
  const lanes: Lane[] = [];
  const laneOf = new Map<number, number>();
  /** laneOf as an array: the hot path looks a lane up on most events. */
  const laneIdx: number[] = [];
  const open = new OpenSegments();
  const markers: Marker[] = [];
  const arrows: Arrow[] = [];
  const chans = new Map<number, ChanInfo>();
  const contexts: CtxNode[] = [];
  const ctxOf = new Map<number, number>();
  const ctxByDoneChan = new Map<number, number>();
  const fsms: FsmLane[] = [];
  const fsmOf = new Map<string, FsmLane>();
  /** msg → index of its chan.send, until the value is received. */
  const sends = new Map<number, number>();
  // Per task id: operations in a row without blocking, and where that streak began (−1: none).
  const streakOps: number[] = [];
  const streakFrom: number[] = [];
  const leakEvents = new Map<number, { reason: string; since: number }>();
  let running: number | null = null;
  let mainTask: number | null = null;
  let mainEndIdx: number | null = null;

  const lane = (task: number): Lane | undefined => {
    const i = laneIdx[task];
    return i === undefined ? undefined : lanes[i];
  };
  const close = (task: number, at: number): void => {
    const state = open.state[task];
    const l = lane(task);
    if (state === undefined || l === undefined) return;
    open.state[task] = undefined;
    pushSegment(l, open.start[task], at, state, open.reason[task], open.chans[task], open.loc[task], mainEndIdx);
  };
  const begin = (task: number, at: number, state: SegState, reason: string | null = null, chanIds: readonly number[] | null = null, loc: Loc | null = null): void => {
    close(task, at);
    open.set(task, state, at, reason, chanIds, loc);
  };
  // An operation by `task` that did not block, and a forced yield (worth YIELD_OPS operations).
  const count = (task: number | null, idx: number, ops: number): void => {
    if (task === null) return;
    let from = streakFrom[task];
    if (from === undefined || from < 0) {
      streakFrom[task] = from = idx;
      streakOps[task] = 0;
    }
    const total = (streakOps[task] += ops);
    const l = lane(task);
    if (l !== undefined && total >= BUSY_OPS && (l.busy === null || total > l.busy.ops)) l.busy = { ops: total, from, to: idx };
  };
  const op = (task: number | null, idx: number): void => count(task, idx, 1);
  const yieldOps = options.explore === true ? EXPLORE_YIELD_OPS : YIELD_OPS;
  const yielded = (task: number, idx: number): void => count(task, idx, yieldOps);
  const watch = (c: CtxNode, task: number): void => {
    if (!c.watchers.includes(task)) c.watchers.push(task);
  };

  for (let i = 0; i < n; i++) {
    const e = events[i];
    switch (e.kind) {
      case "task.spawn": {
        const depth = e.parent === null ? 0 : (lane(e.parent)?.depth ?? -1) + 1;
        laneOf.set(e.task, lanes.length);
        laneIdx[e.task] = lanes.length;
        lanes.push({ task: e.task, name: e.name, parent: e.parent, depth, children: [], spawnIdx: i, spawnLoc: e.loc, segments: [], end: { kind: "open", leaked: false }, leaked: false, busy: null });
        if (e.parent === null && mainTask === null) mainTask = e.task;
        if (e.parent !== null) {
          lane(e.parent)?.children.push(e.task);
          markers.push({ idx: i, task: e.parent, kind: "spawn", label: `go ${e.name}` });
          op(e.parent, i);
        }
        begin(e.task, i, "runnable");
        break;
      }
      case "task.run":
        // A task.run while another task is still running means that one yielded (after 1 000
        // operations without blocking, DESIGN §3, or at random in explore mode): back to the run
        // queue, or straight on if alone.
        if (running !== null && open.state[running] === "running") {
          yielded(running, i);
          if (running !== e.task) begin(running, i, "runnable");
        }
        running = e.task;
        if (open.state[e.task] !== "running") begin(e.task, i, "running");
        break;
      case "task.block": {
        const chanIds = e.chans ?? null;
        begin(e.task, i, stateOfReason(e.reason), e.reason, chanIds, e.loc);
        if (running === e.task) running = null;
        streakFrom[e.task] = -1;
        if (chanIds !== null) {
          for (const c of chanIds) {
            const ci = ctxByDoneChan.get(c);
            if (ci !== undefined) watch(contexts[ci], e.task);
          }
        }
        break;
      }
      case "task.unblock":
        begin(e.task, i, "runnable");
        break;
      case "task.exit":
      case "task.panic": {
        close(e.task, i);
        const l = lane(e.task);
        if (l !== undefined) l.end = e.kind === "task.exit" ? { kind: "exited", at: i } : { kind: "panicked", at: i, message: e.message };
        if (e.kind === "task.panic") markers.push({ idx: i, task: e.task, kind: "panic", label: `panic: ${e.message}` });
        if (running === e.task) running = null;
        if (e.task === mainTask && mainEndIdx === null) {
          mainEndIdx = i;
          for (const l2 of lanes) if (open.state[l2.task] !== undefined) l2.leaked = true;
          // Split every open segment at main's return, so the drain part is its own segment.
          for (const task of open.openTasks()) {
            const l2 = lane(task);
            const from = open.start[task];
            if (l2 !== undefined && from < i) {
              l2.segments.push({ start: from, end: i, state: open.state[task] as SegState, reason: open.reason[task], chans: open.chans[task], loc: open.loc[task], drain: false });
              open.start[task] = i;
            }
          }
        }
        break;
      }
      case "task.leak":
        leakEvents.set(e.task, { reason: e.reason, since: e.since });
        break;
      case "chan.make":
        chans.set(e.chan, { id: e.chan, name: e.name, cap: e.cap, fill: e.cap > 0 ? { idx: [], count: [] } : null });
        {
          const m = DONE_CHAN.exec(e.name);
          const ci = m === null ? undefined : ctxOf.get(Number(m[1]));
          if (ci !== undefined) {
            contexts[ci].doneChan = e.chan;
            ctxByDoneChan.set(e.chan, ci);
            // Named as the program knows it ("withTimeout(500).Done()"), not by the runtime's id.
            (chans.get(e.chan) as ChanInfo).name = `${contexts[ci].name}.Done()`;
          }
        }
        break;
      case "chan.send":
        sends.set(e.msg, i);
        op(e.task, i);
        bufferFill(chans.get(e.chan), i, 1);
        break;
      case "chan.recv": {
        op(e.task, i);
        if (e.ok) bufferFill(chans.get(e.chan), i, -1);
        if (e.msg !== null) {
          const si = sends.get(e.msg);
          if (si !== undefined) {
            sends.delete(e.msg);
            const s = events[si] as Extract<TraceEvent, { kind: "chan.send" }>;
            const cap = chans.get(e.chan)?.cap ?? 0;
            const kind: ArrowKind = s.task === null ? "timer" : cap === 0 ? "handoff" : "buffered";
            arrows.push({ from: si, to: i, fromTask: s.task, toTask: e.task, chan: e.chan, kind, preview: s.preview });
          }
        }
        const ci = ctxByDoneChan.get(e.chan);
        if (ci !== undefined) {
          const c = contexts[ci];
          watch(c, e.task);
          if (c.cancelIdx !== null && !e.ok && !c.listeners.some((x) => x.task === e.task)) {
            const woken = open.state[e.task] !== "running";
            c.listeners.push({ task: e.task, noticeIdx: i, woken, exitIdx: null, noticeMs: e.t - events[c.cancelIdx].t, exitMs: null });
          }
        }
        break;
      }
      case "chan.close": {
        const ci = ctxByDoneChan.get(e.chan);
        if (ci === undefined) markers.push({ idx: i, task: e.task, kind: "close", label: `close(${chans.get(e.chan)?.name ?? `chan ${e.chan}`})` });
        op(e.task, i);
        break;
      }
      case "ctx.make": {
        const parentIdx = e.parent === null ? undefined : ctxOf.get(e.parent);
        const depth = parentIdx === undefined ? 0 : contexts[parentIdx].depth + 1;
        ctxOf.set(e.ctx, contexts.length);
        contexts.push({ id: e.ctx, parent: e.parent, name: e.name, depth, children: [], deadline: e.deadline, makeIdx: i, cancelIdx: null, err: null, cause: null, cancelledBy: null, origin: null, doneChan: null, watchers: [], listeners: [] });
        if (parentIdx !== undefined) contexts[parentIdx].children.push(e.ctx);
        break;
      }
      case "ctx.cancel": {
        const ci = ctxOf.get(e.ctx);
        if (ci === undefined) break;
        const c = contexts[ci];
        c.cancelIdx = i;
        c.err = e.err;
        c.cause = e.cause ?? null;
        // A cascade from a parent is emitted while the parent's cancel is still in progress, at
        // the same instant, with no task call in between: attribute it to the nearest cancelled ancestor.
        const parent = c.parent === null ? undefined : ctxOf.get(c.parent);
        const fromAbove = parent !== undefined && contexts[parent].cancelIdx !== null && events[contexts[parent].cancelIdx as number].t === e.t && cascadeContinues(events, contexts[parent].cancelIdx as number, i);
        c.origin = fromAbove ? (contexts[parent as number].origin ?? c.parent) : e.ctx;
        c.cancelledBy = fromAbove ? null : (e.task ?? null);
        markers.push({ idx: i, task: fromAbove ? null : (e.task ?? null), kind: "cancel", label: `cancel ${c.name} (${e.err})` });
        break;
      }
      case "timer.fire":
        // A channel timer's value shows as an arrow; only bare timers (sleep, afterFunc, deadlines) get a marker.
        if (e.chan === undefined) markers.push({ idx: i, task: null, kind: "timer", label: `timer ${e.timer} fired` });
        break;
      case "log":
        markers.push({ idx: i, task: e.task, kind: "log", label: e.text });
        op(e.task, i);
        break;
      case "signal":
        markers.push({ idx: i, task: null, kind: "signal", label: e.name });
        break;
      case "fsm.transition": {
        markers.push({ idx: i, task: null, kind: "fsm", label: `${e.machine}: ${e.from} → ${e.to} (${e.event})` });
        let f = fsmOf.get(e.machine);
        if (f === undefined) {
          f = { machine: e.machine, states: [] };
          fsmOf.set(e.machine, f);
          fsms.push(f);
        }
        const prev = f.states[f.states.length - 1];
        if (prev !== undefined && e.from === e.to && prev.state === e.to) {
          prev.reentries.push(i);
          break;
        }
        if (prev !== undefined) prev.end = i;
        f.states.push({ start: i, end: n, state: e.to, event: e.event, reentries: [] });
        break;
      }
    }
  }

  // Tasks that never ended: stuck (blocked for good) or still open.
  const lastMs = n === 0 ? 0 : events[n - 1].t;
  const stillOpen = open.openTasks();
  const deadlock = outcome !== undefined ? outcome.outcome === "deadlock" : inferDeadlock(mainEndIdx, stillOpen.map((t) => open.state[t] as SegState));
  for (const task of stillOpen) {
    const l = lane(task);
    if (l === undefined) continue;
    const state = open.state[task] as SegState;
    const start = open.start[task];
    pushSegment(l, start, n, state, open.reason[task], open.chans[task], open.loc[task], mainEndIdx);
    const leak = leakEvents.get(task);
    if (leak !== undefined) l.leaked = true;
    const blocked = state !== "running" && state !== "runnable";
    const settled = deadlock || leak !== undefined || (outcome !== undefined && outcome.outcome === "ok");
    if (blocked && settled) {
      l.end = { kind: "stuck", reason: leak?.reason ?? open.reason[task] ?? "", since: leak?.since ?? events[start].t, loc: open.loc[task], leaked: l.leaked, chans: open.chans[task] };
    } else l.end = { kind: "open", leaked: l.leaked };
  }
  // How long each listener took to exit after noticing its context's cancellation.
  for (const c of contexts) {
    for (const ls of c.listeners) {
      const end = lane(ls.task)?.end;
      if (end !== undefined && (end.kind === "exited" || end.kind === "panicked") && end.at >= ls.noticeIdx) {
        ls.exitIdx = end.at;
        ls.exitMs = events[end.at].t - events[c.cancelIdx as number].t;
      }
    }
  }

  return {
    events,
    totalEvents: trace.length,
    lanes,
    laneOf,
    treeOrder: treeOrder(lanes, laneOf),
    markers,
    arrows,
    contexts,
    ctxOf,
    fsms,
    chans,
    mainTask,
    mainEndIdx,
    deadlock,
    endMs: Math.max(lastMs, outcome?.virtualMs ?? 0),
  };
}

/** A value entered (+1) or left (−1) a buffered channel's queue. A hand-off to a waiting receiver is +1 then −1. */
function bufferFill(c: ChanInfo | undefined, idx: number, delta: number): void {
  if (c === undefined || c.fill === null) return;
  const { idx: at, count } = c.fill;
  const next = Math.max(0, (count.length === 0 ? 0 : count[count.length - 1]) + delta);
  at.push(idx);
  count.push(next);
}

function pushSegment(l: Lane, start: number, end: number, state: SegState, reason: string | null, chans: readonly number[] | null, loc: Loc | null, mainEndIdx: number | null): void {
  if (end <= start) return;
  const drain = mainEndIdx !== null && start >= mainEndIdx;
  l.segments.push({ start, end, state, reason, chans, loc, drain });
}

/** Whether the events between a parent's cancel and a child's are only the cascade's own work. */
function cascadeContinues(events: readonly TraceEvent[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const k = events[i].kind;
    if (k !== "ctx.cancel" && k !== "chan.close" && k !== "chan.recv" && k !== "task.unblock" && k !== "chan.send") return false;
  }
  return true;
}

/** Without a result: main never returned and nothing was left running → every task was asleep. */
function inferDeadlock(mainEndIdx: number | null, openStates: readonly SegState[]): boolean {
  if (mainEndIdx !== null || openStates.length === 0) return false;
  for (const s of openStates) if (s === "running" || s === "runnable" || s === "sleep") return false;
  return true;
}

function treeOrder(lanes: Lane[], laneOf: Map<number, number>): number[] {
  // Depth-first with an explicit stack: a chain of 100 000 spawns must not overflow the call stack.
  const out: number[] = [];
  const stack: number[] = [];
  for (let r = lanes.length - 1; r >= 0; r--) {
    const p = lanes[r].parent;
    if (p === null || !laneOf.has(p)) stack.push(r);
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    out.push(i);
    const kids = lanes[i].children;
    for (let k = kids.length - 1; k >= 0; k--) {
      const ci = laneOf.get(kids[k]);
      if (ci !== undefined) stack.push(ci);
    }
  }
  return out;
}
