// The synchronous render: reads a prepared scene and the per-frame view state, draws one frame,
// and returns the geometry hit-testing needs (arrows as drawn). It never changes the model.
// Draws only visible rows and runs, batches fills by colour, drops labels on narrow slices.

import { formatCount } from "./count.ts";
import { formatMs, indexAtOrBefore, ticks } from "./axis.ts";
import { ARROW_KINDS, ARROW_STYLE, arrowHead, arrowLine, arrowsInRange, MAX_ARROWS, waveFigures, type DrawnArrow, type FigureSpace } from "./figures.ts";
import { visibleRuns } from "./lod.ts";
import type { Lane } from "./model.ts";
import type { Palette, Patterns } from "./palette.ts";
import { LAYOUT, lowerBoundBy, nameColumnWidth, type PreparedScene } from "./scene.ts";
import { isBlocked, SEG_STATES, type SegState } from "./states.ts";
import type { Viewport } from "./viewport.ts";

export interface FrameState {
  view: Viewport;
  width: number;
  height: number;
  scrollY: number;
  cursorX: number | null;
  highlightLine: number | null;
  /** Task whose lane is outlined (hovered, or jumped to from the diagnosis banner). */
  focusTask: number | null;
  palette: Palette;
  patterns: Patterns;
  collapsed: ReadonlySet<number>;
  /** A channel whose traffic is shown in full colour while every other arrow is dimmed. */
  selectedChan: number | null;
}

export type { DrawnArrow };

export interface DrawnFrame {
  arrows: DrawnArrow[];
  /** Arrows in view that were not drawn because there were too many. */
  arrowsSkipped: number;
  firstRow: number;
  lastRow: number;
}

export { MAX_ARROWS };

export function plotScale(view: Viewport, width: number): number {
  return (width - nameColumnWidth(width)) / Math.max(view.x1 - view.x0, 1e-12);
}

export function rowTop(row: number, scrollY: number): number {
  return LAYOUT.axisH + row * LAYOUT.rowH - scrollY;
}

