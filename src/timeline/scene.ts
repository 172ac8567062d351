// What one frame draws, prepared ahead of the render (Perfetto's rule: data preparation apart from
// a synchronous render that only reads a ready model). `prepareScene` runs when the model, the
// axis mode or the filters change — never per frame; per-frame values (view, scroll, cursor,
// hover) are passed to the render as they are.

import { buildAxis, type Axis, type AxisMode } from "./axis.ts";
import type { Marker, TimelineModel } from "./model.ts";
import { buildRows, type Row, type RowFilter } from "./rows.ts";
import { cancelWaves, type Wave } from "./wave.ts";

export const LAYOUT = { axisH: 34, rowH: 28 } as const;

/** The sticky name column: 184 px on a desktop, narrower on a phone so the plot keeps most of the width. */
export function nameColumnWidth(width: number): number {
  return Math.round(Math.min(184, Math.max(92, width * 0.28)));
}
/** Room after the last event when a lane is stuck for good: it keeps waiting "forever". */
export const STUCK_TAIL = 0.6;

export interface PreparedScene {
  model: TimelineModel;
  axis: Axis;
  rows: Row[];
  /** Row index of each task (only tasks with a row). */
  rowOfTask: Map<number, number>;
  rowOfCtx: Map<number, number>;
  /** Marker indices per task (null: run-wide), each list sorted by event index. */
  markersByTask: Map<number | null, number[]>;
  /** Arrow indices sorted by the send's event index (model.arrows is sorted by the receive's). */
  arrowsByFrom: Int32Array;
  waves: Wave[];
  /** Per lane index: the wave figure to draw on it (notice → exit), if any. */
  waveOfLane: Map<number, { wave: number; task: number }>;
}

/** `shared`: an axis made for this run together with others (compare.ts); built here otherwise. */
export function prepareScene(model: TimelineModel, mode: AxisMode, filter: RowFilter, shared?: Axis): PreparedScene {
  const stuck = model.lanes.some((l) => l.end.kind === "stuck");
  const axis = shared ?? buildAxis(model.events, model.endMs, mode, stuck ? STUCK_TAIL : 0);
  const rows = buildRows(model, filter);
  const rowOfTask = new Map<number, number>();
  const rowOfCtx = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.kind === "lane") rowOfTask.set(model.lanes[r.lane].task, i);
    else if (r.kind === "ctx") rowOfCtx.set(model.contexts[r.ctx].id, i);
  });
  const markersByTask = new Map<number | null, number[]>();
  model.markers.forEach((m: Marker, i) => {
    // A cancel is drawn on its context's row; the caller's lane gets it too.
    const list = markersByTask.get(m.task);
    if (list === undefined) markersByTask.set(m.task, [i]);
    else list.push(i);
  });
  const arrowsByFrom = arrowsBySend(model);
  const waves = cancelWaves(model);
  const waveOfLane = new Map<number, { wave: number; task: number }>();
  waves.forEach((w, wi) => {
    for (const t of w.tasks) {
      const li = model.laneOf.get(t.task);
      if (li !== undefined && !waveOfLane.has(li)) waveOfLane.set(li, { wave: wi, task: t.task });
    }
  });
  return { model, axis, rows, rowOfTask, rowOfCtx, markersByTask, arrowsByFrom, waves, waveOfLane };
}

/**
 * Arrow indices ordered by their send's event index. Each arrow is packed into one number (send
 * index above, arrow index below) and the typed array is sorted natively: O(arrows · log arrows)
 * in C++, where walking every event index was a 100 000-step loop on a page's cold first draw.
 */
function arrowsBySend(model: TimelineModel): Int32Array {
  const arrows = model.arrows;
  const low = 2 ** 21; // > MAX_KEPT_EVENTS, so both parts fit a double exactly
  const keys = new Float64Array(arrows.length);
  for (let i = 0; i < arrows.length; i++) keys[i] = arrows[i].from * low + i;
  keys.sort();
  const out = new Int32Array(arrows.length);
  for (let k = 0; k < keys.length; k++) out[k] = keys[k] % low;
  return out;
}

/** First position in a sorted list of event indices (via `key`) that is ≥ idx. */
export function lowerBoundBy(list: ArrayLike<number>, idx: number, key: (v: number) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < idx) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
