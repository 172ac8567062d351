// The messages between the page and the sandbox worker, and their validators. Both sides check
// every message they receive: the worker runs untrusted code, so the page treats what comes back
// as untrusted too, and a malformed message is rejected (never half-used). The wire types mirror
// DESIGN §3 (RunResult) and §4 (trace events); the validators check structure, not meaning.

export type RunMode = "instant" | "paced";
export const SIGNAL_NAMES = ["SIGINT", "SIGTERM"] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

import type { Outcome } from "../lessons/types.ts";
import type { RunResult } from "../runtime/run.ts";
import type { TraceEvent } from "../runtime/trace.ts";

export type { Outcome };
const OUTCOMES: readonly Outcome[] = ["ok", "deadlock", "panic", "limit", "signal", "stopped"];
const TASK_STATES = ["running", "runnable", "blocked", "exited", "panicked"] as const;

interface Loc {
  line: number;
  column: number;
}

/** A trace event (DESIGN §4), exactly the runtime's type. */
export type WireTraceEvent = TraceEvent;

/** A run's result (DESIGN §3), exactly the runtime's type. */
export type WireRunResult = RunResult;
export type WireTask = RunResult["tasks"][number];

export interface RunRequest {
  source: string;
  seed: number;
  mode: RunMode;
  /** Paced runs: virtual time follows the wall clock × speed (0.25–4). */
  speed: number;
  signals: { at: number; name: string }[];
  /** The runtime's explore mode: the seed also picks which runnable task goes next. */
  explore?: boolean;
}

export type ToWorker =
  | ({ type: "run"; runId: number } & RunRequest)
  | { type: "signal"; runId: number; name: SignalName }
  /** A live (paced) run's speed changed: virtual time follows the wall clock × speed from now on. */
  | { type: "speed"; runId: number; speed: number };

export type FromWorker =
  | { type: "ready" }
  | { type: "heartbeat"; runId: number }
  | { type: "compile-error"; runId: number; error: { message: string; line: number; column: number } }
  | { type: "started"; runId: number }
  | { type: "events"; runId: number; events: WireTraceEvent[] }
  | { type: "awaiting-signal"; runId: number; waiting: boolean }
  | { type: "result"; runId: number; result: WireRunResult }
  | { type: "failure"; runId: number; message: string };

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

// ---- structural checks ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

function isLoc(v: unknown): v is Loc {
  return isObj(v) && isInt(v.line) && isInt(v.column);
}

const TRACE_KINDS = new Set<string>([
  "task.spawn", "task.run", "task.block", "task.unblock", "task.exit", "task.panic", "task.leak",
  "chan.make", "chan.send", "chan.recv", "chan.close", "ctx.make", "ctx.cancel", "timer.fire",
  "log", "signal", "fsm.transition",
]);

/** Checks the common fields, the kind, and the fields the page reads for that kind. */
export function isTraceEvent(v: unknown): v is WireTraceEvent {
  if (!isObj(v) || !isInt(v.seq) || !isNum(v.t) || !isStr(v.kind) || !TRACE_KINDS.has(v.kind)) return false;
  switch (v.kind) {
    case "task.spawn":
      return isInt(v.task) && (v.parent === null || isInt(v.parent)) && isStr(v.name) && (v.loc === null || isLoc(v.loc));
    case "task.block":
      return isInt(v.task) && isStr(v.reason) && (v.loc === null || isLoc(v.loc));
    case "task.run":
    case "task.unblock":
    case "task.exit":
      return isInt(v.task);
    case "task.panic":
      return isInt(v.task) && isStr(v.message);
    case "log":
      return isInt(v.task) && isStr(v.text);
    default:
      return true;
  }
}

function isTask(v: unknown): v is WireTask {
  return (
    isObj(v) &&
    isInt(v.id) &&
    isStr(v.name) &&
    (v.parent === null || isInt(v.parent)) &&
    isNum(v.start) &&
    optional(v.end, isNum) &&
    (TASK_STATES as readonly unknown[]).includes(v.state) &&
    optional(v.waitReason, isStr) &&
    optional(v.loc, isLoc)
  );
}

