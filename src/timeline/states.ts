// What a lane can be doing, and how each state is told apart without colour: every blocked
// reason has its own pattern, running is a full-height solid bar, runnable a thin one.
// Go's wait reasons (DESIGN §3) map onto a handful of teaching categories.

export type SegState = "running" | "runnable" | "send" | "recv" | "select" | "sleep" | "sync" | "lock" | "other";

/** Drawn patterns over the state colour; "solid" and "thin" have none. */
export type PatternKind = "solid" | "thin" | "slash" | "backslash" | "dots" | "vertical" | "horizontal" | "grid";

export interface StateInfo {
  /** Words for the legend and tooltips. */
  label: string;
  /** CSS custom property holding the colour (themes override it). */
  colorVar: string;
  pattern: PatternKind;
}

export const STATE_INFO: Record<SegState, StateInfo> = {
  running: { label: "running", colorVar: "--tl-running", pattern: "solid" },
  runnable: { label: "runnable (ready, waiting its turn)", colorVar: "--tl-runnable", pattern: "thin" },
  send: { label: "blocked: chan send", colorVar: "--tl-send", pattern: "slash" },
  recv: { label: "blocked: chan receive", colorVar: "--tl-recv", pattern: "backslash" },
  select: { label: "blocked: select", colorVar: "--tl-select", pattern: "dots" },
  sleep: { label: "blocked: sleep / timer", colorVar: "--tl-sleep", pattern: "vertical" },
  sync: { label: "blocked: sync wait (WaitGroup)", colorVar: "--tl-sync", pattern: "horizontal" },
  lock: { label: "blocked: lock (Mutex)", colorVar: "--tl-lock", pattern: "grid" },
  other: { label: "blocked: host", colorVar: "--tl-other", pattern: "grid" },
};

export const SEG_STATES = Object.keys(STATE_INFO) as SegState[];

/** The category of one of Go's wait reasons ("chan send (nil chan)" is still a send). */
export function stateOfReason(reason: string): SegState {
  if (reason.startsWith("chan send")) return "send";
  if (reason.startsWith("chan receive")) return "recv";
  if (reason.startsWith("select")) return "select";
  if (reason === "sleep") return "sleep";
  if (reason === "sync.WaitGroup.Wait") return "sync";
  if (reason.startsWith("sync.")) return "lock";
  return "other";
}

export function isBlocked(s: SegState): boolean {
  return s !== "running" && s !== "runnable";
}
