// The view as an SVG document, for slides that stay sharp at any size: the same prepared scene and
// viewport the canvas draws (every row, not only those scrolled into view), with the time axis,
// the name column, segments in their state colours and patterns, leaked tails hatched, markers,
// the message arrows and the cancellation wave (figures.ts, shared with the canvas), and the
// cursor. Pure: a string from the scene, the view and the palette.

import { formatCount } from "./count.ts";
import { formatMs, indexAtOrBefore, ticks } from "./axis.ts";
import { ARROW_KINDS, ARROW_STYLE, arrowHead, arrowLine, arrowsInRange, MAX_ARROWS, waveFigures, type DrawnArrow, type FigureSpace } from "./figures.ts";
import { visibleRuns } from "./lod.ts";
import { segmentLabel, stuckText } from "./render.ts";
import type { Palette } from "./palette.ts";
import { LAYOUT, nameColumnWidth, type PreparedScene } from "./scene.ts";
import { isBlocked, SEG_STATES, STATE_INFO, type PatternKind } from "./states.ts";
import type { Viewport } from "./viewport.ts";

export interface SvgOptions {
  width: number;
  palette: Palette;
  /** Axis position of the time cursor, if one is placed. */
  cursorX?: number | null;
  title?: string;
  /** Drawn this much bigger (the view's text scale): the picture keeps `width` layout units across. */
  scale?: number;
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

// An SVG cannot measure text, so labels are fitted by an estimate of their width: a monospace
// character is 0.6 em (exact for the usual fonts), a bold sans one about 0.58 em on average.
const MONO_CHAR = 7.2;
const SANS_CHAR = 7.6;

/** `text` cut with … to at most `chars` characters; "" when fewer than 4 would be left. */
function fitChars(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return chars < 4 ? "" : `${text.slice(0, Math.floor(chars) - 1)}…`;
}

/** Text on a backing box of the background colour (as the canvas draws it), so it reads over bars and patterns. */
function label(text: string, x: number, y: number, color: string, bg: string, mono = false): string {
  const r = (v: number): number => Math.round(v * 10) / 10;
  const w = text.length * (mono ? MONO_CHAR : SANS_CHAR) + 8;
  const font = mono ? ` font-family="ui-monospace, monospace" font-size="12" font-weight="400"` : "";
  return `<rect x="${r(x)}" y="${y - 8}" width="${r(w)}" height="16" fill="${escapeXml(bg)}" fill-opacity="0.85"/><text x="${r(x + 4)}" y="${y}" dominant-baseline="middle" fill="${escapeXml(color)}"${font}>${escapeXml(text)}</text>`;
}

/** The cancellation wave: dotted from each context's ✕ to the task that noticed, then a bracket over what it ran after. */
function waveSvg(scene: PreparedScene, space: FigureSpace, rowH: number, p: Palette): string[] {
  const out: string[] = [];
  const bad = escapeXml(p.bad);
  const r = (v: number): number => Math.round(v * 10) / 10;
  for (const w of waveFigures(scene, space)) {
    const name = scene.model.lanes[scene.model.laneOf.get(w.task) as number]?.name ?? `task ${w.task}`;
    out.push(`<g class="wave" data-task="${w.task}"><title>${escapeXml(`cancellation reached ${name}`)}</title>`);
    if (w.link !== null) out.push(`<line x1="${r(w.link.x1)}" y1="${r(w.link.y1)}" x2="${r(w.link.x2)}" y2="${r(w.link.y2)}" stroke="${bad}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    if (w.ranOn !== null) {
      const top = space.rowMid(w.row) - rowH / 2 + 3;
      out.push(`<path d="M${r(w.ranOn.x0)} ${top + 4} V${top} H${r(w.ranOn.x1)} V${top + 4}" stroke="${bad}" stroke-width="1.5" fill="none"/>`);
      out.push(label(w.ranOn.label, w.ranOn.x0 + 4, space.rowMid(w.row), p.bad, p.bg));
    }
    out.push("</g>");
  }
  return out;
}

/** Message arrows, send → receive, in the canvas's strokes; too many for a picture: a note instead. */
function arrowsSvg(scene: PreparedScene, visible: number[], space: FigureSpace, p: Palette): string[] {
  if (visible.length > MAX_ARROWS) return [label(`${formatCount(visible.length)} messages: zoom in to draw their arrows`, space.xpx(0) + 8, space.topY + 12, p.muted, p.bg)];
  const lines = visible.map((ai) => arrowLine(scene, ai, space)).filter((d): d is DrawnArrow => d !== null);
  const model = scene.model;
  const r = (v: number): number => Math.round(v * 10) / 10;
  const out: string[] = [];
  for (const kind of ARROW_KINDS) {
    const style = ARROW_STYLE[kind];
    const color = escapeXml(style.muted ? p.muted : p.arrow);
    const dash = style.dash.length > 0 ? ` stroke-dasharray="${style.dash.join(" ")}"` : "";
    const mine = lines.filter((d) => model.arrows[d.arrow].kind === kind);
    if (mine.length === 0) continue;
    out.push(`<g class="arrows arrows--${kind}" stroke="${color}" stroke-width="${style.width}" fill="${color}">`);
    for (const d of mine) {
      const a = model.arrows[d.arrow];
      const chan = model.chans.get(a.chan)?.name ?? `chan ${a.chan}`;
      const head = arrowHead(d.ax, d.ay, d.bx, d.by).map(r);
      out.push(`<g><title>${escapeXml(`${chan}: ${a.preview} (${kind === "handoff" ? "hand-off" : kind === "buffered" ? "buffered" : "timer"})`)}</title><line x1="${r(d.ax)}" y1="${r(d.ay)}" x2="${r(d.bx)}" y2="${r(d.by)}"${dash}/><path d="M${head[0]} ${head[1]} L${head[2]} ${head[3]} L${head[4]} ${head[5]} z" stroke="none"/></g>`);
    }
    out.push("</g>");
  }
  return out;
}

/** How a lane ends, as on the canvas: exited │, panicked ✕, stuck or leaked: a badge with the wait reason at the right. */
function laneEnd(scene: PreparedScene, li: number, y: number, rowH: number, xpx: (x: number) => number, plotW: number, width: number, p: Palette): string {
  const lane = scene.model.lanes[li];
  const e = lane.end;
  const r = (v: number): number => Math.round(v * 10) / 10;
  if (e.kind === "exited" || e.kind === "panicked") {
    const x = xpx(scene.axis.pos[e.at]);
    if (e.kind === "exited") return `<rect x="${r(x - 1)}" y="${y + 4}" width="2" height="${rowH - 8}" fill="${escapeXml(p.text)}"/>`;
    return `<path d="M${r(x - 8)} ${y + rowH / 2 - 8} l16 16 m0 -16 l-16 16" stroke="${escapeXml(p.bad)}" stroke-width="3.5"/>`;
  }
  const text = stuckText(lane, scene.model.deadlock, scene.model.chans);
  if (text === null) return "";
  const stuckHere = scene.model.deadlock && e.kind === "stuck" && !e.leaked;
  const w = Math.min(text.length * SANS_CHAR + 14, plotW - 8);
  const x = width - w - 4;
  const color = escapeXml(stuckHere ? p.bad : p.leak);
  const fitted = fitChars(text, (w - 12) / SANS_CHAR);
  return `<rect x="${r(x)}" y="${y + 3}" width="${r(w)}" height="${rowH - 6}" fill="${escapeXml(stuckHere ? p.badBg : p.leakBg)}" stroke="${color}" stroke-width="2"/><text x="${r(x + 7)}" y="${y + rowH / 2}" dominant-baseline="middle" fill="${color}">${escapeXml(fitted)}</text>`;
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
  const k = o.scale ?? 1;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(width * k)}" height="${n(height * k)}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13" font-weight="600">`);
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
      // Alive from make to cancel; then a dashed tail and a ✕ where it was cancelled.
      const c = model.contexts[row.ctx];
      const cy = y + rowH / 2;
      const a = xpx(axis.pos[c.makeIdx]);
      const b = xpx(axis.pos[c.cancelIdx ?? model.events.length]);
      out.push(`<rect x="${n(a)}" y="${cy - 3}" width="${n(Math.max(b - a, 1))}" height="6" fill="${escapeXml(p.accent)}"/>`);
      if (c.cancelIdx !== null) {
        out.push(`<line x1="${n(b)}" y1="${cy}" x2="${n(xpx(axis.pos[model.events.length]))}" y2="${cy}" stroke="${escapeXml(p.accent)}" stroke-width="1.5" stroke-dasharray="3 4"/>`);
        out.push(`<path d="M${n(b - 7)} ${cy - 7} l14 14 m0 -14 l-14 14" stroke="${escapeXml(p.bad)}" stroke-width="3"><title>${escapeXml(`context ${c.name} cancelled at ${formatMs(model.events[c.cancelIdx].t)}`)}</title></path>`);
        if (c.origin === c.id) out.push(label(`${c.err ?? "cancelled"} at ${formatMs(model.events[c.cancelIdx].t)}`, b + 12, cy, p.bad, p.bg));
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
      if (run.merged === 1 && w >= 70 && isBlocked(run.state)) {
        const text = fitChars(segmentLabel(scene, seg.reason ?? "", seg.chans), (w - 16) / MONO_CHAR);
        if (text !== "") out.push(label(text, x0 + 3, y + rowH / 2, p.text, p.bg, true));
      }
    }
    out.push(laneEnd(scene, row.lane, y, rowH, xpx, width - nameW, width, p));
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
  const mainEndX = model.mainEndIdx === null ? null : xpx(axis.pos[model.mainEndIdx]);
  if (mainEndX !== null) out.push(`<line x1="${n(mainEndX)}" y1="${axisH}" x2="${n(mainEndX)}" y2="${height}" stroke="${escapeXml(p.leak)}" stroke-width="2" stroke-dasharray="6 4"><title>main returned</title></line>`);
  const space: FigureSpace = { xpx, rowMid: (r) => axisH + r * rowH + rowH / 2, topY: axisH };
  out.push(...waveSvg(scene, space, rowH, p));
  out.push(...arrowsSvg(scene, arrowsInRange(scene, i0, i1), space, p));
  if (o.cursorX !== undefined && o.cursorX !== null) out.push(`<line x1="${n(xpx(o.cursorX))}" y1="0" x2="${n(xpx(o.cursorX))}" y2="${height}" stroke="${escapeXml(p.cursor)}" stroke-width="2"/>`);
  out.push("</g>");

  // The time axis.
  out.push(`<rect x="${nameW}" y="0" width="${plotW}" height="${axisH}" fill="${escapeXml(p.axisBg)}"/>`);
  for (const t of ticks(axis, view.x0, view.x1, plotW)) {
    const x = xpx(t.x);
    if (x < nameW || x > width) continue;
    // Ticks under the labels, as on the canvas (no grid across the rows: it would cross their labels).
    out.push(`<line x1="${n(x)}" y1="${axisH - 10}" x2="${n(x)}" y2="${axisH}" stroke="${escapeXml(p.muted)}"/>`);
    out.push(`<text x="${n(x + 3)}" y="12" dominant-baseline="middle" fill="${escapeXml(p.text)}">${escapeXml(t.label)}</text>`);
  }
  if (mainEndX !== null && mainEndX >= nameW && mainEndX <= width) {
    const text = "main returned ⇢";
    const w = text.length * SANS_CHAR + 8;
    out.push(label(text, width - mainEndX > w + 4 ? mainEndX + 2 : mainEndX - w - 2, axisH - 9, p.leak, p.axisBg));
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
