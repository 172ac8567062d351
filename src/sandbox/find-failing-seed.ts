// "Run until it fails": try a program on seed after seed (in explore mode, so each seed is a
// different interleaving) until a run shows the bug. Pure: the caller supplies how to run one
// seed — the hunt worker in the browser, runUserSource in Node tests — so the search itself is
// the same everywhere and tested without a worker.

import type { Goal } from "../lessons/types.ts";
import { checkGoals, describeLeaks, type RunSummary } from "./expectations.ts";

/** Why this run counts as failing, or undefined when it is clean. */
export type BugCheck = (result: RunSummary) => string | undefined;

/**
 * The default notion of "the bug shows": the run did not end ok, left tasks behind, or (for an
 * exercise) missed one of its goals.
 */
export function bugShown(goals?: readonly Goal[]): BugCheck {
  return (result) => {
    if (result.outcome !== "ok") return `ended with outcome ${result.outcome}`;
    if (result.leaks.length > 0) return `leaked ${describeLeaks(result.leaks)}`;
    if (goals && goals.length > 0) {
      const missed = checkGoals([...goals], result).find((c) => !c.passed);
      if (missed) return `missed the goal "${missed.goal.text}" (it ${missed.actual})`;
    }
    return undefined;
  };
}

export interface HuntOptions {
  /** The first seed to try; the next ones follow in order. */
  fromSeed: number;
  /** How many seeds to try at most. */
  tries: number;
  /** Called after each run with the number of seeds tried so far. */
  onProgress?: (tried: number, seed: number) => void;
  /** Checked before each run: true stops the hunt (the learner pressed Stop). */
  cancelled?: () => boolean;
}

export type HuntResult =
  | { found: true; seed: number; tried: number; reason: string }
  | { found: false; tried: number; cancelled: boolean };

/** Runs seeds fromSeed, fromSeed + 1, … until `isBug` names a reason, or `tries` are used up. */
export async function findFailingSeed(runSeed: (seed: number) => Promise<RunSummary>, isBug: BugCheck, options: HuntOptions): Promise<HuntResult> {
  if (!Number.isSafeInteger(options.fromSeed) || options.fromSeed < 0) throw new Error(`findFailingSeed: fromSeed must be a whole number ≥ 0, got ${options.fromSeed}`);
  if (!Number.isSafeInteger(options.tries) || options.tries < 1) throw new Error(`findFailingSeed: tries must be a whole number ≥ 1, got ${options.tries}`);
  let tried = 0;
  for (let seed = options.fromSeed; tried < options.tries; seed++) {
    if (options.cancelled?.()) return { found: false, tried, cancelled: true };
    const result = await runSeed(seed);
    tried++;
    options.onProgress?.(tried, seed);
    const reason = isBug(result);
    if (reason !== undefined) return { found: true, seed, tried, reason };
  }
  return { found: false, tried, cancelled: false };
}