export function renderFrame(ctx: CanvasRenderingContext2D, scene: PreparedScene, f: FrameState): DrawnFrame {
  const { model, axis, rows } = scene;
  const { palette: p, view, width, height, scrollY } = f;
  const { axisH, rowH } = LAYOUT;
  const nameW = nameColumnWidth(width);
  const plotW = width - nameW;
  const scale = plotScale(view, width);
  const xpx = (x: number): number => nameW + (x - view.x0) * scale;
  const n = model.events.length;
  const i0 = Math.max(0, indexAtOrBefore(axis, view.x0));
  const i1 = Math.min(n, indexAtOrBefore(axis, view.x1) + 1);

  ctx.save();
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = p.font;
  ctx.textBaseline = "middle";

  const firstRow = Math.max(0, Math.floor(scrollY / rowH));
  const lastRow = Math.min(rows.length - 1, Math.floor((scrollY + height - axisH) / rowH));

  // Plot area clip: rows only.
  ctx.save();
  ctx.beginPath();
  ctx.rect(nameW, axisH, plotW, height - axisH);
  ctx.clip();

  for (let r = firstRow; r <= lastRow; r++) {
    if (r % 2 === 1) {
      ctx.fillStyle = p.rowAlt;
      ctx.fillRect(nameW, rowTop(r, scrollY), plotW, rowH);
    }
  }

  // After main returned: the post-mortem phase, hatched, behind everything.
  const mainEndX = model.mainEndIdx === null ? null : xpx(axis.pos[model.mainEndIdx]);
  if (mainEndX !== null && mainEndX < width && f.patterns.drain !== null) {
    const from = Math.max(nameW, mainEndX);
    ctx.fillStyle = f.patterns.drain;
    ctx.fillRect(from, axisH, width - from, height - axisH);
  }

  // Segments, batched by state.
  const rects = new Map<SegState, number[]>();
  for (const s of SEG_STATES) rects.set(s, []);
  const leakRects: number[] = [];
  const labels: { x: number; y: number; w: number; text: string }[] = [];
  const outlines: number[] = [];
  const laneEnds: { lane: Lane; y: number }[] = [];
  const barTop = 5;
  const barH = rowH - 10;
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    if (row.kind !== "lane") continue;
    const lane = model.lanes[row.lane];
    const y = rowTop(r, scrollY);
    for (const run of visibleRuns(lane.segments, axis, view.x0, view.x1, scale)) {
      const x0 = nameW + Math.max(run.px0, -2);
      const x1 = nameW + Math.min(run.px1, plotW + 2);
      const w = Math.max(x1 - x0, 1);
      const list = rects.get(run.state) as number[];
      if (run.state === "runnable") list.push(x0, y + rowH / 2 - 2, w, 4);
      else if (run.state === "running") list.push(x0, y + barTop, w, barH);
      else list.push(x0, y + barTop + 2, w, barH - 4);
      const seg = lane.segments[run.seg];
      if (seg.drain && lane.leaked) leakRects.push(x0, y + barTop, w, barH);
      if (f.highlightLine !== null && run.merged === 1 && seg.loc?.line === f.highlightLine) outlines.push(x0, y + barTop - 1, w, barH + 2);
      if (run.merged === 1 && w >= 70 && isBlocked(run.state)) labels.push({ x: x0, y: y + rowH / 2, w, text: segmentLabel(scene, seg.reason ?? "", seg.chans) });
    }
    laneEnds.push({ lane, y });
  }
  for (const s of SEG_STATES) {
    const list = rects.get(s) as number[];
    if (list.length === 0) continue;
    fillRects(ctx, list, p.state[s]);
    const pattern = f.patterns.state[s];
    if (pattern !== undefined) fillRects(ctx, list, pattern);
  }
  if (leakRects.length > 0 && f.patterns.leak !== null) fillRects(ctx, leakRects, f.patterns.leak);
  if (outlines.length > 0) {
    ctx.strokeStyle = p.highlight;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    for (let k = 0; k < outlines.length; k += 4) ctx.rect(outlines[k], outlines[k + 1], outlines[k + 2], outlines[k + 3]);
    ctx.stroke();
  }
  // Labels inside wide blocked slices, on a backing so they read over any pattern.
  ctx.font = p.monoFont;
  for (const l of labels) {
    const maxW = l.w - 10;
    const text = fitText(ctx, l.text, maxW);
    if (text === "") continue;
    const tw = ctx.measureText(text).width;
    ctx.fillStyle = p.bg;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(l.x + 4, l.y - 8, tw + 6, 16);
    ctx.globalAlpha = 1;
    ctx.fillStyle = p.text;
    ctx.fillText(text, l.x + 7, l.y);
  }
  ctx.font = p.font;

  // Context rows: alive from make to cancel; ✕ where cancelled.
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    if (row.kind !== "ctx") continue;
    const c = model.contexts[row.ctx];
    const y = rowTop(r, scrollY) + rowH / 2;
    const a = xpx(axis.pos[c.makeIdx]);
    const endIdx = c.cancelIdx ?? n;
    const b = xpx(axis.pos[endIdx]);
    ctx.fillStyle = p.accent;
    ctx.fillRect(a, y - 3, Math.max(b - a, 1), 6);
    if (c.cancelIdx !== null) {
      ctx.strokeStyle = p.accent;
      ctx.setLineDash([3, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(b, y);
      ctx.lineTo(xpx(axis.pos[n]), y);
      ctx.stroke();
      ctx.setLineDash([]);
      drawCross(ctx, b, y, 7, p.bad, 3);
      if (c.origin === c.id) labelAt(ctx, `${c.err ?? "cancelled"} at ${formatMs(model.events[c.cancelIdx].t)}`, b + 12, y, p.bad, p.bg, width);
    }
  }

  // State machines: one bar per state, alternating shades, the state's name inside when it fits.
  ctx.font = p.monoFont;
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    if (row.kind !== "fsm") continue;
    const y = rowTop(r, scrollY);
    const states = model.fsms[row.fsm].states;
    for (let k = 0; k < states.length; k++) {
      const st = states[k];
      const a = xpx(axis.pos[st.start]);
      const b = xpx(axis.pos[st.end]);
      if (b < nameW || a > width) continue;
      ctx.fillStyle = k % 2 === 0 ? p.accent : p.state.runnable;
      ctx.fillRect(a, y + barTop, Math.max(b - a, 1), barH);
      ctx.fillStyle = p.bg;
      ctx.fillRect(a, y + barTop, 1.5, barH);
      const t = fitText(ctx, st.state, b - a - 8);
      if (t !== "") {
        ctx.fillStyle = p.bg;
        ctx.fillText(t, Math.max(a, nameW) + 4, y + rowH / 2);
      }
      // A re-entry (a retry's self-transition): a notch through the bar with a tick above it.
      for (const i of st.reentries) {
        const x = xpx(axis.pos[i]);
        if (x < nameW || x > width) continue;
        ctx.fillStyle = p.bg;
        ctx.fillRect(x - 1.5, y + barTop, 3, barH);
        ctx.fillStyle = p.text;
        ctx.fillRect(x - 0.75, y + 1, 1.5, barTop + barH - 1);
      }
    }
  }
  ctx.font = p.font;

  // Buffered channels: how many values wait in the buffer (a step chart, full height = cap).
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    if (row.kind !== "chan") continue;
    const c = model.chans.get(row.chan);
    if (c === undefined || c.fill === null) continue;
    const y = rowTop(r, scrollY);
    const base = y + rowH - 4;
    const h = rowH - 8;
    ctx.fillStyle = p.state.recv;
    ctx.beginPath();
    const { idx, count } = c.fill;
    for (let k = 0; k < idx.length; k++) {
      const a = xpx(axis.pos[idx[k]]);
      const b = xpx(axis.pos[k + 1 < idx.length ? idx[k + 1] : n]);
      if (b < nameW || count[k] === 0) continue;
      if (a > width) break;
      const hh = (h * Math.min(count[k], c.cap)) / c.cap;
      ctx.rect(a, base - hh, Math.max(b - a, 1), hh);
    }
    ctx.fill();
    ctx.fillStyle = p.grid;
    ctx.fillRect(nameW, base, width - nameW, 1);
    ctx.fillRect(nameW, base - h, width - nameW, 1);
  }

  // The cancellation wave: from the cancel ✕ down to each task it reached, then how long it ran on.
  const space: FigureSpace = { xpx, rowMid: (r) => rowTop(r, scrollY) + rowH / 2, topY: axisH };
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = p.bad;
  for (const w of waveFigures(scene, space, (r) => r >= firstRow - 50 && r <= lastRow + 50)) {
    if (w.link !== null) {
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(w.link.x1, w.link.y1);
      ctx.lineTo(w.link.x2, w.link.y2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (w.ranOn !== null) {
      const ty = rowTop(w.row, scrollY);
      const by = ty + 3;
      ctx.strokeStyle = p.bad;
      ctx.beginPath();
      ctx.moveTo(w.ranOn.x0, by + 4);
      ctx.lineTo(w.ranOn.x0, by);
      ctx.lineTo(w.ranOn.x1, by);
      ctx.lineTo(w.ranOn.x1, by + 4);
      ctx.stroke();
      labelAt(ctx, w.ranOn.label, Math.max(w.ranOn.x0, nameW) + 4, ty + rowH / 2, p.bad, p.bg, Math.min(w.ranOn.x1, width));
    }
  }

  // Markers on lanes.
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    if (row.kind !== "lane") continue;
    const lane = model.lanes[row.lane];
    const list = scene.markersByTask.get(lane.task);
    if (list === undefined) continue;
    const y = rowTop(r, scrollY) + rowH / 2;
    const from = lowerBoundBy(list, i0, (m) => model.markers[m].idx);
    const to = lowerBoundBy(list, i1 + 1, (m) => model.markers[m].idx);
    const dense = to - from > plotW / 6;
    let lastPx = -Infinity;
    for (let k = from; k < to; k++) {
      const m = model.markers[list[k]];
      const x = xpx(axis.pos[m.idx]);
      if (dense && x - lastPx < 2) continue;
      lastPx = x;
      drawMarker(ctx, m.kind, x, y, p, dense);
    }
  }

  // Message arrows: send → receive. Solid with a head for a hand-off, dashed for a buffered
  // delivery, dotted for a timer's value.
  const drawn: DrawnArrow[] = [];
  let skipped = 0;
  const arrows = model.arrows;
  const visible = arrowsInRange(scene, i0, i1);
  if (visible.length > MAX_ARROWS) skipped = visible.length;
  else {
    for (const ai of visible) {
      const d = arrowLine(scene, ai, space);
      if (d === null || (d.ay < axisH && d.by < axisH) || (d.ay > height && d.by > height)) continue;
      drawn.push(d);
    }
    const sel = f.selectedChan;
    for (const pass of sel === null ? [false] : [false, true]) {
      // With a channel selected: first everything else, faint; then its own traffic, strong.
      ctx.globalAlpha = sel !== null && !pass ? 0.18 : 1;
      for (const kind of ARROW_KINDS) {
        const style = ARROW_STYLE[kind];
        ctx.strokeStyle = pass ? p.highlight : style.muted ? p.muted : p.arrow;
        ctx.lineWidth = style.width + (pass ? 1 : 0);
        ctx.setLineDash(style.dash as number[]);
        ctx.beginPath();
        for (const d of drawn) {
          const a = arrows[d.arrow];
          if (a.kind !== kind || (sel !== null && (a.chan === sel) !== pass)) continue;
          ctx.moveTo(d.ax, d.ay);
          ctx.lineTo(d.bx, d.by);
        }
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.fillStyle = pass ? p.highlight : p.arrow;
      ctx.beginPath();
      for (const d of drawn) if (sel === null || (arrows[d.arrow].chan === sel) === pass) headPath(ctx, arrowHead(d.ax, d.ay, d.bx, d.by));
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  // main returned: a dashed boundary.
  if (mainEndX !== null && mainEndX >= nameW && mainEndX <= width) {
    ctx.strokeStyle = p.leak;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(mainEndX, axisH);
    ctx.lineTo(mainEndX, height);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Lane ends: exited │, panicked ✕, stuck/leaked badges with the wait reason.
  for (const { lane, y } of laneEnds) drawLaneEnd(ctx, scene, lane, y, xpx, p, width);

  // Busy lanes: a bracket over the stretch that never blocked.
  for (const { lane, y } of laneEnds) {
    if (lane.busy === null) continue;
    const a = Math.max(nameW, xpx(axis.pos[lane.busy.from]));
    const b = Math.min(width, xpx(axis.pos[lane.busy.to]));
    if (b < nameW || a > width) continue;
    ctx.fillStyle = p.warn;
    ctx.fillRect(a, y + 1, Math.max(b - a, 2), 3);
    labelAt(ctx, `↻ busy: ${formatCount(lane.busy.ops)}+ ops without blocking`, a + 2, y + rowH - 7, p.warn, p.warnBg, width);
  }

  if (f.focusTask !== null) {
    const r = scene.rowOfTask.get(f.focusTask);
    if (r !== undefined) {
      ctx.strokeStyle = p.highlight;
      ctx.lineWidth = 2;
      ctx.strokeRect(nameW + 1, rowTop(r, scrollY) + 1, plotW - 2, rowH - 2);
    }
  }
  ctx.restore(); // plot clip

  drawNameColumn(ctx, scene, f, firstRow, lastRow);
  drawAxis(ctx, scene, f, xpx, mainEndX);

  // The time cursor, over everything in the plot.
  if (f.cursorX !== null) {
    const cx = xpx(f.cursorX);
    if (cx >= nameW && cx <= width) {
      ctx.strokeStyle = p.cursor;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(cx, 0);
      ctx.lineTo(cx, height);
      ctx.stroke();
    }
  }
  ctx.restore();
  return { arrows: drawn, arrowsSkipped: skipped, firstRow, lastRow };
}

function fillRects(ctx: CanvasRenderingContext2D, list: number[], style: string | CanvasPattern): void {
  ctx.fillStyle = style;
  ctx.beginPath();
  for (let k = 0; k < list.length; k += 4) ctx.rect(list[k], list[k + 1], list[k + 2], list[k + 3]);
  ctx.fill();
}

export function segmentLabel(scene: PreparedScene, reason: string, chans: readonly number[] | null): string {
  if (chans === null || chans.length === 0) return reason;
  const names = chans.map((c) => scene.model.chans.get(c)?.name ?? `chan ${c}`);
  return `${reason}: ${names.join(", ")}`;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxW: number): string {
  if (maxW < 24) return "";
  if (ctx.measureText(text).width <= maxW) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return lo < 3 ? "" : `${text.slice(0, lo)}…`;
}

/** Text on a small backing box, kept inside [x, maxX]. */
function labelAt(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, bg: string, maxX: number): void {
  const t = fitText(ctx, text, maxX - x - 8);
  if (t === "") return;
  const w = ctx.measureText(t).width;
  ctx.fillStyle = bg;
  ctx.fillRect(x, y - 8, w + 8, 16);
  ctx.fillStyle = color;
  ctx.fillText(t, x + 4, y);
}

function drawCross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string, lw: number): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = lw;
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
}

function drawMarker(ctx: CanvasRenderingContext2D, kind: string, x: number, y: number, p: Palette, dense: boolean): void {
  if (dense) {
    ctx.fillStyle = p.text;
    ctx.fillRect(x - 0.5, y - 9, 1, 4);
    return;
  }
  switch (kind) {
    case "log":
      ctx.fillStyle = p.bg;
      ctx.strokeStyle = p.text;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(x, y - 8, 3.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      break;
    case "spawn":
      ctx.fillStyle = p.text;
      ctx.beginPath();
      ctx.moveTo(x - 4, y + 6);
      ctx.lineTo(x + 4, y + 6);
      ctx.lineTo(x, y + 12);
      ctx.fill();
      break;
    case "close":
      ctx.fillStyle = p.text;
      ctx.fillRect(x - 1.5, y - 11, 3, 22);
      ctx.fillRect(x - 5, y - 11, 10, 3);
      break;
    case "cancel":
      drawCross(ctx, x, y, 5, p.bad, 2.5);
      break;
    case "panic":
      drawCross(ctx, x, y, 8, p.bad, 3.5);
      break;
    default:
      ctx.fillStyle = p.muted;
      ctx.fillRect(x - 2, y - 10, 4, 4);
  }
}

function headPath(ctx: CanvasRenderingContext2D, [x0, y0, x1, y1, x2, y2]: readonly number[]): void {
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.closePath();
}

export function stuckText(lane: Lane, deadlock: boolean, chans?: PreparedScene["model"]["chans"]): string | null {
  const e = lane.end;
  if (e.kind !== "stuck") return null;
  const line = e.loc === null ? "" : ` · line ${e.loc.line}`;
  const on = chans === undefined || e.chans === null || e.chans.length === 0 ? "" : ` (${e.chans.map((c) => chans.get(c)?.name ?? `chan ${c}`).join(", ")})`;
  if (deadlock && !e.leaked) return `⊘ stuck: ${e.reason}${on}${line}`;
  return `⚠ leaked: ${e.reason}${on} since ${formatMs(e.since)}${line}`;
}

function drawLaneEnd(ctx: CanvasRenderingContext2D, scene: PreparedScene, lane: Lane, y: number, xpx: (x: number) => number, p: Palette, width: number): void {
  const { rowH } = LAYOUT;
  const nameW = nameColumnWidth(width);
  const e = lane.end;
  if (e.kind === "exited" || e.kind === "panicked") {
    const x = xpx(scene.axis.pos[e.at]);
    if (x < nameW - 2 || x > width + 2) return;
    if (e.kind === "exited") {
      ctx.fillStyle = p.text;
      ctx.fillRect(x - 1, y + 4, 2, rowH - 8);
    } else drawCross(ctx, x, y + rowH / 2, 8, p.bad, 3.5);
    return;
  }
  const text = stuckText(lane, scene.model.deadlock, scene.model.chans);
  if (text === null) return;
  const stuckHere = scene.model.deadlock && e.kind === "stuck" && !e.leaked;
  ctx.font = `600 ${ctx.font}`;
  const w = Math.min(ctx.measureText(text).width + 14, width - nameW - 8);
  const x = width - w - 4;
  ctx.fillStyle = stuckHere ? p.badBg : p.leakBg;
  ctx.strokeStyle = stuckHere ? p.bad : p.leak;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.rect(x, y + 3, w, rowH - 6);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = stuckHere ? p.bad : p.leak;
  ctx.fillText(fitText(ctx, text, w - 12), x + 7, y + rowH / 2);
  ctx.font = p.font;
}

function drawNameColumn(ctx: CanvasRenderingContext2D, scene: PreparedScene, f: FrameState, firstRow: number, lastRow: number): void {
  const { model, rows } = scene;
  const { palette: p, scrollY, height } = f;
  const { axisH, rowH } = LAYOUT;
  const nameW = nameColumnWidth(f.width);
  ctx.fillStyle = p.nameBg;
  ctx.fillRect(0, axisH, nameW, height - axisH);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, axisH, nameW, height - axisH);
  ctx.clip();
  for (let r = firstRow; r <= lastRow; r++) {
    const row = rows[r];
    const y = rowTop(r, scrollY) + rowH / 2;
    const indent = 8 + Math.min(row.depth, 8) * 12;
    if (row.kind === "fsm") {
      ctx.fillStyle = p.accent;
      ctx.fillText(fitText(ctx, `fsm: ${model.fsms[row.fsm].machine}`, nameW - indent - 6) || "fsm", indent, y);
      continue;
    }
    if (row.kind === "chan") {
      const c = model.chans.get(row.chan);
      ctx.fillStyle = p.muted;
      ctx.fillText(fitText(ctx, `buffer ${c?.name ?? row.chan} (cap ${c?.cap ?? "?"})`, nameW - indent - 6) || "buffer", indent, y);
      continue;
    }
    if (row.kind === "ctx") {
      const c = model.contexts[row.ctx];
      ctx.fillStyle = p.accent;
      ctx.fillText(fitText(ctx, `ctx ${c.name}`, nameW - indent - 6) || "ctx", indent, y);
      continue;
    }
    const lane = model.lanes[row.lane];
    let x = indent;
    if (lane.children.length > 0) {
      ctx.fillStyle = p.muted;
      ctx.fillText(f.collapsed.has(lane.task) ? "▸" : "▾", x - 2, y);
    }
    x += 11;
    const status = lane.end.kind === "stuck" ? (scene.model.deadlock && !lane.end.leaked ? " ⊘" : " ⚠") : lane.end.kind === "panicked" ? " ✕" : lane.leaked ? " ⚠" : "";
    const suffix = row.hiddenChildren > 0 ? ` (+${row.hiddenChildren})` : "";
    ctx.fillStyle = lane.end.kind === "stuck" || lane.end.kind === "panicked" ? (scene.model.deadlock || lane.end.kind === "panicked" ? p.bad : p.leak) : p.text;
    ctx.fillText(fitText(ctx, `${lane.name}${status}${suffix}`, nameW - x - 6) || lane.name.slice(0, 3), x, y);
  }
  ctx.restore();
  ctx.fillStyle = p.grid;
  ctx.fillRect(nameW - 1, 0, 1, height);
}

function drawAxis(ctx: CanvasRenderingContext2D, scene: PreparedScene, f: FrameState, xpx: (x: number) => number, mainEndX: number | null): void {
  const { axis } = scene;
  const { palette: p, view, width } = f;
  const { axisH } = LAYOUT;
  const nameW = nameColumnWidth(width);
  ctx.fillStyle = p.axisBg;
  ctx.fillRect(0, 0, width, axisH);
  ctx.fillStyle = p.grid;
  ctx.fillRect(0, axisH - 1, width, 1);
  ctx.fillStyle = p.muted;
  const allAtOnce = scene.model.endMs === 0 && axis.mode !== "time";
  const caption = axis.mode === "events" ? "event order" : axis.mode === "time" ? "virtual time" : allAtOnce ? "all at 0 ms: in order" : "time, events spaced";
  ctx.fillText(fitText(ctx, caption, nameW - 14), 8, axisH / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(nameW, 0, width - nameW, axisH);
  ctx.clip();
  // Instants holding many events: a bracket under the label (time stands still across it).
  const instants = axis.instants;
  for (let k = 0; k < instants.length; k++) {
    const first = instants[k];
    const next = k + 1 < instants.length ? instants[k + 1] : axis.pos.length - 1;
    const a = xpx(axis.pos[first]);
    const b = xpx(axis.pos[Math.max(first, next - 1)]);
    if (b < nameW) continue;
    if (a > width) break;
    if (b - a >= 12 && axis.mode !== "time") {
      ctx.fillStyle = p.rowAlt;
      ctx.fillRect(a, axisH - 8, b - a, 6);
      ctx.fillStyle = p.muted;
      ctx.fillRect(a, axisH - 8, 1, 6);
      ctx.fillRect(b, axisH - 8, 1, 6);
    }
  }
  for (const t of ticks(axis, view.x0, view.x1, width - nameW)) {
    const x = xpx(t.x);
    ctx.fillStyle = p.muted;
    ctx.fillRect(x, axisH - 10, 1, 10);
    ctx.fillStyle = p.text;
    ctx.fillText(t.label, x + 3, 12);
  }
  if (mainEndX !== null && mainEndX >= nameW && mainEndX < width) {
    // On the right of the line when there is room ("after: …"), else ending at it.
    const text = width - mainEndX > 300 ? "main returned ⇢ after: leaked tasks only" : "main returned ⇢";
    const w = ctx.measureText(text).width + 8;
    labelAt(ctx, text, width - mainEndX > w + 4 ? mainEndX + 2 : mainEndX - w - 2, axisH - 11, p.leak, p.axisBg, width);
  }
  ctx.restore();
}
