// Cancellation as a wave: one cancel call (or deadline) and everything it reached — the contexts
// below it, cancelled in the same instant, and every task that noticed, with how long it took to
// notice and to exit. The figure a teacher points at: "worker kept running 40 ms after cancel".

import { formatMs } from "./axis.ts";
import type { TimelineModel } from "./model.ts";

export interface WaveTask {
  task: number;
  name: string;
  /** The context whose done channel it received from. */
  ctx: number;
  woken: boolean;
  noticeMs: number;
  exitMs: number | null;
  noticeIdx: number;
  exitIdx: number | null;
}

export interface Wave {
  /** The context that was cancelled first (by a call or its deadline). */
  origin: number;
  atMs: number;
  cancelIdx: number;
  err: string;
  /** The cancel came from a deadline (no task called cancel). */
  byDeadline: boolean;
  /** Contexts reached, origin first, in cancel order. */
  contexts: number[];
  tasks: WaveTask[];
}

/** Every cancellation wave of the run, in the order they started. */
export function cancelWaves(model: TimelineModel): Wave[] {
  const waves = new Map<number, Wave>();
  for (const c of model.contexts) {
    if (c.cancelIdx === null) continue;
    const originId = c.origin ?? c.id;
    let w = waves.get(originId);
    if (w === undefined) {
      const o = model.contexts[model.ctxOf.get(originId) as number];
      const idx = o.cancelIdx as number;
      w = { origin: originId, atMs: model.events[idx].t, cancelIdx: idx, err: o.err ?? "", byDeadline: o.cancelledBy === null && o.deadline !== undefined, contexts: [], tasks: [] };
      waves.set(originId, w);
    }
    w.contexts.push(c.id);
    for (const ls of c.listeners) {
      if (w.tasks.some((t) => t.task === ls.task)) continue;
      const lane = model.lanes[model.laneOf.get(ls.task) as number];
      const noticeMs = model.events[ls.noticeIdx].t - w.atMs;
      const exitMs = ls.exitIdx === null ? null : model.events[ls.exitIdx].t - w.atMs;
      w.tasks.push({ task: ls.task, name: lane.name, ctx: c.id, woken: ls.woken, noticeMs, exitMs, noticeIdx: ls.noticeIdx, exitIdx: ls.exitIdx });
    }
  }
  return [...waves.values()].sort((a, b) => a.cancelIdx - b.cancelIdx);
}

/** One sentence per task of a wave, for tooltips, the text description and the tests. */
export function describeWaveTask(t: WaveTask): string {
  const notice = t.noticeMs === 0 ? (t.woken ? "woke at once" : "noticed at once") : `noticed after ${formatMs(t.noticeMs)}`;
  if (t.exitMs === null) return `${t.name} ${notice} and never exited`;
  if (t.exitMs === 0) return `${t.name} ${notice} and exited in the same instant`;
  return `${t.name} ${notice}; kept running ${formatMs(t.exitMs)} after cancel`;
}
