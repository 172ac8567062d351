// The presenter's elapsed-time clock: stopped → running ⇄ paused → (reset) stopped. Pure: the
// current time is passed in, so the state can be stored (a reloaded presenter window keeps its
// clock) and tested without waiting.

export type TimerState =
  | { status: "stopped" }
  | { status: "running"; since: number; before: number }
  | { status: "paused"; elapsed: number };

export type TimerEvent = "start" | "pause" | "reset";

export const stoppedTimer: TimerState = { status: "stopped" };

export function elapsedMs(state: TimerState, now: number): number {
  switch (state.status) {
    case "stopped":
      return 0;
    case "running":
      return state.before + Math.max(0, now - state.since);
    case "paused":
      return state.elapsed;
  }
}

export function timerStep(state: TimerState, event: TimerEvent, now: number): TimerState {
  switch (event) {
    case "start":
      if (state.status === "running") return state;
      return { status: "running", since: now, before: elapsedMs(state, now) };
    case "pause":
      return state.status === "running" ? { status: "paused", elapsed: elapsedMs(state, now) } : state;
    case "reset":
      return stoppedTimer;
  }
}

/** "0:07", "12:30", "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** A stored timer, or stopped when the text is not one. */
export function parseTimer(text: string | null): TimerState {
  if (!text) return stoppedTimer;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null) return stoppedTimer;
    const o = v as Record<string, unknown>;
    if (o.status === "running" && typeof o.since === "number" && typeof o.before === "number") return { status: "running", since: o.since, before: o.before };
    if (o.status === "paused" && typeof o.elapsed === "number") return { status: "paused", elapsed: o.elapsed };
  } catch {
    // A damaged value: start from a stopped clock.
  }
  return stoppedTimer;
}
