import type { Outcome } from "../../lessons/types.ts";

const words: Record<Outcome, string> = {
  ok: "ok",
  deadlock: "deadlock",
  panic: "panic",
  limit: "step limit",
  signal: "signal",
  stopped: "stopped",
};

/** The outcome an example is written to have. The word carries the meaning; colour only adds to it. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <span className={`badge badge--${outcome === "ok" ? "ok" : outcome === "deadlock" || outcome === "panic" ? "bad" : "warn"}`}>
      Expected: {words[outcome]}
    </span>
  );
}

export function LeaksBadge({ leaks }: { leaks: number }) {
  if (leaks <= 0) return null;
  // Said as an expectation: the leak is what the example is there to show, not a failure.
  return <span className="badge badge--leak">{leaks === 1 ? "Expected leak: 1 task" : `Expected leaks: ${leaks} tasks`}</span>;
}
