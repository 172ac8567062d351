// The view as an SVG document, for slides that stay sharp at any size: the same prepared scene and
// viewport the canvas draws (every row, not only those scrolled into view), with the time axis,
// the name column, segments in their state colours and patterns, leaked tails hatched, markers
// and the cursor. Pure: a string from the scene, the view and the palette.

import { formatMs, indexAtOrBefore, ticks } from "./axis.ts";
import { visibleRuns } from "./lod.ts";
import type { Palette } from "./palette.ts";
import { LAYOUT, nameColumnWidth, type PreparedScene } from "./scene.ts";
import { SEG_STATES, STATE_INFO, type PatternKind } from "./states.ts";
import type { Viewport } from "./viewport.ts";

export interface SvgOptions {
  width: number;
  palette: Palette;
  /** Axis position of the time cursor, if one is placed. */
  cursorX?: number | null;
  title?: string;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const TILE = 8;

/** The SVG pattern drawn over a state's colour (the canvas draws the same tiles). */
function patternPath(kind: PatternKind): string | null {
  switch (kind) {
    case "slash":
      return `M0 ${TILE} L${TILE} 0`;
    case "backslash":
      return `M0 0 L${TILE} ${TILE}`;
    case "vertical":
      return `M${TILE / 2} 0 V${TILE}`;
    case "horizontal":
      return `M0 ${TILE / 2} H${TILE}`;
    case "grid":
      return `M${TILE / 2} 0 V${TILE} M0 ${TILE / 2} H${TILE}`;
    case "dots":
      return `M${TILE / 2 - 0.5} ${TILE / 2} h1`;
    default:
      return null;
  }
}

function rowName(scene: PreparedScene, r: number): string {
  const row = scene.rows[r];
  const m = scene.model;
  if (row.kind === "ctx") return `ctx ${m.contexts[row.ctx].name}`;
  if (row.kind === "fsm") return `fsm: ${m.fsms[row.fsm].machine}`;
  if (row.kind === "chan") return `buffer ${m.chans.get(row.chan)?.name ?? row.chan}`;
  const lane = m.lanes[row.lane];
  const mark = lane.end.kind === "stuck" ? (m.deadlock && !lane.end.leaked ? " ⊘" : " ⚠") : lane.end.kind === "panicked" ? " ✕" : lane.leaked ? " ⚠" : "";
  return `${lane.name}${mark}`;
}

export function sceneToSvg(scene: PreparedScene, view: Viewport, o: SvgOptions): string {
  const { model, axis, rows } = scene;
  const p = o.palette;
  const { axisH, rowH } = LAYOUT;
  const width = Math.round(o.width);
  const height = axisH + rows.length * rowH;
  const nameW = nameColumnWidth(width);
  const plotW = width - nameW;
  const scale = plotW / (view.x1 - view.x0);
  const xpx = (x: number): number => nameW + (x - view.x0) * scale;
  const n = (v: number): string => (Math.round(v * 10) / 10).toString();
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`);
  out.push(`<title>${escapeXml(o.title ?? "Chanscope timeline")}</title>`);
  out.push("<defs>");
  for (const s of SEG_STATES) {
    const d = patternPath(STATE_INFO[s].pattern);
    if (d !== null) out.push(`<pattern id="p-${s}" width="${TILE}" height="${TILE}" patternUnits="userSpaceOnUse"><path d="${d}" stroke="${escapeXml(p.pattern)}" stroke-width="1.2" fill="none"/></pattern>`);
  }
  out.push(`<pattern id="p-leak" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 6 L6 0" stroke="${escapeXml(p.leak)}" stroke-width="2"/></pattern>`);
  out.push(`<clipPath id="plot"><rect x="${nameW}" y="0" width="${plotW}" height="${height}"/></clipPath>`);
  out.push("</defs>");
  out.push(`<rect width="${width}" height="${height}" fill="${escapeXml(p.bg)}"/>`);

  // Rows, segments and markers, clipped to the plot.
  out.push(`<g clip-path="url(#plot)">`);
  for (let r = 0; r < rows.length; r++) {
    const y = axisH + r * rowH;
    if (r % 2 === 1) out.push(`<rect x="${nameW}" y="${y}" width="${plotW}" height="${rowH}" fill="${escapeXml(p.rowAlt)}"/>`);
    const row = rows[r];
    if (row.kind === "ctx") {
      const c = model.contexts[row.ctx];
      if (c.cancelIdx !== null) {
        const x = xpx(axis.pos[c.cancelIdx]);
        out.push(`<path d="M${n(x - 5)} ${y + rowH / 2 - 5} l10 10 m0 -10 l-10 10" stroke="${escapeXml(p.bad)}" stroke-width="2.5"/>`);
      }
      continue;
    }
    if (row.kind !== "lane") continue;
    const lane = model.lanes[row.lane];
    for (const run of visibleRuns(lane.segments, axis, view.x0, view.x1, scale)) {
      const x0 = nameW + Math.max(run.px0, -2);
      const w = Math.max(nameW + Math.min(run.px1, plotW + 2) - x0, 1);
      const [top, h] = run.state === "runnable" ? [y + rowH / 2 - 2, 4] : run.state === "running" ? [y + 5, rowH - 10] : [y + 7, rowH - 14];
      const rect = `x="${n(x0)}" y="${top}" width="${n(w)}" height="${h}"`;
      out.push(`<rect ${rect} fill="${escapeXml(p.state[run.state])}"><title>${escapeXml(`${lane.name}: ${STATE_INFO[run.state].label}`)}</title></rect>`);
      if (patternPath(STATE_INFO[run.state].pattern) !== null) out.push(`<rect ${rect} fill="url(#p-${run.state})"/>`);
      const seg = lane.segments[run.seg];
      if (seg.drain && lane.leaked) out.push(`<rect x="${n(x0)}" y="${y + 5}" width="${n(w)}" height="${rowH - 10}" fill="url(#p-leak)"/>`);
    }
  }
  const i0 = Math.max(0, indexAtOrBefore(axis, view.x0));
  const i1 = indexAtOrBefore(axis, view.x1);
  for (const m of model.markers) {
    if (m.idx < i0 || m.idx > i1 || m.task === null) continue;
    const r = scene.rowOfTask.get(m.task);
    if (r === undefined) continue;
    const x = xpx(axis.pos[m.idx]);
    const y = axisH + r * rowH + rowH / 2;
    const color = m.kind === "cancel" || m.kind === "panic" ? p.bad : p.text;
    out.push(`<circle cx="${n(x)}" cy="${y}" r="3" fill="${escapeXml(color)}"><title>${escapeXml(m.label)}</title></circle>`);
  }
  if (o.cursorX !== undefined && o.cursorX !== null) out.push(`<line x1="${n(xpx(o.cursorX))}" y1="0" x2="${n(xpx(o.cursorX))}" y2="${height}" stroke="${escapeXml(p.cursor)}" stroke-width="2"/>`);
  out.push("</g>");

  // The time axis.
  out.push(`<rect x="${nameW}" y="0" width="${plotW}" height="${axisH}" fill="${escapeXml(p.axisBg)}"/>`);
  for (const t of ticks(axis, view.x0, view.x1, plotW)) {
    const x = xpx(t.x);
    if (x < nameW || x > width) continue;
    out.push(`<line x1="${n(x)}" y1="${axisH - 6}" x2="${n(x)}" y2="${height}" stroke="${escapeXml(p.grid)}"/>`);
    out.push(`<text x="${n(x + 3)}" y="${axisH / 2}" dominant-baseline="middle" fill="${escapeXml(p.muted)}">${escapeXml(t.label)}</text>`);
  }

  // The name column.
  out.push(`<rect x="0" y="0" width="${nameW}" height="${height}" fill="${escapeXml(p.nameBg)}"/>`);
  out.push(`<text x="8" y="${axisH / 2}" dominant-baseline="middle" fill="${escapeXml(p.muted)}">${escapeXml(formatMs(model.endMs))} run</text>`);
  for (let r = 0; r < rows.length; r++) {
    const indent = 8 + Math.min(rows[r].depth, 8) * 12;
    out.push(`<text x="${indent}" y="${axisH + r * rowH + rowH / 2}" dominant-baseline="middle" fill="${escapeXml(rows[r].kind === "lane" ? p.text : p.accent)}">${escapeXml(rowName(scene, r))}</text>`);
  }
  out.push(`<line x1="${nameW - 0.5}" y1="0" x2="${nameW - 0.5}" y2="${height}" stroke="${escapeXml(p.grid)}"/>`);
  out.push("</svg>");
  return out.join("\n");
}
