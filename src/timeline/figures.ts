// The figures both pictures of a run draw — the canvas every frame (render.ts) and the SVG export
// once (svg-export.ts) — computed here from the prepared scene, so the two cannot drift apart:
// message arrows (send → receive) and the cancellation wave (cancel ✕ → each task it reached,
// then how long that task ran on). Pure: positions in layout units from the scene and a mapping
// of event positions and rows to pixels; no drawing.

import { formatMs } from "./axis.ts";
import type { ArrowKind } from "./model.ts";
import { lowerBoundBy, type PreparedScene } from "./scene.ts";

/** How each kind of arrow is stroked: a hand-off solid, a buffered delivery dashed, a timer's value dotted. */
export const ARROW_STYLE: Record<ArrowKind, { dash: readonly number[]; width: number; muted: boolean }> = {
  handoff: { dash: [], width: 1.6, muted: false },
  buffered: { dash: [5, 3], width: 1.3, muted: false },
  timer: { dash: [1.5, 3], width: 1.3, muted: true },
};

export const ARROW_KINDS: readonly ArrowKind[] = ["handoff", "buffered", "timer"];

/** The most arrows drawn at once; beyond that the picture asks to zoom in. */
export const MAX_ARROWS = 1500;

/** Where the figures land: x of an axis position, y of the middle of a row (layout units). */
export interface FigureSpace {
  xpx(x: number): number;
  rowMid(row: number): number;
  /** y for an arrow whose sender has no lane (a timer): the top of the plot. */
  topY: number;
}

/** One arrow as drawn, from the send (a) to the receive (b). */
export interface DrawnArrow {
  arrow: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/**
 * Arrows with at least one end among events [i0, i1] (the view), in the order model.arrows keeps
 * (by receive), then those received after the view that were sent inside it.
 */
export function arrowsInRange(scene: PreparedScene, i0: number, i1: number): number[] {
  const arrows = scene.model.arrows;
  const out: number[] = [];
  let a0 = 0;
  for (let hi = arrows.length; a0 < hi; ) {
    const mid = (a0 + hi) >> 1;
    if (arrows[mid].to < i0) a0 = mid + 1;
    else hi = mid;
  }
  for (let k = a0; k < arrows.length && arrows[k].to <= i1; k++) out.push(k);
  const b0 = lowerBoundBy(scene.arrowsByFrom, i0, (i) => arrows[i].from);
  for (let k = b0; k < scene.arrowsByFrom.length; k++) {
    const ai = scene.arrowsByFrom[k];
    if (arrows[ai].from > i1) break;
    if (arrows[ai].to > i1) out.push(ai);
  }
  return out;
}

/** An arrow's line, or null when one of its tasks has no row (filtered or folded away). */
export function arrowLine(scene: PreparedScene, ai: number, s: FigureSpace): DrawnArrow | null {
  const a = scene.model.arrows[ai];
  const toRow = scene.rowOfTask.get(a.toTask);
  if (toRow === undefined) return null;
  const fromRow = a.fromTask === null ? null : scene.rowOfTask.get(a.fromTask);
  if (fromRow === undefined) return null;
  const pos = scene.axis.pos;
  return { arrow: ai, ax: s.xpx(pos[a.from]), ay: fromRow === null ? s.topY : s.rowMid(fromRow), bx: s.xpx(pos[a.to]), by: s.rowMid(toRow) };
}

/** The three corners of an arrow head at (bx, by), pointing along a → b. */
export function arrowHead(ax: number, ay: number, bx: number, by: number, len = 7): [number, number, number, number, number, number] {
  const ang = Math.atan2(by - ay, bx - ax);
  return [bx, by, bx - len * Math.cos(ang - 0.45), by - len * Math.sin(ang - 0.45), bx - len * Math.cos(ang + 0.45), by - len * Math.sin(ang + 0.45)];
}

/** One task a cancellation reached, as drawn. */
export interface WaveFigure {
  wave: number;
  task: number;
  /** The row the task is on. */
  row: number;
  /** From its context's cancel ✕ down to the moment the task noticed (dotted). */
  link: { x1: number; y1: number; x2: number; y2: number } | null;
  /** From noticing to exiting: a bracket over the lane, with "ran 40 ms after cancel". */
  ranOn: { x0: number; x1: number; label: string } | null;
}

/**
 * Every wave's figures, wave by wave, task by task. `keepRow` skips tasks whose row is not drawn
 * (the canvas passes the rows near the screen; the export keeps all).
 */
export function waveFigures(scene: PreparedScene, s: FigureSpace, keepRow: (row: number) => boolean = () => true): WaveFigure[] {
  const { model, axis } = scene;
  const out: WaveFigure[] = [];
  scene.waves.forEach((w, wave) => {
    const srcRow = scene.rowOfCtx.get(w.origin);
    for (const t of w.tasks) {
      const row = scene.rowOfTask.get(t.task);
      if (row === undefined || !keepRow(row)) continue;
      const nx = s.xpx(axis.pos[t.noticeIdx]);
      const crow = scene.rowOfCtx.get(t.ctx) ?? srcRow;
      let link: WaveFigure["link"] = null;
      if (crow !== undefined) {
        const c = model.contexts[model.ctxOf.get(t.ctx) as number];
        link = { x1: s.xpx(axis.pos[c.cancelIdx as number]), y1: s.rowMid(crow), x2: nx, y2: s.rowMid(row) };
      }
      const ranOn = t.exitIdx !== null && t.exitMs !== null && t.exitMs > 0 ? { x0: nx, x1: s.xpx(axis.pos[t.exitIdx]), label: `ran ${formatMs(t.exitMs)} after cancel` } : null;
      out.push({ wave, task: t.task, row, link, ranOn });
    }
  });
  return out;
}
