// The channel view (issue 5 §3): every channel of a run with its traffic — who sent, who received,
// how full its buffer got, when it was closed and who is stuck on it — and the events that touched
// it, so the timeline can highlight its arrows and step through them. Pure: a function of the model.
//
// Invariant: `events` of a channel are ascending indices into `model.events`, the same index the
// timeline's cursor and the event log use.

import { formatMs } from "./axis.ts";
import type { TimelineModel } from "./model.ts";

export type ChannelKind = "channel" | "timer" | "context";

export interface ChannelSummary {
  id: number;
  /** The name the program gave it; a context's done channel is "<context>.Done()". */
  name: string;
  cap: number;
  /** "timer": a timer's or ticker's channel; "context": a context's Done(). */
  kind: ChannelKind;
  /** Values sent (a timer's fires count as sends). */
  sent: number;
  /** Values received (receives of a closed, drained channel are not values). */
  received: number;
  closed: { idx: number; ms: number; by: string } | null;
  /** The most values its buffer held at once (0 for unbuffered channels). */
  maxFill: number;
  senders: string[];
  receivers: string[];
  /** Tasks still waiting on it when the run ended (deadlocked or leaked). */
  stuck: string[];
  /** Indices of the events that touched it: make, send, receive, close, and blocks waiting on it. */
  events: number[];
}

/** A summary while it is being counted. */
interface Tally extends ChannelSummary {
  fill: number;
  sendSet: Set<string>;
  recvSet: Set<string>;
}

/** Every channel of the run in the order it was made: the program's own first, then timers, then contexts. */
export function summarizeChannels(model: TimelineModel): ChannelSummary[] {
  const taskName = (task: number | null): string => {
    if (task === null) return "timer";
    const lane = model.laneOf.get(task);
    return lane === undefined ? `task ${task}` : model.lanes[lane].name;
  };
  const contextDone = new Set<number>();
  for (const c of model.contexts) if (c.doneChan !== null) contextDone.add(c.doneChan);

  const byId = new Map<number, Tally>();
  const touch = (chan: number, idx: number): Tally | undefined => {
    const s = byId.get(chan);
    if (s !== undefined && s.events[s.events.length - 1] !== idx) s.events.push(idx);
    return s;
  };
  model.events.forEach((e, i) => {
    switch (e.kind) {
      case "chan.make": {
        const kind: ChannelKind = contextDone.has(e.chan) ? "context" : "channel";
        byId.set(e.chan, {
          id: e.chan,
          // The model names a context's done channel for its context ("withTimeout(500).Done()").
          name: model.chans.get(e.chan)?.name ?? e.name,
          cap: e.cap,
          kind,
          sent: 0,
          received: 0,
          closed: null,
          maxFill: 0,
          senders: [],
          receivers: [],
          stuck: [],
          events: [i],
          fill: 0,
          sendSet: new Set(),
          recvSet: new Set(),
        });
        break;
      }
      case "chan.send": {
        const s = touch(e.chan, i);
        if (s === undefined) break;
        s.sent++;
        if (e.task === null && s.kind === "channel") s.kind = "timer";
        s.sendSet.add(taskName(e.task));
        if (s.cap > 0) s.maxFill = Math.max(s.maxFill, ++s.fill);
        break;
      }
      case "chan.recv": {
        const s = touch(e.chan, i);
        if (s === undefined || !e.ok) break;
        s.received++;
        s.recvSet.add(taskName(e.task));
        if (s.cap > 0) s.fill = Math.max(0, s.fill - 1);
        break;
      }
      case "chan.close": {
        const s = touch(e.chan, i);
        if (s !== undefined) s.closed = { idx: i, ms: e.t, by: e.task === null ? "the runtime" : taskName(e.task) };
        break;
      }
      case "task.block":
        for (const c of e.chans ?? []) touch(c, i);
        break;
      case "timer.fire":
        if (e.chan !== undefined) touch(e.chan, i);
        break;
      default:
        break;
    }
  });

  for (const lane of model.lanes) {
    if (lane.end.kind !== "stuck") continue;
    for (const c of lane.end.chans ?? []) byId.get(c)?.stuck.push(lane.name);
  }
  const rank: Record<ChannelKind, number> = { channel: 0, timer: 1, context: 2 };
  return [...byId.values()]
    .map(({ fill: _fill, sendSet, recvSet, ...s }) => ({ ...s, senders: [...sendSet], receivers: [...recvSet] }))
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.events[0] - b.events[0]);
}

function list(names: readonly string[], max = 4): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** The channel in one sentence, for the panel and screen readers. */
export function describeChannel(s: ChannelSummary): string {
  const what = s.kind === "context" ? "context done channel" : s.kind === "timer" ? "timer channel" : s.cap === 0 ? "unbuffered" : `buffer of ${s.cap}`;
  const parts: string[] = [];
  if (s.sent === 0 && s.received === 0) parts.push("no value ever went through it");
  else {
    parts.push(`${s.sent} value${s.sent === 1 ? "" : "s"} sent${s.senders.length > 0 ? ` by ${list(s.senders)}` : ""}`);
    parts.push(`${s.received} received${s.receivers.length > 0 ? ` by ${list(s.receivers)}` : ""}`);
  }
  if (s.cap > 0) parts.push(`at most ${s.maxFill} of ${s.cap} buffered`);
  if (s.closed !== null) parts.push(`closed at ${formatMs(s.closed.ms)} by ${s.closed.by}`);
  if (s.stuck.length > 0) parts.push(`${s.stuck.length === 1 ? "1 task" : `${s.stuck.length} tasks`} stuck on it for good: ${list(s.stuck)}`);
  return `${s.name} (${what}): ${parts.join("; ")}.`;
}

/** The channel's next (+1) or previous (−1) event after or before the cursor's event; null at the end. */
export function channelStep(s: ChannelSummary, cursorIdx: number, dir: 1 | -1): number | null {
  if (dir === 1) return s.events.find((i) => i > cursorIdx) ?? null;
  for (let k = s.events.length - 1; k >= 0; k--) if (s.events[k] < cursorIdx) return s.events[k];
  return null;
}
