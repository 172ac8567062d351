// What is under the pointer, and what to say about it. Pure: geometry from the prepared scene and
// the frame that was drawn, words from the model.

import { formatCount } from "./count.ts";
import { formatMs, indexAtOrBefore } from "./axis.ts";
import { segmentAt } from "./lod.ts";
import type { Loc, TraceEvent } from "../runtime/trace.ts";
import type { DrawnFrame } from "./render.ts";
import { plotScale, segmentLabel, stuckText } from "./render.ts";
import { LAYOUT, lowerBoundBy, nameColumnWidth, type PreparedScene } from "./scene.ts";
import { STATE_INFO } from "./states.ts";
import type { Viewport } from "./viewport.ts";
import { describeWaveTask } from "./wave.ts";

export type Target =
  | { kind: "segment"; lane: number; seg: number }
  | { kind: "marker"; marker: number }
  | { kind: "arrow"; arrow: number }
  | { kind: "ctx"; ctx: number }
  | { kind: "fsm"; fsm: number; state: number }
  | { kind: "chan"; chan: number; at: number }
  | { kind: "stuck"; lane: number }
  | { kind: "name"; lane: number };

export interface HitInput {
  x: number;
  y: number;
  view: Viewport;
  width: number;
  height: number;
  scrollY: number;
}

