// The page the timeline benchmark and screenshot script drive: it mounts <Timeline> on a trace
// handed in by the script and reports how long the first draw took.

import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { TraceEvent } from "../src/runtime/trace.ts";
import type { TimelineController } from "../src/timeline/controller.ts";
import type { TimelineOutcome } from "../src/timeline/model.ts";
import { Timeline } from "../src/timeline/Timeline.tsx";
import "../src/app/styles/tokens.css";
import "../src/app/styles/base.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

interface Shown {
  /** ms from handing over the trace to the end of the first drawn frame. */
  firstDrawMs: number;
  /** ms the first frame's render itself took. */
  renderMs: number;
  /** ms React took to mount (model and scene are built during it). */
  mountMs: number;
  /** ms until the page had run the frame and a macrotask after it. */
  settledMs: number;
  modelMs: number;
  sceneMs: number;
}

function controllers(): TimelineController[] {
  return (window as unknown as { __chanscopeTimelines?: TimelineController[] }).__chanscopeTimelines ?? [];
}

let stored: TraceEvent[] = [];
/** Hands the trace over ahead of the measurement (deserialising 100 000 events is not the timeline's cost). */
function store(trace: TraceEvent[]): void {
  stored = trace;
}

async function show(trace: TraceEvent[] | null, result: TimelineOutcome | undefined, title: string): Promise<Shown> {
  trace ??= stored;
  flushSync(() => root.render(<></>));
  // With --js-flags=--expose-gc: start each measurement without the previous run's garbage.
  (window as unknown as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  flushSync(() => root.render(<Timeline trace={trace} result={result} title={title} onSelectLine={(line) => document.body.setAttribute("data-selected-line", String(line))} />));
  const mountMs = performance.now() - t0;
  // The first frame is drawn by the controller's requestAnimationFrame.
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
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

Object.assign(window, { timelineHarness: { show, store, panZoom, controllers } });
document.body.setAttribute("data-ready", "true");