function isLeak(v: unknown): boolean {
  return isObj(v) && isInt(v.task) && isStr(v.name) && isStr(v.waitReason) && isNum(v.since) && optional(v.loc, isLoc);
}

function isOutputLine(v: unknown): boolean {
  return isObj(v) && isNum(v.t) && isInt(v.task) && isStr(v.text);
}

function isPanic(v: unknown): boolean {
  return isObj(v) && isInt(v.task) && isStr(v.message) && optional(v.stack, isStr) && optional(v.loc, isLoc);
}

export function isRunResult(v: unknown): v is WireRunResult {
  return (
    isObj(v) &&
    OUTCOMES.includes(v.outcome as Outcome) &&
    isNum(v.virtualMs) &&
    Array.isArray(v.output) &&
    v.output.every(isOutputLine) &&
    Array.isArray(v.tasks) &&
    v.tasks.every(isTask) &&
    Array.isArray(v.leaks) &&
    v.leaks.every(isLeak) &&
    optional(v.panic, isPanic) &&
    isStr(v.report) &&
    Array.isArray(v.trace) &&
    v.trace.every(isTraceEvent)
  );
}

const isSpeed = (v: unknown): v is number => isNum(v) && v >= MIN_SPEED && v <= MAX_SPEED;

function isRunRequestFields(v: Obj): boolean {
  return (
    isStr(v.source) &&
    isInt(v.seed) &&
    (v.mode === "instant" || v.mode === "paced") &&
    isSpeed(v.speed) &&
    Array.isArray(v.signals) &&
    v.signals.every((s) => isObj(s) && isNum(s.at) && s.at >= 0 && isStr(s.name)) &&
    optional(v.explore, (x) => typeof x === "boolean")
  );
}

function reject<T>(reason: string): Validated<T> {
  return { ok: false, reason };
}

/** Validates a message the page sent to the worker. */
export function parseToWorker(data: unknown): Validated<ToWorker> {
  if (!isObj(data) || !isInt(data.runId)) return reject("not a message with a runId");
  switch (data.type) {
    case "run":
      return isRunRequestFields(data) ? { ok: true, value: data as ToWorker } : reject("malformed run request");
    case "signal":
      return (SIGNAL_NAMES as readonly unknown[]).includes(data.name) ? { ok: true, value: data as ToWorker } : reject("unknown signal");
    case "speed":
      return isSpeed(data.speed) ? { ok: true, value: data as ToWorker } : reject(`speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}`);
    default:
      return reject(`unknown message type ${JSON.stringify(data.type)}`);
  }
}

/** Validates a message the worker sent to the page. */
export function parseFromWorker(data: unknown): Validated<FromWorker> {
  if (!isObj(data)) return reject("not an object");
  if (data.type === "ready") return { ok: true, value: { type: "ready" } };
  if (!isInt(data.runId)) return reject("no runId");
  const ok = (): Validated<FromWorker> => ({ ok: true, value: data as FromWorker });
  switch (data.type) {
    case "heartbeat":
    case "started":
      return ok();
    case "compile-error": {
      const e = data.error;
      return isObj(e) && isStr(e.message) && isInt(e.line) && isInt(e.column) ? ok() : reject("malformed compile error");
    }
    case "events":
      return Array.isArray(data.events) && data.events.every(isTraceEvent) ? ok() : reject("malformed trace events");
    case "awaiting-signal":
      return typeof data.waiting === "boolean" ? ok() : reject("malformed awaiting-signal");
    case "result":
      return isRunResult(data.result) ? ok() : reject("malformed run result");
    case "failure":
      return isStr(data.message) ? ok() : reject("malformed failure");
    default:
      return reject(`unknown message type ${JSON.stringify(data.type)}`);
  }
}
