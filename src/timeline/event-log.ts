// The event log: each event of a run as one sentence ("t=120 ms worker blocked sending to results
// (line 14)"), the text alternative to the canvas that a keyboard or screen-reader user steps
// through. Pure: a function of the model; the view formats only the entries it shows.
//
// Invariants:
//   - Entry i is event i of `model.events` (the trace as kept): the log and the timeline's cursor
//     share one index, so selecting an entry and stepping the timeline stay in sync both ways.
//   - A window never holds more than its `max` entries, however long the run.

import type { TraceEvent } from "../runtime/trace.ts";
import { formatMs } from "./axis.ts";
import type { TimelineModel } from "./model.ts";

/** The most entries the log shows at once; a longer run shows the ones around the cursor. */
export const LOG_WINDOW = 2000;

export type EventSentence = (idx: number) => string;

/** A formatter for the model's events; it pairs each receive with its send to name the value. */
export function eventSentences(model: TimelineModel): EventSentence {
  const received = new Map<number, string>();
  for (const a of model.arrows) received.set(a.to, a.preview);
  const ctxName = new Map<number, string>();
  for (const c of model.contexts) ctxName.set(c.id, c.name);
  const taskName = (task: number | null | undefined): string => {
    if (task === null || task === undefined) return "the runtime";
    const lane = model.laneOf.get(task);
    return lane === undefined ? `task ${task}` : model.lanes[lane].name;
  };
  // The model names a context's done channel for its context: "withTimeout(100).Done()".
  const chanName = (c: number): string => model.chans.get(c)?.name ?? `channel ${c}`;
  const chanList = (cs: readonly number[] | undefined): string => (cs === undefined || cs.length === 0 ? "" : cs.map(chanName).join(", "));
  const blocked = (e: Extract<TraceEvent, { kind: "task.block" }>): string => {
    const on = chanList(e.chans);
    switch (e.reason) {
      case "chan send":
        return on === "" ? "blocked sending" : `blocked sending to ${on}`;
      case "chan receive":
        return on === "" ? "blocked receiving" : `blocked receiving from ${on}`;
      case "select":
        return on === "" ? "blocked in select" : `blocked in select on ${on}`;
      case "sleep":
        return "sleeps";
      default:
        return on === "" ? `blocked on ${e.reason}` : `blocked on ${e.reason} (${on})`;
    }
  };
  const what = (e: TraceEvent, i: number): string => {
    switch (e.kind) {
      case "task.spawn":
        return e.parent === null ? `${e.name} starts` : `${taskName(e.parent)} started ${e.name}`;
      case "task.run":
        return `${taskName(e.task)} runs`;
      case "task.block":
        return `${taskName(e.task)} ${blocked(e)}`;
      case "task.unblock":
        return `${taskName(e.task)} is woken`;
      case "task.exit":
        return `${taskName(e.task)} exits`;
      case "task.panic":
        return `${taskName(e.task)} panicked: ${e.message}`;
      case "task.leak":
        return `${taskName(e.task)} leaked: ${e.reason} since t=${formatMs(e.since)}`;
      case "chan.make":
        return e.cap === 0 ? `channel ${chanName(e.chan)} made (unbuffered)` : `channel ${chanName(e.chan)} made (buffer ${e.cap})`;
      case "chan.send":
        return e.task === null ? `a timer sent ${e.preview} to ${chanName(e.chan)}` : `${taskName(e.task)} sent ${e.preview} to ${chanName(e.chan)}`;
      case "chan.recv": {
        if (!e.ok) return `${taskName(e.task)} received nothing from ${chanName(e.chan)} (closed)`;
        const value = received.get(i);
        return `${taskName(e.task)} received ${value ?? "a value"} from ${chanName(e.chan)}`;
      }
      case "chan.close":
        return `${taskName(e.task)} closed ${chanName(e.chan)}`;
      case "ctx.make":
        return `ctx ${e.name} made`;
      case "ctx.cancel":
        return `ctx ${ctxName.get(e.ctx) ?? e.ctx} cancelled: ${e.err}${e.cause !== undefined && e.cause !== e.err ? ` (cause: ${e.cause})` : ""}`;
      case "timer.fire":
        return `timer ${e.timer} fired`;
      case "log":
        return `${taskName(e.task)} printed "${e.text}"`;
      case "signal":
        return `signal ${e.name} delivered`;
      case "fsm.transition":
        return e.from === e.to ? `${e.machine}: ${e.to} re-entered on ${e.event}` : `${e.machine}: ${e.from || "start"} → ${e.to} on ${e.event}`;
    }
  };
  return (i) => {
    const e = model.events[i];
    if (e === undefined) return "";
    const loc = "loc" in e && e.loc !== null && e.kind === "task.block" ? ` (line ${e.loc.line})` : "";
    return `t=${formatMs(e.t)} ${what(e, i)}${loc}`;
  };
}

/**
 * The entries to show: all of them for a short run, else `max` around the cursor (a quarter
 * before it, the rest after). `from` is inclusive, `to` exclusive.
 */
export function logWindow(total: number, cursor: number, max = LOG_WINDOW): { from: number; to: number } {
  if (total <= max) return { from: 0, to: total };
  const at = Math.max(0, Math.min(total - 1, cursor));
  const from = Math.max(0, Math.min(total - max, at - Math.floor(max / 4)));
  return { from, to: from + max };
}
