// Is the talk on time? The lesson's `minutes` spread evenly over its slides gives each slide a
// planned window [start, end); the presenter is on time while the elapsed time falls within the
// current slide's window, give or take a tolerance, ahead when the clock has not reached it yet,
// behind when it has passed it.

export type Pace = "ahead" | "on time" | "behind";

export interface Pacing {
  pace: Pace;
  /** Minutes ahead (+) or behind (−) of the plan, rounded to whole minutes; 0 when on time. */
  minutes: number;
}

/** Slack either side of a slide's planned window: half a slide's time, at least 30 s. */
export function toleranceMs(plannedMs: number, total: number): number {
  return Math.max(30_000, plannedMs / Math.max(1, total) / 2);
}

export function pacing(input: { slide: number; total: number; elapsedMs: number; minutes: number }): Pacing {
  const { slide, total, elapsedMs } = input;
  const planned = Math.max(0, input.minutes) * 60_000;
  if (planned === 0 || total <= 0) return { pace: "on time", minutes: 0 };
  const per = planned / total;
  const start = (Math.min(Math.max(slide, 1), total) - 1) * per;
  const end = start + per;
  const slack = toleranceMs(planned, total);
  if (elapsedMs < start - slack) return { pace: "ahead", minutes: Math.max(1, Math.round((start - elapsedMs) / 60_000)) };
  if (elapsedMs > end + slack) return { pace: "behind", minutes: -Math.max(1, Math.round((elapsedMs - end) / 60_000)) };
  return { pace: "on time", minutes: 0 };
}
