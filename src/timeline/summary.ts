// The timeline in words: the canvas's text description, and the diagnosis banner's content.

import { formatMs } from "./axis.ts";
import { formatCount } from "./count.ts";
import type { TimelineModel } from "./model.ts";
import { describeWaveTask, type Wave } from "./wave.ts";

export interface Diagnosis {
  kind: "deadlock" | "leak";
  /** Lane indices of the tasks stuck or leaked, main first. */
  lanes: number[];
  headline: string;
}

export function diagnose(model: TimelineModel): Diagnosis | null {
  if (model.deadlock) {
    const lanes = model.lanes.flatMap((l, i) => (l.end.kind === "stuck" ? [i] : []));
    return { kind: "deadlock", lanes, headline: `Deadlock: all ${lanes.length} remaining task${lanes.length === 1 ? " is" : "s are"} asleep, each waiting for another.` };
  }
  const lanes = model.lanes.flatMap((l, i) => (l.leaked ? [i] : []));
  if (lanes.length > 0) return { kind: "leak", lanes, headline: `${lanes.length} task${lanes.length === 1 ? "" : "s"} still alive when main returned (leaked).` };
  return null;
}

export function summarize(model: TimelineModel, waves: readonly Wave[]): string {
  const parts: string[] = [];
  const n = model.lanes.length;
  parts.push(`${n} task${n === 1 ? "" : "s"}, ${formatCount(model.events.length)} events over ${formatMs(model.endMs)} of virtual time.`);
  if (model.totalEvents > model.events.length) parts.push(`The run recorded ${formatCount(model.totalEvents)} events; the timeline shows the first ${formatCount(model.events.length)}.`);
  if (model.mainEndIdx !== null) parts.push(`main returned at ${formatMs(model.events[model.mainEndIdx].t)}.`);
  const d = diagnose(model);
  if (d !== null) {
    const who = d.lanes.slice(0, 8).map((li) => {
      const l = model.lanes[li];
      const e = l.end;
      if (e.kind === "stuck") return `${l.name} (${e.reason}${e.loc ? `, line ${e.loc.line}` : ""})`;
      return l.name;
    });
    parts.push(`${d.headline} ${who.join("; ")}${d.lanes.length > 8 ? ` and ${d.lanes.length - 8} more` : ""}.`);
  }
  for (const w of waves) {
    parts.push(`Cancel at ${formatMs(w.atMs)} (${w.err}) reached ${w.contexts.length} context${w.contexts.length === 1 ? "" : "s"}: ${w.tasks.map(describeWaveTask).join("; ") || "no task was listening"}.`);
  }
  const busy = model.lanes.filter((l) => l.busy !== null);
  if (busy.length > 0) parts.push(`Busy (never blocked for ${formatCount(busy[0].busy?.ops ?? 0)}+ operations): ${busy.map((l) => l.name).join(", ")}.`);
  return parts.join(" ");
}
