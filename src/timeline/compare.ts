// Two runs of a program one above the other — two seeds, or before and after an edit: one time
// axis for both, a line per run saying how it ended, and what differs between them in a few
// sentences a teacher can read out. Pure: models (and results, when the runs ended) in, words and
// scenes out.
//
// Tasks are matched across runs by name, in spawn order: the second "worker" of A is the second
// "worker" of B. Task ids are not compared (an edit that spawns one more task shifts them all) —
// except to find where the schedules part: up to the first event the runs did not do alike
// (kind, time, task, channel), they ran the same program the same way, ids included.

import type { TraceEvent } from "../runtime/trace.ts";
import { buildSharedAxes, formatMs, type AxisMode } from "./axis.ts";
import type { Lane, TimelineModel, TimelineOutcome } from "./model.ts";
import { eventSentences } from "./event-log.ts";
import type { RowFilter } from "./rows.ts";
import { prepareScene, STUCK_TAIL, type PreparedScene } from "./scene.ts";

/** How a run ended, when it has (a RunResult fits). */
export interface ComparedEnd extends TimelineOutcome {
  output: readonly { text: string }[];
}

export interface ComparedRun {
  /** What the sentences call it: "A", "B". */
  name: string;
  model: TimelineModel;
  /** Undefined while the run goes on, or when it was stopped before it ended. */
  result?: ComparedEnd;
  /** Still streaming events. */
  running?: boolean;
}

/** The two runs' scenes, drawn on one axis: the same virtual ms has the same x in both. */
export function sharedScenes(a: TimelineModel, b: TimelineModel, mode: AxisMode, filters: readonly [RowFilter, RowFilter]): [PreparedScene, PreparedScene] {
  const stuck = [a, b].some((m) => m.lanes.some((l) => l.end.kind === "stuck"));
  const [axisA, axisB] = buildSharedAxes([a, b].map((m) => ({ events: m.events, endMs: m.endMs })), mode, stuck ? STUCK_TAIL : 0);
  return [prepareScene(a, mode, filters[0], axisA), prepareScene(b, mode, filters[1], axisB)];
}

export type Ending = "ok" | "leaks" | "deadlock" | "panic" | "limit" | "signal" | "stopped" | "running";

/** How the run ended, with "leaks" for an ok run that left tasks behind. */
export function endingOf(run: ComparedRun): Ending {
  if (run.result === undefined) return run.running === true ? "running" : "stopped";
  const o = run.result.outcome;
  if (o === "ok" && leakedLanes(run.model).length > 0) return "leaks";
  return o;
}

function endMsOf(run: ComparedRun): number {
  return run.result?.virtualMs ?? run.model.endMs;
}

