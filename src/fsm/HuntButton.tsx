// "Run until it fails": a button for examples whose bug depends on the schedule (`hunt=true`).
// It tries seeds in explore mode in a worker of its own, from the seed after the current one,
// and hands the first failing seed to the playground, which runs it traced for the timeline.

import { useEffect, useRef, useState } from "react";
import type { Goal } from "../lessons/types.ts";
import { startHunt, type HuntHandle, type HuntOutcome } from "../sandbox/hunt-client.ts";
import "./hunt.css";

/** Seeds one press tries at most. */
export const HUNT_TRIES = 200;

export interface HuntButtonProps {
  source: string;
  /** The playground's current seed; the hunt starts at the next one. */
  seed: number;
  signals: { at: number; name: string }[];
  goals?: Goal[];
  /** Called with the failing seed: run it (traced) and show it. */
  onFound(seed: number): void;
}

type HuntState = { kind: "idle" } | { kind: "hunting"; tried: number; seed: number } | { kind: "over"; outcome: HuntOutcome; from: number };

function describe(state: HuntState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "hunting":
      return state.tried === 0 ? "Starting the hunt…" : `Trying seed ${state.seed + 1}… (${state.tried} tried, all passed)`;
    case "over": {
      const o = state.outcome;
      const tries = (n: number) => `${n} ${n === 1 ? "try" : "tries"}`;
      switch (o.kind) {
        case "found":
          return `Seed ${o.seed} fails (${o.reason}) — found after ${tries(o.tried)}; its run is loaded below.`;
        case "exhausted":
          return `No failure in ${o.tried} seeds (${state.from}–${state.from + o.tried - 1}).`;
        case "stopped":
          return `Stopped after ${tries(o.tried)}; none failed.`;
        case "error":
          return o.message;
      }
    }
  }
}

export function HuntButton({ source, seed, signals, goals, onFound }: HuntButtonProps) {
  const [state, setState] = useState<HuntState>({ kind: "idle" });
  const handle = useRef<HuntHandle | null>(null);

  // A hunt outlives nothing: leaving the page stops it.
  useEffect(() => () => handle.current?.stop(), []);

  const hunt = () => {
    const from = seed + 1;
    setState({ kind: "hunting", tried: 0, seed: from - 1 });
    const h = startHunt({ source, fromSeed: from, tries: HUNT_TRIES, signals, goals }, (tried, at) => setState({ kind: "hunting", tried, seed: at }));
    handle.current = h;
    void h.done.then((outcome) => {
      if (handle.current !== h) return;
      handle.current = null;
      setState({ kind: "over", outcome, from });
      if (outcome.kind === "found") onFound(outcome.seed);
    });
  };

  const hunting = state.kind === "hunting";
  return (
    <span className="hunt">
      {hunting ? (
        <button type="button" className="button" onClick={() => handle.current?.stop()}>
          Stop hunting
        </button>
      ) : (
        <button type="button" className="button" onClick={hunt} title={`Try up to ${HUNT_TRIES} seeds in explore mode, from seed ${seed + 1}, until a run fails`}>
          Run until it fails
        </button>
      )}
      <span className="hunt__status" aria-live="polite">
        {describe(state)}
      </span>
    </span>
  );
}
