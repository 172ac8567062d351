// The timeline's interactive state outside React: the view, scroll, cursor, hover and playback,
// with the one frame loop that draws. Components call its methods; it asks for a redraw and
// tells subscribers (the toolbar's readout) when what they show has changed.

import { indexAtOrBefore, timeAtX } from "./axis.ts";
import { createFrameLoop, type FrameLoop } from "./frame-loop.ts";
import type { Target } from "./hit.ts";
import { makePatterns, readPalette, readTextScale, type Palette, type Patterns } from "./palette.ts";
import { renderFrame, type DrawnFrame } from "./render.ts";
import { LAYOUT, nameColumnWidth, type PreparedScene } from "./scene.ts";
import { clampView, fitAll, fitRange, minSpan, pan, pinch, zoom, type PinchPoint, type Viewport } from "./viewport.ts";

export interface ControllerSnapshot {
  playing: boolean;
  speed: number;
  /** Index of the last event at or before the cursor (−1 before the first). */
  cursorIdx: number;
  cursorMs: number;
  zoomed: boolean;
  /** How much bigger than the base layout the canvas draws (CSS's --tl-text-size × the text size option). */
  scale: number;
  /** The channel whose traffic stands out (picked in the channel view or by clicking an arrow). */
  selectedChan: number | null;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export class TimelineController {
  scene: PreparedScene | null = null;
  view: Viewport = { x0: 0, x1: 1 };
  scrollY = 0;
  /** The drawing's size in layout units: CSS pixels ÷ scale (render, hit-testing and panning use these). */
  width = 800;
  height = 200;
  /** Layout units → CSS pixels: everything (rows, text, markers, arrow heads) is drawn this much bigger. */
  scale = 1;
  /** The learner's text size option (1 = as the page's CSS says). */
  textSize = 1;
  cursorX: number | null = null;
  hover: Target | null = null;
  focusTask: number | null = null;
  /** The channel whose arrow was last clicked: its traffic stands out. */
  selectedChan: number | null = null;
  /** The task last clicked (or jumped to): n / p step through its notable events. */
  selectedTask: number | null = null;
  highlightLine: number | null = null;
  collapsed: ReadonlySet<number> = new Set();
  lastFrame: DrawnFrame | null = null;
  /** Milliseconds the last frame took to draw (the benchmark reads it). */
  lastDrawMs = 0;
  /** How long the last model and scene builds took (ms). */
  timings = { modelMs: 0, sceneMs: 0 };
  /** performance.now() when the first frame of the current scene was finished (0: not yet). */
  sceneDrawnAt = 0;
  /** performance.now() when the last frame was finished. */
  lastDrawAt = 0;
  /** Keep showing the whole run as a live trace grows, until the learner zooms or pans. */
  followFit = true;
  onCursor: ((t: number, seq: number) => void) | null = null;
  /** Called after the view or the cursor moved here (a comparison keeps its other run in step). */
  onViewChange: (() => void) | null = null;

  #canvas: HTMLCanvasElement | null = null;
  #ctx: CanvasRenderingContext2D | null = null;
  #palette: Palette | null = null;
  #patterns: Patterns | null = null;
  #loop: FrameLoop;
  #listeners = new Set<() => void>();
  #snapshot: ControllerSnapshot = { playing: false, speed: 1, cursorIdx: -1, cursorMs: 0, zoomed: false, scale: 1, selectedChan: null };
  #cssScale = 1;
  #cssSize = { width: 800, height: 200 };

  constructor() {
    this.#loop = createFrameLoop(() => this.#draw());
  }

  attach(canvas: HTMLCanvasElement | null): void {
    this.#canvas = canvas;
    this.#ctx = canvas?.getContext("2d") ?? null;
    this.retheme();
  }

  /** Re-reads colours and the text scale from CSS (after a theme or container change). */
  retheme(): void {
    if (this.#canvas === null || this.#ctx === null) return;
    this.#cssScale = readTextScale(this.#canvas);
    this.#rescale();
    this.#palette = readPalette(this.#canvas);
    this.#patterns = makePatterns(this.#ctx, this.#palette);
    this.request();
  }

  dispose(): void {
    this.#loop.dispose();
    this.#listeners.clear();
  }

  // Arrow properties: React calls these unbound (useSyncExternalStore).
  subscribe = (fn: () => void): (() => void) => {
    this.#listeners.add(fn);
    return () => {
      this.#listeners.delete(fn);
    };
  };

  getSnapshot = (): ControllerSnapshot => this.#snapshot;

  #publish(patch: Partial<ControllerSnapshot>): void {
    const next = { ...this.#snapshot, ...patch };
    const s = this.#snapshot;
    if (next.playing === s.playing && next.speed === s.speed && next.cursorIdx === s.cursorIdx && next.cursorMs === s.cursorMs && next.zoomed === s.zoomed && next.scale === s.scale && next.selectedChan === s.selectedChan) return;
    this.#snapshot = next;
    for (const fn of this.#listeners) fn();
  }

  request(): void {
    this.#loop.request();
  }

  /** Makes this channel's traffic stand out (null: every channel alike). */
  selectChan(chan: number | null): void {
    this.selectedChan = chan;
    this.#publish({ selectedChan: chan });
    this.request();
  }

  /** Draws now (synchronously): for the benchmark's time-to-first-draw and PNG export. */
  drawNow(): void {
    this.#draw();
  }

  setScene(scene: PreparedScene): void {
    const prev = this.scene;
    this.scene = scene;
    this.sceneDrawnAt = 0;
    const total = scene.axis.total;
    if (this.followFit || prev === null) this.view = fitAll(total);
    else this.view = clampView(this.view, total, this.#minSpan());
    this.scrollY = Math.min(this.scrollY, Math.max(0, scene.rows.length * LAYOUT.rowH - (this.height - LAYOUT.axisH)));
    if (this.cursorX !== null) this.cursorX = Math.min(this.cursorX, total);
    this.#publishCursor();
    this.request();
  }

  /** The canvas's CSS size; the container may also have asked for another text scale since. */
  setSize(width: number, height: number): void {
    this.#cssSize = { width, height };
    if (this.#canvas !== null) this.#cssScale = readTextScale(this.#canvas);
    this.#rescale();
  }

  /** The learner's text size option, on top of what CSS asks for. */
  setTextSize(factor: number): void {
    this.textSize = factor;
    this.#rescale();
  }

  #rescale(): void {
    const scale = this.#cssScale * this.textSize;
    const width = this.#cssSize.width / scale;
    const height = this.#cssSize.height / scale;
    if (scale === this.scale && width === this.width && height === this.height) return;
    this.scrollY = (this.scrollY * this.scale) / scale;
    this.scale = scale;
    this.width = width;
    this.height = height;
    this.#publish({ scale });
    this.request();
  }

  /** A two-finger gesture that began on view `start` with the fingers at `from` is now at `to`. */
  pinchTo(start: Viewport, from: PinchPoint, to: PinchPoint): void {
    this.#setView(pinch(start, from, to, this.#total(), this.#minSpan()));
  }

  #minSpan(): number {
    const a = this.scene?.axis;
    return a === undefined ? 1e-6 : minSpan(a.total, a.perEvent, a.perMs);
  }

  #total(): number {
    return this.scene?.axis.total ?? 1;
  }

  #setView(v: Viewport): void {
    this.view = v;
    const total = this.#total();
    this.followFit = v.x0 <= 0 && v.x1 >= total;
    this.#publish({ zoomed: !this.followFit });
    this.request();
    this.onViewChange?.();
  }

  /** Shows the view and cursor of another run drawn on the same axis, without calling onViewChange. */
  follow(view: Viewport, cursorX: number | null): void {
    this.view = view;
    this.followFit = view.x0 <= 0 && view.x1 >= this.#total();
    this.#publish({ zoomed: !this.followFit });
    this.cursorX = cursorX;
    this.#publishCursor();
    this.request();
  }

  /** Zoom by `factor` about the fraction `at` of the plot width (default: the cursor, or the middle). */
  zoomBy(factor: number, at?: number): void {
    let a = at;
    if (a === undefined) {
      const c = this.cursorX;
      a = c !== null && c >= this.view.x0 && c <= this.view.x1 ? (c - this.view.x0) / (this.view.x1 - this.view.x0) : 0.5;
    }
    this.#setView(zoom(this.view, factor, a, this.#total(), this.#minSpan()));
  }

  panBy(fraction: number): void {
    this.#setView(pan(this.view, fraction, this.#total(), this.#minSpan()));
  }

  panPixels(dx: number, from: Viewport): void {
    const scale = (this.width - nameColumnWidth(this.width)) / (from.x1 - from.x0);
    this.#setView(clampView({ x0: from.x0 - dx / scale, x1: from.x1 - dx / scale }, this.#total(), this.#minSpan()));
  }

  fit(): void {
    this.#setView(fitAll(this.#total()));
  }

  fitRange(a: number, b: number): void {
    this.#setView(fitRange(a, b, this.#total(), this.#minSpan()));
  }

  scrollBy(dy: number): void {
    const rows = this.scene?.rows.length ?? 0;
    const max = Math.max(0, rows * LAYOUT.rowH - (this.height - LAYOUT.axisH));
    this.scrollY = Math.max(0, Math.min(max, this.scrollY + dy));
    this.request();
  }

  /** Scrolls so `row` is in view. Returns the new scrollY. */
  revealRow(row: number): number {
    const top = row * LAYOUT.rowH;
    const visible = this.height - LAYOUT.axisH;
    if (top < this.scrollY || top + LAYOUT.rowH > this.scrollY + visible) this.scrollY = Math.max(0, top - visible / 3);
    this.request();
    return this.scrollY;
  }

  /** x in axis units of a canvas pixel. */
  xAt(px: number): number {
    const scale = (this.width - nameColumnWidth(this.width)) / (this.view.x1 - this.view.x0);
    return this.view.x0 + (px - nameColumnWidth(this.width)) / scale;
  }

  setCursor(x: number | null): void {
    const total = this.#total();
    this.cursorX = x === null ? null : Math.max(0, Math.min(total, x));
    this.#publishCursor();
    this.request();
    this.onViewChange?.();
  }

  #publishCursor(): void {
    const s = this.scene;
    if (s === null || this.cursorX === null) {
      this.#publish({ cursorIdx: -1, cursorMs: 0 });
      return;
    }
    const idx = Math.min(indexAtOrBefore(s.axis, this.cursorX), s.model.events.length - 1);
    const ms = timeAtX(s.axis, this.cursorX);
    const changed = idx !== this.#snapshot.cursorIdx;
    this.#publish({ cursorIdx: idx, cursorMs: ms });
    if (changed && idx >= 0) this.onCursor?.(ms, s.model.events[idx].seq);
  }