export function hitTest(scene: PreparedScene, frame: DrawnFrame | null, h: HitInput): Target | null {
  const { axisH, rowH } = LAYOUT;
  const nameW = nameColumnWidth(h.width);
  if (h.y < axisH) return null;
  const row = Math.floor((h.y - axisH + h.scrollY) / rowH);
  const r = scene.rows[row];
  if (r === undefined) return null;
  if (r.kind === "fsm") {
    const states = scene.model.fsms[r.fsm].states;
    const ax = h.view.x0 + (Math.max(h.x, nameW) - nameW) / plotScale(h.view, h.width);
    let k = states.length - 1;
    while (k > 0 && scene.axis.pos[states[k].start] > ax) k--;
    return k >= 0 ? { kind: "fsm", fsm: r.fsm, state: k } : null;
  }
  if (r.kind === "chan") {
    const ax = h.view.x0 + (Math.max(h.x, nameW) - nameW) / plotScale(h.view, h.width);
    return { kind: "chan", chan: r.chan, at: Math.max(0, indexAtOrBefore(scene.axis, ax)) };
  }
  if (h.x < nameW) return r.kind === "lane" ? { kind: "name", lane: r.lane } : { kind: "ctx", ctx: r.ctx };
  const scale = plotScale(h.view, h.width);
  const ax = h.view.x0 + (h.x - nameW) / scale;
  // Arrows first: they are thin and drawn on top.
  if (frame !== null) {
    let best = -1;
    let bestD = 5;
    for (const d of frame.arrows) {
      const dist = distToSegment(h.x, h.y, d.ax, d.ay, d.bx, d.by);
      if (dist < bestD) {
        bestD = dist;
        best = d.arrow;
      }
    }
    if (best >= 0) return { kind: "arrow", arrow: best };
  }
  if (r.kind === "ctx") return { kind: "ctx", ctx: r.ctx };
  const lane = scene.model.lanes[r.lane];
  // Markers within 5 px.
  const list = scene.markersByTask.get(lane.task);
  if (list !== undefined) {
    const slack = 5 / scale;
    const i0 = Math.max(0, indexAtOrBefore(scene.axis, ax - slack));
    const from = lowerBoundBy(list, i0, (m) => scene.model.markers[m].idx);
    let best = -1;
    let bestD = 6;
    for (let k = from; k < list.length; k++) {
      const m = scene.model.markers[list[k]];
      const px = nameW + (scene.axis.pos[m.idx] - h.view.x0) * scale;
      if (px > h.x + 6) break;
      const d = Math.abs(px - h.x);
      if (d < bestD) {
        bestD = d;
        best = list[k];
      }
    }
    if (best >= 0) return { kind: "marker", marker: best };
  }
  // The stuck badge sits at the right end of the lane.
  if (lane.end.kind === "stuck" && h.x > h.width - 260) {
    const seg = lane.segments.length - 1;
    if (seg >= 0 && scene.axis.pos[lane.segments[seg].start] <= ax) return { kind: "stuck", lane: r.lane };
  }
  const seg = segmentAt(lane.segments, scene.axis, ax);
  if (seg >= 0) return { kind: "segment", lane: r.lane, seg };
  void rowH;
  return null;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export interface TargetInfo {
  title: string;
  lines: string[];
  /** The source line a click on it selects. */
  line: number | null;
}

function at(events: readonly TraceEvent[], idx: number): number {
  return events[Math.min(idx, events.length - 1)]?.t ?? 0;
}

function locText(loc: Loc | null): string | null {
  return loc === null ? null : `line ${loc.line}`;
}

/** Tooltip words for a target: what, which channel, since when, how long, which line. */
export function describeTarget(scene: PreparedScene, t: Target): TargetInfo {
  const { model } = scene;
  const ev = model.events;
  switch (t.kind) {
    case "segment": {
      const lane = model.lanes[t.lane];
      const s = lane.segments[t.seg];
      const from = at(ev, s.start);
      const to = s.end >= ev.length ? model.endMs : at(ev, s.end);
      const what = s.reason === null ? STATE_INFO[s.state].label : `blocked on ${segmentLabel(scene, s.reason, s.chans)}`;
      const lines = [`${formatMs(from)} → ${formatMs(to)} (${formatMs(to - from)}, events ${s.start}–${s.end})`];
      if (s.drain) lines.push(lane.leaked ? "after main returned: this task leaked" : "after main returned");
      const loc = locText(s.loc);
      if (loc !== null) lines.push(loc);
      const wave = scene.waveOfLane.get(t.lane);
      if (wave !== undefined) {
        const wt = scene.waves[wave.wave].tasks.find((x) => x.task === wave.task);
        if (wt !== undefined) lines.push(describeWaveTask(wt));
      }
      return { title: `${lane.name}: ${what}`, lines, line: s.loc?.line ?? null };
    }
    case "marker": {
      const m = model.markers[t.marker];
      const who = m.task === null ? "run" : (model.lanes[model.laneOf.get(m.task) as number]?.name ?? `task ${m.task}`);
      const e = ev[m.idx];
      const loc = e.kind === "task.spawn" ? e.loc : null;
      const spawned = m.kind === "spawn" && e.kind === "task.spawn" ? model.lanes[model.laneOf.get(e.task) as number]?.spawnLoc : null;
      return { title: `${who}: ${m.label}`, lines: [`at ${formatMs(e.t)} (event ${m.idx})`, ...(spawned ? [`line ${spawned.line}`] : [])], line: (spawned ?? loc)?.line ?? null };
    }
    case "arrow": {
      const a = model.arrows[t.arrow];
      const chan = model.chans.get(a.chan);
      const from = a.fromTask === null ? "a timer" : (model.lanes[model.laneOf.get(a.fromTask) as number]?.name ?? "?");
      const to = model.lanes[model.laneOf.get(a.toTask) as number]?.name ?? "?";
      const kind = a.kind === "handoff" ? "hand-off (unbuffered: both sides met)" : a.kind === "buffered" ? `buffered delivery (cap ${chan?.cap ?? "?"}): waited in the buffer` : "timer value";
      const sentAt = at(ev, a.from);
      const gotAt = at(ev, a.to);
      return {
        title: `${from} → ${to} on ${chan?.name ?? `chan ${a.chan}`}: ${a.preview}`,
        lines: [kind, `sent ${formatMs(sentAt)}, received ${formatMs(gotAt)}${gotAt > sentAt ? ` (${formatMs(gotAt - sentAt)} later)` : ""}`, `click: highlight every value sent on ${chan?.name ?? "this channel"}`],
        line: null,
      };
    }
    case "ctx": {
      const c = model.contexts[t.ctx];
      const lines = [`made at ${formatMs(at(ev, c.makeIdx))}${c.deadline !== undefined ? `, deadline ${formatMs(c.deadline)}` : ""}`];
      if (c.cancelIdx !== null) {
        const by = c.origin !== c.id && c.origin !== null ? `via its parent (ctx ${c.origin})` : c.cancelledBy !== null ? `by ${model.lanes[model.laneOf.get(c.cancelledBy) as number]?.name ?? "a task"}` : "by its deadline";
        lines.push(`cancelled at ${formatMs(at(ev, c.cancelIdx))} ${by}: ${c.err ?? ""}${c.cause !== null ? ` (cause: ${c.cause})` : ""}`);
        for (const l of c.listeners) {
          const wave = scene.waves.find((w) => w.contexts.includes(c.id));
          const wt = wave?.tasks.find((x) => x.task === l.task);
          if (wt !== undefined) lines.push(describeWaveTask(wt));
        }
      } else lines.push("never cancelled");
      return { title: `context ${c.name}`, lines, line: null };
    }
    case "fsm": {
      const f = model.fsms[t.fsm];
      const st = f.states[t.state];
      const from = at(ev, st.start);
      const to = st.end >= ev.length ? model.endMs : at(ev, st.end);
      const again = st.reentries.length === 0 ? [] : [`re-entered ${st.reentries.length}× (a self-transition): at ${st.reentries.map((i) => formatMs(at(ev, i))).join(", ")}`];
      return { title: `${f.machine}: in state ${st.state}`, lines: [`entered on ${st.event} at ${formatMs(from)}`, ...again, `${formatMs(from)} → ${formatMs(to)} (${formatMs(to - from)})`], line: null };
    }
    case "chan": {
      const c = model.chans.get(t.chan);
      if (c === undefined || c.fill === null) return { title: `chan ${t.chan}`, lines: [], line: null };
      // The fill after the last change at or before the event under the pointer.
      let k = c.fill.idx.length - 1;
      while (k >= 0 && c.fill.idx[k] > t.at) k--;
      const n = k < 0 ? 0 : c.fill.count[k];
      const max = Math.max(0, ...c.fill.count);
      return { title: `${c.name}: ${n} of ${c.cap} buffered`, lines: [`at ${formatMs(at(ev, t.at))}`, `at most ${max} of ${c.cap} during the run${max >= c.cap ? " — the buffer was full: senders had to wait" : ""}`], line: null };
    }
    case "stuck": {
      const lane = model.lanes[t.lane];
      const e = lane.end;
      const text = stuckText(lane, model.deadlock, model.chans) ?? "";
      const loc = e.kind === "stuck" ? e.loc : null;
      return { title: `${lane.name} ${text.replace(/^\S+ /, "")}`, lines: [model.deadlock ? "every task is asleep: nothing can ever wake this one" : "still alive when main returned: nobody will ever wake it"], line: loc?.line ?? null };
    }
    case "name": {
      const lane = model.lanes[t.lane];
      const end = lane.end;
      const state = end.kind === "exited" ? `exited at ${formatMs(at(ev, end.at))}` : end.kind === "panicked" ? `panicked: ${end.message}` : end.kind === "stuck" ? (stuckText(lane, model.deadlock) ?? "") : "still running";
      const lines = [`spawned at ${formatMs(at(ev, lane.spawnIdx))}${lane.spawnLoc ? ` (line ${lane.spawnLoc.line})` : ""}`, state];
      if (lane.busy !== null) lines.push(`busy: ran ${formatCount(lane.busy.ops)}+ operations without blocking`);
      if (lane.children.length > 0) lines.push(`spawned ${lane.children.length} task${lane.children.length === 1 ? "" : "s"} — click to fold or unfold`);
      return { title: `task ${lane.task} "${lane.name}"`, lines, line: lane.spawnLoc?.line ?? null };
    }
  }
}

/** One line for the event at index i, for the cursor readout and the live region. */
export function describeEvent(scene: PreparedScene, i: number): string {
  const { model } = scene;
  const e = model.events[i];
  if (e === undefined) return "";
  const name = (task: number | null | undefined): string => (task === null || task === undefined ? "run" : (model.lanes[model.laneOf.get(task) as number]?.name ?? `task ${task}`));
  const chan = (c: number): string => model.chans.get(c)?.name ?? `chan ${c}`;
  const head = `t=${formatMs(e.t)} #${i}`;
  switch (e.kind) {
    case "task.spawn":
      return `${head}: ${name(e.parent)} started ${e.name}`;
    case "task.run":
      return `${head}: ${name(e.task)} runs`;
    case "task.block":
      return `${head}: ${name(e.task)} blocks on ${segmentLabel(scene, e.reason, e.chans ?? null)}${e.loc ? ` (line ${e.loc.line})` : ""}`;
    case "task.unblock":
      return `${head}: ${name(e.task)} is woken`;
    case "task.exit":
      return `${head}: ${name(e.task)} exits`;
    case "task.panic":
      return `${head}: ${name(e.task)} panics: ${e.message}`;
    case "task.leak":
      return `${head}: ${name(e.task)} leaked (${e.reason} since ${formatMs(e.since)})`;
    case "chan.make":
      return `${head}: ${e.name} made (cap ${e.cap})`;
    case "chan.send":
      return `${head}: ${name(e.task)} sends ${e.preview} on ${chan(e.chan)}`;
    case "chan.recv":
      return `${head}: ${name(e.task)} receives ${e.ok ? "a value" : "nothing (closed)"} from ${chan(e.chan)}`;
    case "chan.close":
      return `${head}: ${name(e.task)} closes ${chan(e.chan)}`;
    case "ctx.make":
      return `${head}: context ${e.name} made`;
    case "ctx.cancel":
      return `${head}: context ${e.ctx} cancelled (${e.err})`;
    case "timer.fire":
      return `${head}: timer ${e.timer} fires`;
    case "log":
      return `${head}: ${name(e.task)} prints "${e.text}"`;
    case "signal":
      return `${head}: signal ${e.name}`;
    case "fsm.transition":
      return `${head}: ${e.machine} ${e.from} → ${e.to}`;
  }
}

/** The line an event points at, if any (for "the editor follows the cursor"). */
export function lineOfEvent(scene: PreparedScene, i: number): number | null {
  const e = scene.model.events[i];
  if (e === undefined) return null;
  if (e.kind === "task.block" || e.kind === "task.spawn") return e.loc?.line ?? null;
  return null;
}
