// Level of detail: the runs of one lane to draw in a visible x range. A segment at least `minPx`
// wide is drawn as itself; consecutive narrower ones are merged into one run until it is `minPx`
// wide, drawn in the state that covers most of it (`merged` > 1 tells the view it is an aggregate).
// Cost is O(log S + visible segments), never O(all segments); at most two runs per pixel.

import type { Axis } from "./axis.ts";
import type { Segment } from "./model.ts";
import { SEG_STATES, type SegState } from "./states.ts";

export interface Run {
  state: SegState;
  /** Pixel x of the start and end, relative to x0. */
  px0: number;
  px1: number;
  /** Index of the segment when it is drawn alone; the first merged one otherwise. */
  seg: number;
  merged: number;
}

const STATE_INDEX = new Map<SegState, number>(SEG_STATES.map((s, i) => [s, i]));

/** First segment whose end lies after x (segments are sorted and contiguous). */
export function firstSegmentAfter(segments: readonly Segment[], axis: Axis, x: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (axis.pos[segments[mid].end] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segment under x, or -1. */
export function segmentAt(segments: readonly Segment[], axis: Axis, x: number): number {
  const i = firstSegmentAfter(segments, axis, x);
  if (i >= segments.length) return -1;
  return axis.pos[segments[i].start] <= x ? i : -1;
}

export function visibleRuns(segments: readonly Segment[], axis: Axis, x0: number, x1: number, pxPerUnit: number, minPx = 1): Run[] {
  const out: Run[] = [];
  const cover = new Float64Array(SEG_STATES.length);
  let bucket: Run | null = null;
  const flush = (): void => {
    if (bucket === null) return;
    if (bucket.merged > 1) {
      let best = 0;
      for (let k = 1; k < cover.length; k++) if (cover[k] > cover[best]) best = k;
      bucket.state = SEG_STATES[best];
    }
    out.push(bucket);
    bucket = null;
    cover.fill(0);
  };
  for (let i = firstSegmentAfter(segments, axis, x0); i < segments.length; i++) {
    const s = segments[i];
    const a = axis.pos[s.start];
    if (a > x1) break;
    const px0 = (a - x0) * pxPerUnit;
    const px1 = (axis.pos[s.end] - x0) * pxPerUnit;
    const w = px1 - px0;
    if (w >= minPx) {
      flush();
      out.push({ state: s.state, px0, px1, seg: i, merged: 1 });
      continue;
    }
    if (bucket === null) bucket = { state: s.state, px0, px1, seg: i, merged: 1 };
    else {
      bucket.px1 = px1;
      bucket.merged++;
    }
    cover[STATE_INDEX.get(s.state) as number] += Math.max(w, 1e-6);
    if (bucket.px1 - bucket.px0 >= minPx) flush();
  }
  flush();
  return out;
}
