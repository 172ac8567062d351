// Where each event is drawn along x. Lesson programs do most of their channel work at a handful
// of virtual instants (often everything at 0 ms), so a pure time axis would stack dozens of
// events on one pixel. Three modes:
//   - "time":   x = t                       (Go's tracer view; same-instant events coincide)
//   - "events": x = event index             (order only; time gaps vanish)
//   - "hybrid": x = t + step · index         (default) — time gaps keep their length, and every
//               event also takes `step` ms of width, so an instant with many events opens up.
//               `step` is chosen so events and elapsed time share the width about equally.
// Invariant: `pos` is non-decreasing in the event index in every mode, so binary search works.

export type AxisMode = "hybrid" | "time" | "events";

export interface Axis {
  mode: AxisMode;
  /** x (axis units) of event i; pos[n] is the end of the run. */
  pos: Float64Array;
  /** Virtual ms of event i; time[n] is the end of the run. */
  time: Float64Array;
  /** Axis units per virtual ms (0 in "events" mode) and per event. */
  perMs: number;
  perEvent: number;
  total: number;
  /** Distinct instants: first event index of each, ascending. */
  instants: Int32Array;
  /**
   * Only on an axis shared by several runs (buildSharedAxes): every instant of any of them, with
   * its x and the width where time stands still there, so the same ms has the same x in each.
   */
  clock?: SharedClock;
}

/** Ascending instants `t` (virtual ms), each starting at `x` and `w` axis units wide. */
export interface SharedClock {
  t: Float64Array;
  x: Float64Array;
  w: Float64Array;
}

export interface TimedEvent {
  t: number;
}

/**
 * `tail` (a fraction of the run's width) extends the axis past the end, so a lane stuck for good
 * visibly goes on waiting after the last event and its badge has room.
 */
export function buildAxis(events: readonly TimedEvent[], endMs: number, mode: AxisMode, tail = 0): Axis {
  const n = events.length;
  const lastMs = Math.max(endMs, n === 0 ? 0 : events[n - 1].t);
  let perMs = 1;
  let perEvent = 0;
  if (mode === "events") {
    perMs = 0;
    perEvent = 1;
  } else if (mode === "hybrid") {
    perEvent = lastMs > 0 ? lastMs / Math.max(n, 1) : 1;
  }
  const pos = new Float64Array(n + 1);
  const time = new Float64Array(n + 1);
  const instants: number[] = [];
  let prevT = -1;
  for (let i = 0; i < n; i++) {
    const t = events[i].t;
    time[i] = t;
    pos[i] = t * perMs + i * perEvent;
    if (t !== prevT) instants.push(i);
    prevT = t;
  }
  time[n] = lastMs;
  // The end: one more event step after the last event, and at least the run's end time.
  const end = lastMs * perMs + n * perEvent + (mode === "time" && lastMs === 0 ? 1 : 0);
  pos[n] = end * (1 + tail);
  const total = Math.max(pos[n], 1e-9);
  return { mode, pos, time, perMs, perEvent, total, instants: Int32Array.from(instants) };
}

/**
 * One axis per run, all on the same clock: the instants of every run, each as wide as the run
 * with the most events there needs, and the same time gaps between them — run A's event at 40 ms
 * and run B's at 40 ms get the same x, whatever else each run did. One run alone gets the same
 * positions as buildAxis.
 */
export function buildSharedAxes(runs: readonly { events: readonly TimedEvent[]; endMs: number }[], mode: AxisMode, tail = 0): Axis[] {
  // How many events each instant holds in the run that has the most there.
  const most = new Map<number, number>();
  let lastMs = 0;
  for (const run of runs) {
    const ev = run.events;
    lastMs = Math.max(lastMs, run.endMs, ev.length === 0 ? 0 : ev[ev.length - 1].t);
    for (let i = 0; i < ev.length; ) {
      const t = ev[i].t;
      let j = i + 1;
      while (j < ev.length && ev[j].t === t) j++;
      most.set(t, Math.max(most.get(t) ?? 0, j - i));
      i = j;
    }
  }
  const times = [...most.keys()].sort((a, b) => a - b);
  let units = 0;
  for (const t of times) units += most.get(t) as number;
  const perMs = mode === "events" ? 0 : 1;
  const perEvent = mode === "events" ? 1 : mode === "hybrid" ? (lastMs > 0 ? lastMs / Math.max(units, 1) : 1) : 0;
  const clock: SharedClock = { t: Float64Array.from(times), x: new Float64Array(times.length), w: new Float64Array(times.length) };
  let before = 0;
  times.forEach((t, k) => {
    clock.x[k] = t * perMs + before * perEvent;
    const c = most.get(t) as number;
    clock.w[k] = c * perEvent;
    before += c;
  });
  const end = (lastMs * perMs + units * perEvent + (mode === "time" && lastMs === 0 ? 1 : 0)) * (1 + tail);
  return runs.map(({ events }) => {
    const n = events.length;
    const pos = new Float64Array(n + 1);
    const time = new Float64Array(n + 1);
    const instants: number[] = [];
    let rank = 0;
    let k = 0; // this event's instant in the clock: both are in time order, so it only moves on
    for (let i = 0; i < n; i++) {
      const t = events[i].t;
      if (i === 0 || t !== events[i - 1].t) {
        instants.push(i);
        rank = 0;
        while (clock.t[k] < t) k++;
      }
      time[i] = t;
      pos[i] = clock.x[k] + rank++ * perEvent;
    }
    time[n] = lastMs;
    pos[n] = end;
    return { mode, pos, time, perMs, perEvent, total: Math.max(end, 1e-9), instants: Int32Array.from(instants), clock };
  });
}

