// Colours and patterns for the canvas, read from CSS custom properties (timeline.css defines them
// for `<html data-theme=light|dark>`), so the canvas follows the theme like the rest of the page.
// The state colours are the Okabe–Ito set (distinct for colour-blind readers); every state also
// has its own pattern, so none is told by colour alone.

import { SEG_STATES, STATE_INFO, type PatternKind, type SegState } from "./states.ts";

export interface Palette {
  bg: string;
  rowAlt: string;
  grid: string;
  text: string;
  muted: string;
  nameBg: string;
  axisBg: string;
  accent: string;
  cursor: string;
  arrow: string;
  bad: string;
  badBg: string;
  leak: string;
  leakBg: string;
  warn: string;
  warnBg: string;
  drainBg: string;
  highlight: string;
  pattern: string;
  state: Record<SegState, string>;
  font: string;
  monoFont: string;
}

export function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string): string => cs.getPropertyValue(name).trim() || fallback;
  const state = {} as Record<SegState, string>;
  for (const s of SEG_STATES) state[s] = v(STATE_INFO[s].colorVar, "#888888");
  return {
    bg: v("--tl-bg", "#ffffff"),
    rowAlt: v("--tl-row-alt", "#f6f8fa"),
    grid: v("--tl-grid", "#dde3e9"),
    text: v("--tl-text", "#1f2328"),
    muted: v("--tl-muted", "#57606a"),
    nameBg: v("--tl-name-bg", "#f6f8fa"),
    axisBg: v("--tl-axis-bg", "#ffffff"),
    accent: v("--tl-accent", "#0e7490"),
    cursor: v("--tl-cursor", "#0b6bcb"),
    arrow: v("--tl-arrow", "#1f2328"),
    bad: v("--tl-bad", "#a40e26"),
    badBg: v("--tl-bad-bg", "#fde4e1"),
    leak: v("--tl-leak", "#6b2fb3"),
    leakBg: v("--tl-leak-bg", "#f1e7fd"),
    warn: v("--tl-warn", "#7a4700"),
    warnBg: v("--tl-warn-bg", "#fff1c7"),
    drainBg: v("--tl-drain-bg", "rgba(107, 47, 179, 0.06)"),
    highlight: v("--tl-highlight", "#0b6bcb"),
    pattern: v("--tl-pattern", "rgba(0, 0, 0, 0.45)"),
    state,
    font: v("--tl-font", "13px system-ui, sans-serif"),
    monoFont: v("--tl-mono-font", "12px ui-monospace, monospace"),
  };
}

/** The text size the layout is drawn for at scale 1 (LAYOUT's rows fit 13 px labels). */
export const BASE_TEXT_PX = 13;

/**
 * How much bigger than its base layout the canvas should draw: the canvas element's font size
 * (timeline.css sets it from `--tl-text-size`, 13 px unless a container asks for more) over 13 px.
 * A slide says `--tl-text-size: <its code font>` and every row, label and marker grows with it.
 */
export function readTextScale(canvas: Element): number {
  const px = Number.parseFloat(getComputedStyle(canvas).fontSize);
  return textScale(px);
}

/** The scale for a text size in px, kept within 0.75× … 4× (a bad value gives 1). */
export function textScale(px: number): number {
  if (!Number.isFinite(px) || px <= 0) return 1;
  return Math.min(4, Math.max(0.75, px / BASE_TEXT_PX));
}

const TILE = 8;

/** Draws one tile of a pattern (also used for the legend swatches). */
export function drawPatternTile(ctx: CanvasRenderingContext2D, kind: PatternKind, size: number, stroke: string): void {
  ctx.strokeStyle = stroke;
  ctx.fillStyle = stroke;
  ctx.lineWidth = 1.4;
  ctx.beginPath();
  switch (kind) {
    case "slash":
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.moveTo(-1, 1);
      ctx.lineTo(1, -1);
      ctx.moveTo(size - 1, size + 1);
      ctx.lineTo(size + 1, size - 1);
      ctx.stroke();
      break;
    case "backslash":
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
      ctx.moveTo(size - 1, -1);
      ctx.lineTo(size + 1, 1);
      ctx.moveTo(-1, size - 1);
      ctx.lineTo(1, size + 1);
      ctx.stroke();
      break;
    case "dots":
      ctx.arc(size / 2, size / 2, 1.3, 0, Math.PI * 2);
      ctx.fill();
      break;
    case "vertical":
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      ctx.stroke();
      break;
    case "horizontal":
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.stroke();
      break;
    case "grid":
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.stroke();
      break;
    case "solid":
    case "thin":
      break;
  }
}

/** The crosshatch drawn over leaked (post-mortem) stretches. */
function drawLeakTile(ctx: CanvasRenderingContext2D, size: number, stroke: string): void {
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(0, 0);
  ctx.lineTo(size, size);
  ctx.stroke();
}

export interface Patterns {
  state: Partial<Record<SegState, CanvasPattern>>;
  leak: CanvasPattern | null;
  drain: CanvasPattern | null;
}

function tile(draw: (c: CanvasRenderingContext2D) => void): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = TILE;
  const c = canvas.getContext("2d");
  if (c !== null) draw(c);
  return canvas;
}

export function makePatterns(ctx: CanvasRenderingContext2D, palette: Palette): Patterns {
  const state: Partial<Record<SegState, CanvasPattern>> = {};
  for (const s of SEG_STATES) {
    const kind = STATE_INFO[s].pattern;
    if (kind === "solid" || kind === "thin") continue;
    const p = ctx.createPattern(tile((c) => drawPatternTile(c, kind, TILE, palette.pattern)), "repeat");
    if (p !== null) state[s] = p;
  }
  return {
    state,
    leak: ctx.createPattern(tile((c) => drawLeakTile(c, TILE, palette.leak)), "repeat"),
    drain: ctx.createPattern(
      tile((c) => {
        c.strokeStyle = palette.drainBg;
        c.lineWidth = 2;
        c.beginPath();
        c.moveTo(0, TILE);
        c.lineTo(TILE, 0);
        c.stroke();
      }),
      "repeat",
    ),
  };
}
