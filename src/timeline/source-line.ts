// Which line of the program a moment of the run belongs to, for the editor's "current line" while
// the learner steps or plays through the timeline. The trace carries a source location only where
// a task blocks or spawns (DESIGN §4), so an event belongs to the line its task last stood at:
// a receive that completes belongs to the line that was waiting for it.

import type { TraceEvent } from "../runtime/trace.ts";

/** How far back to look for the task's last located event; beyond it the answer is "unknown". */
const LOOKBACK = 20_000;

function taskOf(e: TraceEvent): number | null {
  return "task" in e && typeof e.task === "number" ? e.task : null;
}

/** The line the event at `index` belongs to, or null when the trace does not say. */
export function sourceLineAt(events: readonly TraceEvent[], index: number): number | null {
  const at = events[index];
  if (at === undefined) return null;
  if ((at.kind === "task.block" || at.kind === "task.spawn") && at.loc !== null) return at.loc.line;
  const task = taskOf(at);
  if (task === null) return null;
  const stop = Math.max(0, index - LOOKBACK);
  for (let i = index - 1; i >= stop; i--) {
    const e = events[i];
    if (e.kind === "task.block" && e.task === task && e.loc !== null) return e.loc.line;
    // A spawn's location is the `go` call in the parent: the parent stood there.
    if (e.kind === "task.spawn" && e.parent === task && e.loc !== null) return e.loc.line;
  }
  return null;
}
