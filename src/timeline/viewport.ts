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