/** The last index of ascending `keys` whose value is ≤ v (−1 if none). */
function lastAtOrBefore(keys: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  if (keys.length === 0 || keys[0] > v) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keys[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The last event index whose position is ≤ x (−1 if none). */
export function indexAtOrBefore(axis: Axis, x: number): number {
  return lastAtOrBefore(axis.pos, x);
}

/** The first event index whose time is ≥ t (n if none). */
export function indexAtTime(axis: Axis, t: number): number {
  const time = axis.time;
  const n = time.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** x of virtual time t: the position of the first event at or after t, less the gap not yet elapsed. */
export function xOfTime(axis: Axis, t: number): number {
  const c = axis.clock;
  if (c !== undefined) {
    const k = lastAtOrBefore(c.t, t);
    if (k < 0) return t * axis.perMs;
    return c.t[k] === t ? c.x[k] : c.x[k] + c.w[k] + (t - c.t[k]) * axis.perMs;
  }
  const i = indexAtTime(axis, t);
  return axis.pos[i] - (axis.time[i] - t) * axis.perMs;
}

/** Virtual ms at x: inside a gap time flows; inside an instant it stands still. */
export function timeAtX(axis: Axis, x: number): number {
  const c = axis.clock;
  if (c !== undefined) {
    const k = lastAtOrBefore(c.x, x);
    if (k < 0) return 0;
    const gapStart = c.x[k] + c.w[k];
    if (axis.perMs === 0 || x <= gapStart) return c.t[k];
    const next = k + 1 < c.t.length ? c.t[k + 1] : axis.time[axis.time.length - 1];
    return Math.min(next, c.t[k] + (x - gapStart) / axis.perMs);
  }
  const i = indexAtOrBefore(axis, x);
  if (i < 0) return 0;
  const n = axis.pos.length - 1;
  if (i >= n) return axis.time[n];
  const gapStart = axis.pos[i] + axis.perEvent;
  if (axis.perMs === 0 || x <= gapStart) return axis.time[i];
  return Math.min(axis.time[i + 1], axis.time[i] + (x - gapStart) / axis.perMs);
}

export interface Tick {
  x: number;
  label: string;
  /** An instant where several events happened (drawn as a band in hybrid/events mode). */
  instant: boolean;
}

const STEPS = [1, 2, 5];

/** A round step in ms so that about `count` ticks fit in `spanMs`. */
export function niceStep(spanMs: number, count: number): number {
  const raw = Math.max(spanMs / Math.max(count, 1), 1e-3);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const s of STEPS) if (s * mag >= raw) return s * mag;
  return 10 * mag;
}

export function formatMs(ms: number): string {
  if (ms === 0) return "0 ms";
  if (Math.abs(ms) >= 1000) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(s >= 10 ? 1 : 2).replace(/0+$/, "")} s`;
  }
  return `${Number.isInteger(ms) ? ms : ms.toFixed(ms < 1 ? 3 : 1).replace(/0+$/, "")} ms`;
}

/**
 * Ticks for the visible range [x0, x1] drawn over `widthPx`: the instants where events happened
 * first (so "everything at 0 ms" is labelled), then round times in the gaps, none closer than
 * `minGapPx`.
 */
export function ticks(axis: Axis, x0: number, x1: number, widthPx: number, minGapPx = 72): Tick[] {
  const scale = widthPx / Math.max(x1 - x0, 1e-12);
  const out: Tick[] = [];
  const taken: number[] = [];
  const free = (x: number): boolean => {
    const px = (x - x0) * scale;
    for (const p of taken) if (Math.abs(p - px) < minGapPx) return false;
    return true;
  };
  const take = (x: number, label: string, instant: boolean): void => {
    taken.push((x - x0) * scale);
    out.push({ x, label, instant });
  };
  const c = axis.clock;
  if (axis.mode !== "time" && c !== undefined) {
    // A shared axis labels every run's instants, so runs drawn one above the other tick alike.
    let lastPx = -Infinity;
    for (let k = Math.max(0, lastAtOrBefore(c.x, x0)); k < c.t.length && c.x[k] <= x1; k++) {
      const px = (c.x[k] - x0) * scale;
      if (px - lastPx < minGapPx || c.x[k] < x0) continue;
      lastPx = px;
      take(c.x[k], formatMs(c.t[k]), true);
    }
  } else if (axis.mode !== "time") {
    // Instants in view, at most one per minGapPx.
    const first = Math.max(0, indexAtOrBefore(axis, x0));
    let lastPx = -Infinity;
    const inst = axis.instants;
    let k = lowerBound(inst, first);
    if (k > 0 && inst[k] !== first) k--;
    for (; k < inst.length; k++) {
      const x = axis.pos[inst[k]];
      if (x > x1) break;
      const px = (x - x0) * scale;
      if (px - lastPx < minGapPx || x < x0) continue;
      lastPx = px;
      take(x, formatMs(axis.time[inst[k]]), true);
    }
  }
  if (axis.perMs > 0) {
    const t0 = timeAtX(axis, x0);
    const t1 = timeAtX(axis, x1);
    const step = niceStep(t1 - t0, widthPx / (minGapPx * 1.4));
    for (let t = Math.ceil(t0 / step) * step; t <= t1 && out.length < 400; t += step) {
      const x = xOfTime(axis, t);
      if (x >= x0 && x <= x1 && free(x)) take(x, formatMs(t), false);
    }
  }
  return out.sort((a, b) => a.x - b.x);
}

function lowerBound(arr: Int32Array, v: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