  /** Moves the cursor to the next (+1) or previous (−1) event. */
  step(dir: 1 | -1): void {
    const s = this.scene;
    if (s === null || s.model.events.length === 0) return;
    const cur = this.cursorX === null ? -1 : indexAtOrBefore(s.axis, this.cursorX);
    const next = Math.max(0, Math.min(s.model.events.length - 1, cur + dir));
    this.setCursor(s.axis.pos[next]);
    this.#keepCursorInView();
  }

  /**
   * Moves the cursor to the next (+1) or previous (−1) notable event — a block, a panic, a close,
   * a cancel, a leak — of the selected task, or of any task when none is selected.
   */
  jumpNotable(dir: 1 | -1): void {
    const s = this.scene;
    if (s === null) return;
    const ev = s.model.events;
    const task = this.selectedTask;
    let i = this.cursorX === null ? (dir > 0 ? -1 : ev.length) : indexAtOrBefore(s.axis, this.cursorX);
    for (i += dir; i >= 0 && i < ev.length; i += dir) {
      const e = ev[i];
      const notable = e.kind === "task.block" || e.kind === "task.panic" || e.kind === "task.leak" || e.kind === "chan.close" || e.kind === "ctx.cancel";
      if (!notable) continue;
      const who = "task" in e ? (e.task ?? null) : null;
      if (task === null || who === task) {
        this.setCursor(s.axis.pos[i]);
        this.#keepCursorInView();
        return;
      }
    }
  }

