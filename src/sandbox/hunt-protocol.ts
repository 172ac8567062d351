// Messages between the page and the hunt worker ("Run until it fails"), and their validators.
// As with the run protocol (protocol.ts), both sides check what they receive: the worker runs
// untrusted code, so what comes back is untrusted too.

import type { Goal } from "../lessons/types.ts";

export interface HuntRequest {
  source: string;
  /** The first seed to try; then fromSeed + 1, … */
  fromSeed: number;
  tries: number;
  signals: { at: number; name: string }[];
  /** An exercise's goals: a run that misses one counts as failing too. */
  goals?: Goal[];
}

export type ToHuntWorker = { type: "hunt" } & HuntRequest;

export type FromHuntWorker =
  | { type: "ready" }
  | { type: "progress"; tried: number; seed: number }
  | { type: "found"; seed: number; tried: number; reason: string }
  | { type: "exhausted"; tried: number }
  | { type: "compile-error"; message: string; line: number; column: number }
  | { type: "failure"; message: string };

/** The most seeds one hunt may try (a bound for the worker, whatever the page asks). */
export const MAX_TRIES = 10_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const OUTCOMES = ["ok", "deadlock", "panic", "limit", "signal", "stopped"];

function isGoal(v: unknown): v is Goal {
  if (!isObj(v) || !isStr(v.text)) return false;
  switch (v.kind) {
    case "outcome":
      return OUTCOMES.includes(v.value as string);
    case "leaks":
    case "maxVirtualMs":
      return isInt(v.value) && v.value >= 0;
    case "prints":
      return isStr(v.value);
    default:
      return false;
  }
}

export function isToHuntWorker(v: unknown): v is ToHuntWorker {
  return (
    isObj(v) &&
    v.type === "hunt" &&
    isStr(v.source) &&
    isInt(v.fromSeed) &&
    v.fromSeed >= 0 &&
    isInt(v.tries) &&
    v.tries >= 1 &&
    v.tries <= MAX_TRIES &&
    Array.isArray(v.signals) &&
    v.signals.every((s) => isObj(s) && typeof s.at === "number" && Number.isFinite(s.at) && s.at >= 0 && isStr(s.name)) &&
    (v.goals === undefined || (Array.isArray(v.goals) && v.goals.every(isGoal)))
  );
}

export function isFromHuntWorker(v: unknown): v is FromHuntWorker {
  if (!isObj(v)) return false;
  switch (v.type) {
    case "ready":
      return true;
    case "progress":
      return isInt(v.tried) && isInt(v.seed);
    case "found":
      return isInt(v.seed) && isInt(v.tried) && isStr(v.reason);
    case "exhausted":
      return isInt(v.tried);
    case "compile-error":
      return isStr(v.message) && isInt(v.line) && isInt(v.column);
    case "failure":
      return isStr(v.message);
    default:
      return false;
  }
}
