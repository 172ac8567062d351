// The page the timeline benchmark and screenshot script drive: it mounts <Timeline> on a trace
// handed in by the script and reports how long the first draw took.
//
// A measurement is two calls: `prepare()` clears the previous timeline and collects garbage (with
// --js-flags=--expose-gc), then `show()` hands the trace over — the mark "timeline:given" — and
// resolves once the first frame is drawn — the mark "timeline:drawn". In a Chromium trace both
// marks carry the main thread's CPU clock, so the script reads the CPU time between them.

import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { TraceEvent } from "../src/runtime/trace.ts";
import type { Shown } from "./timeline-shown.ts";
import type { TimelineController } from "../src/timeline/controller.ts";
import type { TimelineOutcome } from "../src/timeline/model.ts";
import { Timeline } from "../src/timeline/Timeline.tsx";
import "../src/app/styles/tokens.css";
import "../src/app/styles/base.css";

const root = createRoot(document.getElementById("root") as HTMLElement);


function controllers(): TimelineController[] {
  return (window as unknown as { __chanscopeTimelines?: TimelineController[] }).__chanscopeTimelines ?? [];
}

let stored: TraceEvent[] = [];
/** Hands the trace over ahead of the measurement (deserialising 100 000 events is not the timeline's cost). */
function store(trace: TraceEvent[]): void {
  stored = trace;
}

/** Unmounts the timeline and collects garbage, so the next show() starts clean. */
function prepare(): void {
  flushSync(() => root.render(<></>));
  (window as unknown as { gc?: () => void }).gc?.();
}

async function show(trace: TraceEvent[] | null, result: TimelineOutcome | undefined, title: string): Promise<Shown> {
  trace ??= stored;
  performance.mark("timeline:given");
  const t0 = performance.now();
  flushSync(() => root.render(<Timeline trace={trace} result={result} title={title} onSelectLine={(line) => document.body.setAttribute("data-selected-line", String(line))} />));
  const mountMs = performance.now() - t0;
  // The first frame is drawn by the controller's requestAnimationFrame; a task queued from the
  // next one runs after that frame was painted.
  await new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      // Runs right after the controller's frame callback, in the same frame.
      performance.mark("timeline:drawn");
      resolve();
    }),
  );
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  const c = controllers()[0];
  return { firstDrawMs: (c?.sceneDrawnAt || performance.now()) - t0, renderMs: c?.lastDrawMs ?? -1, mountMs, settledMs: performance.now() - t0, modelMs: c?.timings.modelMs ?? -1, sceneMs: c?.timings.sceneMs ?? -1 };
}

/** Scripted pan/zoom: one step per animation frame; returns each frame's render ms and interval. */
async function panZoom(frames: number): Promise<{ draw: number[]; interval: number[] }> {
  const c = controllers()[0];
  const draw: number[] = [];
  const interval: number[] = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    const phase = Math.floor(i / 30) % 4;
    if (phase === 0) c.zoomBy(1.15, 0.3);
    else if (phase === 1) c.panBy(0.05);
    else if (phase === 2) c.zoomBy(1 / 1.15, 0.6);
    else {
      c.panBy(-0.05);
      c.scrollBy(28);
    }
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const now = performance.now();
    interval.push(now - last);
    last = now;
    draw.push(c.lastDrawMs);
  }
  return { draw, interval };
}

/** Scrolls from the first lane to the last in `steps` equal jumps, one per frame: each frame's render ms. */
async function scrollLanes(steps: number): Promise<{ draw: number[]; rows: number }> {
  const c = controllers()[0];
  const rows = c.scene?.rows.length ?? 0;
  c.fit();
  c.scrollBy(-1e9);
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  c.scrollBy(1e9);
  const bottom = c.scrollY;
  c.scrollBy(-1e9);
  const draw: number[] = [];
  for (let i = 0; i < steps; i++) {
    c.scrollBy(bottom / steps);
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    draw.push(c.lastDrawMs);
  }
  return { draw, rows };
}

Object.assign(window, { timelineHarness: { show, store, prepare, panZoom, scrollLanes, controllers } });
document.body.setAttribute("data-ready", "true");