function leakedLanes(model: TimelineModel): Lane[] {
  return model.lanes.filter((l) => l.leaked);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "deadlock at 300 ms", "ok at 100 ms", "ok at 200 ms, 1 leaked task", "running, 40 ms so far". */
export function runHeadline(run: ComparedRun): string {
  const at = formatMs(endMsOf(run));
  const ending = endingOf(run);
  switch (ending) {
    case "running":
      return `running, ${at} so far`;
    case "stopped":
      return `stopped at ${at}`;
    case "leaks":
      return `ok at ${at}, ${plural(leakedLanes(run.model).length, "leaked task")}`;
    default:
      return `${ending} at ${at}`;
  }
}

/** What a run did at its end: [one run, both runs]. */
const VERB: Record<Ending, [string, string]> = {
  ok: ["finishes ok", "finish ok"],
  leaks: ["finishes but leaks", "finish but leak"],
  deadlock: ["deadlocks", "deadlock"],
  panic: ["panics", "panic"],
  limit: ["hits a run limit", "hit a run limit"],
  signal: ["ends on a signal", "end on a signal"],
  stopped: ["was stopped", "were stopped"],
  running: ["is still running", "are still running"],
};

/** A task's name, numbered when the run has several of that name ("worker #2"). */
function namesInOrder(lanes: readonly Lane[]): Map<string, Lane> {
  const seen = new Map<string, number>();
  const out = new Map<string, Lane>();
  for (const l of lanes) {
    const k = (seen.get(l.name) ?? 0) + 1;
    seen.set(l.name, k);
    out.set(k === 1 ? l.name : `${l.name} #${k}`, l);
  }
  return out;
}

function whereStuck(lane: Lane): string {
  const e = lane.end;
  if (e.kind !== "stuck") return lane.name;
  return `${lane.name} (${e.reason}${e.loc !== null ? `, line ${e.loc.line}` : ""})`;
}

/** Keys (task names) present in `mine` and not in `theirs`, as "x (why)" phrases. */
function onlyIn(mine: Map<string, Lane>, theirs: Map<string, Lane>, describe: (l: Lane) => string): string[] {
  const out: string[] = [];
  for (const [key, lane] of mine) if (!theirs.has(key)) out.push(describe({ ...lane, name: key }));
  return out;
}

function listOf(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

function outputOf(run: ComparedRun): string[] {
  if (run.result !== undefined) return run.result.output.map((o) => o.text);
  const out: string[] = [];
  for (const e of run.model.events) if (e.kind === "log") out.push(e.text);
  return out;
}

function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

function field(e: TraceEvent, key: "task" | "chan"): unknown {
  return key in e ? (e as unknown as Record<string, unknown>)[key] : undefined;
}

/**
 * The index of the first event where the runs differ (kind, time, task or channel); the shorter length
 * when one run is the start of the other. Up to there both ran the same schedule.
 */
function firstDifference(a: TimelineModel, b: TimelineModel): number {
  const n = Math.min(a.events.length, b.events.length);
  for (let i = 0; i < n; i++) {
    const x = a.events[i];
    const y = b.events[i];
    if (x.kind !== y.kind || x.t !== y.t || field(x, "task") !== field(y, "task") || field(x, "chan") !== field(y, "chan")) return i;
  }
  return n;
}

/** The two runs did exactly the same thing (same code and seed: the runtime is deterministic). */
function sameEvents(a: TimelineModel, b: TimelineModel): boolean {
  return a.events.length === b.events.length && a.totalEvents === b.totalEvents && firstDifference(a, b) === a.events.length;
}

/** The first event where the two runs' schedules differ, or null when one run is the start of the other. */
export function partingEvent(a: TimelineModel, b: TimelineModel): number | null {
  const k = firstDifference(a, b);
  return k < a.events.length && k < b.events.length ? k : null;
}

/** Event `i` of a run in words, as the event log says it, with "at" for the log's "t=". */
function eventWords(model: TimelineModel, i: number): string {
  return eventSentences(model)(i).replace(/^t=/, "at ");
}

/** What differs between run `a` and run `b`, most telling first, one sentence each. */
export function describeDifferences(a: ComparedRun, b: ComparedRun): string[] {
  if (sameEvents(a.model, b.model) && endingOf(a) === endingOf(b)) {
    return [`The two runs are the same, event for event: both ${runHeadline(a)}.`];
  }
  const out: string[] = [];
  const [ea, eb] = [endingOf(a), endingOf(b)];
  const [ta, tb] = [endMsOf(a), endMsOf(b)];
  if (ea !== eb) out.push(`${a.name} ${VERB[ea][0]} at ${formatMs(ta)}; ${b.name} ${VERB[eb][0]} at ${formatMs(tb)}.`);
  else if (ta === tb) out.push(`Both ${VERB[ea][1]} at ${formatMs(ta)}.`);
  else {
    const [late, early] = tb > ta ? [b, a] : [a, b];
    out.push(`Both ${VERB[ea][1]}; ${late.name} ends ${formatMs(Math.abs(tb - ta))} later (${formatMs(endMsOf(late))} against ${formatMs(endMsOf(early))}).`);
  }

  const stuck = (m: TimelineModel) => namesInOrder(m.lanes.filter((l) => l.end.kind === "stuck" && !l.leaked));
  const leaked = (m: TimelineModel) => namesInOrder(leakedLanes(m));
  const panicked = (m: TimelineModel) => namesInOrder(m.lanes.filter((l) => l.end.kind === "panicked"));
  const all = (m: TimelineModel) => namesInOrder(m.lanes);
  const checks: [string, (m: TimelineModel) => Map<string, Lane>, (l: Lane) => string][] = [
    ["Stuck at the end only in", stuck, whereStuck],
    ["Leaked only in", leaked, whereStuck],
    ["Panicked only in", panicked, (l) => l.name],
  ];
  for (const [words, pick, describe] of checks) {
    const [pa, pb] = [pick(a.model), pick(b.model)];
    for (const [run, mine, theirs] of [[a, pa, pb], [b, pb, pa]] as const) {
      const only = onlyIn(mine, theirs, describe);
      if (only.length > 0) out.push(`${words} ${run.name}: ${listOf(only)}.`);
    }
  }
  const [la, lb] = [all(a.model), all(b.model)];
  for (const [run, mine, theirs] of [[a, la, lb], [b, lb, la]] as const) {
    const only = onlyIn(mine, theirs, (l) => l.name);
    if (only.length > 0) out.push(`Only ${run.name} started ${listOf(only)}.`);
  }

  // Tasks that ended in both, at different times: the biggest shifts.
  const shifts: { name: string; at: number; bt: number }[] = [];
  for (const [key, lane] of la) {
    const other = lb.get(key);
    if (other === undefined || lane.end.kind !== "exited" || other.end.kind !== "exited" || lane.task === a.model.mainTask) continue;
    const [at, bt] = [a.model.events[lane.end.at].t, b.model.events[other.end.at].t];
    if (at !== bt) shifts.push({ name: key, at, bt });
  }
  shifts.sort((x, y) => Math.abs(y.bt - y.at) - Math.abs(x.bt - x.at));
  for (const s of shifts.slice(0, 3)) {
    out.push(`${s.name} finishes ${formatMs(Math.abs(s.bt - s.at))} ${s.bt > s.at ? "later" : "sooner"} in ${b.name} (at ${formatMs(s.bt)} against ${formatMs(s.at)}).`);
  }
  if (shifts.length > 3) out.push(`${plural(shifts.length - 3, "more task")} finish at other times.`);

  const [oa, ob] = [outputOf(a), outputOf(b)];
  let i = 0;
  while (i < oa.length && i < ob.length && oa[i] === ob[i]) i++;
  if (i === oa.length && i === ob.length) out.push(oa.length === 0 ? "Neither printed anything." : `Same output (${plural(oa.length, "line")}).`);
  else {
    const said = (run: ComparedRun, lines: string[]) => (i < lines.length ? `${run.name} printed ${quote(lines[i])}` : `${run.name} printed nothing more`);
    out.push(`Output differs from line ${i + 1}: ${said(a, oa)}, ${said(b, ob)}.`);
  }

  // Where the schedules part: everything before it happened alike in both.
  const k = partingEvent(a.model, b.model);
  if (k !== null) {
    out.push(`The runs part at event ${k + 1}: in ${a.name}, ${eventWords(a.model, k)}; in ${b.name}, ${eventWords(b.model, k)}.`);
  }
  return out;
}