  /** Moves the cursor to event `idx` (the event log's selection) and keeps it in view. */
  cursorToEvent(idx: number): void {
    const s = this.scene;
    if (s === null || idx < 0 || idx >= s.model.events.length) return;
    this.setCursor(s.axis.pos[idx]);
    this.#keepCursorInView();
  }

  cursorToStart(): void {
    this.setCursor(0);
    this.#keepCursorInView();
  }

  cursorToEnd(): void {
    this.setCursor(this.#total());
    this.#keepCursorInView();
  }

  #keepCursorInView(): void {
    const c = this.cursorX;
    if (c === null) return;
    const span = this.view.x1 - this.view.x0;
    if (c < this.view.x0 || c > this.view.x1) this.#setView(clampView({ x0: c - span * 0.1, x1: c + span * 0.9 }, this.#total(), this.#minSpan()));
  }

  setSpeed(speed: number): void {
    this.#publish({ speed });
  }

  /** Plays the run: the cursor crosses the whole axis in ~2× its virtual time (4 s to 60 s) at 1×. */
  play(): void {
    const s = this.scene;
    if (s === null) return;
    const total = s.axis.total;
    if (this.cursorX === null || this.cursorX >= total) this.setCursor(0);
    const durationMs = Math.min(60_000, Math.max(4_000, s.model.endMs * 2));
    this.#publish({ playing: true });
    this.#loop.animate((dt) => {
      const x = (this.cursorX ?? 0) + (total / durationMs) * dt * this.#snapshot.speed;
      this.setCursor(x);
      this.#keepCursorInView();
      if (x >= total) {
        this.#publish({ playing: false });
        return false;
      }
      return true;
    });
  }

  pause(): void {
    this.#loop.stopAnimation();
    this.#publish({ playing: false });
  }

  togglePlay(): void {
    if (this.#snapshot.playing) this.pause();
    else this.play();
  }

  #draw(): void {
    const canvas = this.#canvas;
    const ctx = this.#ctx;
    const scene = this.scene;
    if (canvas === null || ctx === null || scene === null || this.#palette === null || this.#patterns === null) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const px = dpr * this.scale;
    const w = Math.round(this.width * px);
    const h = Math.round(this.height * px);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(px, 0, 0, px, 0, 0);
    this.lastFrame = renderFrame(ctx, scene, {
      view: this.view,
      width: this.width,
      height: this.height,
      scrollY: this.scrollY,
      cursorX: this.cursorX,
      highlightLine: this.highlightLine,
      focusTask: this.focusTask ?? this.selectedTask,
      palette: this.#palette,
      patterns: this.#patterns,
      collapsed: this.collapsed,
      selectedChan: this.selectedChan,
    });
    this.lastDrawAt = performance.now();
    if (this.sceneDrawnAt === 0) this.sceneDrawnAt = this.lastDrawAt;
    this.lastDrawMs = this.lastDrawAt - t0;
  }
}
