// The visible x range, in axis units. Pure: zoom about a point, pan, fit — all clamped so the
// view never leaves the run and never zooms past a few events per screen.

export interface Viewport {
  x0: number;
  x1: number;
}

/** The smallest span the view may show: a tenth of one event step or of one ms. */
export function minSpan(total: number, perEvent: number, perMs: number): number {
  const unit = Math.min(perEvent > 0 ? perEvent : Infinity, perMs > 0 ? perMs : Infinity);
  return Math.min(total, Number.isFinite(unit) ? unit / 10 : total / 1e6);
}

export function fitAll(total: number): Viewport {
  return { x0: 0, x1: total };
}

export function clampView(v: Viewport, total: number, min: number): Viewport {
  let span = Math.max(Math.min(v.x1 - v.x0, total), min);
  if (!(span > 0)) span = total;
  let x0 = v.x0;
  if (x0 < 0) x0 = 0;
  if (x0 + span > total) x0 = Math.max(0, total - span);
  return { x0, x1: x0 + span };
}

/** Zooms by `factor` (> 1 zooms in) keeping the point at fraction `at` (0..1) of the width still. */
export function zoom(v: Viewport, factor: number, at: number, total: number, min: number): Viewport {
  const span = v.x1 - v.x0;
  const next = span / factor;
  const anchor = v.x0 + span * at;
  return clampView({ x0: anchor - next * at, x1: anchor - next * at + next }, total, min);
}

/** Pans by a fraction of the width (negative: left). */
export function pan(v: Viewport, fraction: number, total: number, min: number): Viewport {
  const d = (v.x1 - v.x0) * fraction;
  return clampView({ x0: v.x0 + d, x1: v.x1 + d }, total, min);
}

/** Fits [a, b] with a margin of 5% on each side. */
export function fitRange(a: number, b: number, total: number, min: number): Viewport {
  const span = Math.max(b - a, min);
  const margin = span * 0.05;
  return clampView({ x0: a - margin, x1: b + margin }, total, min);
}

/** Where two fingers are on the plot: their midpoint (fraction 0..1 of the width) and distance (px). */
export interface PinchPoint {
  mid: number;
  dist: number;
}

/**
 * Two fingers: the axis point that was under their midpoint when the pinch began stays under the
 * midpoint wherever it moves (a two-finger pan), and the span scales by how far apart they are now
 * against then (spread: zoom in). Computed from the view at the start, not frame by frame, so the
 * content follows the fingers without drift.
 */
export function pinch(start: Viewport, from: PinchPoint, to: PinchPoint, total: number, min: number): Viewport {
  const span = start.x1 - start.x0;
  const factor = from.dist > 0 && to.dist > 0 ? to.dist / from.dist : 1;
  const next = span / factor;
  const anchor = start.x0 + span * from.mid;
  const x0 = anchor - next * to.mid;
  return clampView({ x0, x1: x0 + next }, total, min);
}

/**
 * The zoom factor of one wheel event (> 1 zooms in). A trackpad pinch arrives in Chromium as a
 * `wheel` with ctrlKey and small fractional pixel deltas, many per second: it zooms in proportion
 * (e^(−deltaY/100), so a pinch feels like the fingers' own scale); a mouse wheel's notches (≥ 50 px,
 * or lines/pages) zoom by a gentler rate, at most ×2 per event.
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  if (ctrlKey && deltaMode === 0 && Math.abs(px) < 50) return Math.exp(-px / 100);
  return Math.min(2, Math.max(0.5, Math.exp(-px * 0.002)));
}
