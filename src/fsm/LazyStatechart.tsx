// The statechart view for a playground: renders nothing unless the run's trace has state machine
// transitions, and only then loads the view (and ELK with it), so pages pay for it only when used.

import { lazy, Suspense, useMemo } from "react";
import type { TraceEvent } from "../runtime/trace.ts";

const Statechart = lazy(() => import("./Statechart.tsx"));

/** True when a trace records state machine transitions (there is a chart to show). */
export function hasStateMachines(trace: readonly TraceEvent[]): boolean {
  return trace.some((e) => e.kind === "fsm.transition");
}

export interface LazyStatechartProps {
  trace: readonly TraceEvent[];
  /** Trace position (seq) of the timeline's cursor; undefined shows the end of the run. */
  cursorSeq?: number;
}

export function LazyStatechart({ trace, cursorSeq }: LazyStatechartProps) {
  // A long run without machines is scanned once per trace, not on every cursor move.
  const shown = useMemo(() => hasStateMachines(trace), [trace]);
  if (!shown) return null;
  return (
    <Suspense fallback={<p className="statechart__pending">Loading the statechart…</p>}>
      <Statechart trace={trace} cursorSeq={cursorSeq} />
    </Suspense>
  );
}
