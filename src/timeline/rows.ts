// The rows the view shows, top to bottom: the context tree (when the run made cancelable
// contexts), one row per state machine (XState actors), then the tasks in tree order (each under the task that spawned it), minus collapsed
// subtrees and filtered lanes. Pure, so collapse and filters are tested without a canvas.

import type { TimelineModel } from "./model.ts";

export type Row =
  | { kind: "ctx"; ctx: number; depth: number }
  | { kind: "fsm"; fsm: number; depth: number }
  | { kind: "chan"; chan: number; depth: number }
  | { kind: "lane"; lane: number; depth: number; hiddenChildren: number };

export interface RowFilter {
  /** Task ids whose spawned tasks are hidden. */
  collapsed: ReadonlySet<number>;
  hideExited: boolean;
  onlyBlocked: boolean;
  showContexts: boolean;
  /** One row per buffered channel with its fill over time. */
  showBuffers: boolean;
}

export const DEFAULT_FILTER: RowFilter = { collapsed: new Set(), hideExited: false, onlyBlocked: false, showContexts: true, showBuffers: false };

export function buildRows(model: TimelineModel, filter: RowFilter): Row[] {
  const rows: Row[] = [];
  if (filter.showContexts) {
    // The roots (background, todo) are never cancelled: only their descendants get rows.
    for (const c of ctxTreeOrder(model)) {
      const node = model.contexts[c];
      if (node.parent !== null) rows.push({ kind: "ctx", ctx: c, depth: node.depth - 1 });
    }
  }
  model.fsms.forEach((_, i) => rows.push({ kind: "fsm", fsm: i, depth: 0 }));
  if (filter.showBuffers) for (const c of model.chans.values()) if (c.fill !== null && c.fill.idx.length > 0) rows.push({ kind: "chan", chan: c.id, depth: 0 });
  const hiddenUnder = new Set<number>();
  for (const li of model.treeOrder) {
    const lane = model.lanes[li];
    if (lane.parent !== null && (hiddenUnder.has(lane.parent) || filter.collapsed.has(lane.parent))) {
      hiddenUnder.add(lane.task);
      continue;
    }
    if (filter.hideExited && lane.end.kind === "exited") continue;
    if (filter.onlyBlocked && !everBlocked(model, li)) continue;
    rows.push({ kind: "lane", lane: li, depth: lane.depth, hiddenChildren: filter.collapsed.has(lane.task) ? countDescendants(model, li) : 0 });
  }
  return rows;
}

function everBlocked(model: TimelineModel, li: number): boolean {
  const lane = model.lanes[li];
  if (lane.end.kind === "stuck") return true;
  return lane.segments.some((s) => s.state !== "running" && s.state !== "runnable");
}

function countDescendants(model: TimelineModel, li: number): number {
  let count = 0;
  const stack = [...model.lanes[li].children];
  while (stack.length > 0) {
    const t = stack.pop() as number;
    count++;
    const ci = model.laneOf.get(t);
    if (ci !== undefined) stack.push(...model.lanes[ci].children);
  }
  return count;
}

function ctxTreeOrder(model: TimelineModel): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  for (let i = model.contexts.length - 1; i >= 0; i--) {
    const p = model.contexts[i].parent;
    if (p === null || !model.ctxOf.has(p)) stack.push(i);
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    out.push(i);
    const kids = model.contexts[i].children;
    for (let k = kids.length - 1; k >= 0; k--) {
      const ci = model.ctxOf.get(kids[k]);
      if (ci !== undefined) stack.push(ci);
    }
  }
  return out;
}
