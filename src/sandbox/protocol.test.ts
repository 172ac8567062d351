import { describe, expect, it } from "vitest";
import { parseFromWorker, parseToWorker, type WireRunResult } from "./protocol.ts";

const result: WireRunResult = {
  outcome: "ok",
  virtualMs: 200,
  output: [{ t: 100, task: 1, text: "Received: x" }],
  tasks: [
    { id: 1, name: "main", parent: null, start: 0, end: 200, state: "exited" },
    { id: 2, name: "search", parent: 1, start: 0, state: "blocked", waitReason: "chan send", loc: { line: 5, column: 3 } },
  ],
  leaks: [{ task: 2, name: "search", waitReason: "chan send", since: 200, loc: { line: 5, column: 3 } }],
  report: "1 leaked task",
  trace: [{ seq: 0, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }],
};

const run = { type: "run", runId: 1, source: "x", seed: 1, mode: "instant", speed: 1, signals: [{ at: 1200, name: "SIGTERM" }] };

describe("messages to the worker", () => {
  it("accepts a well-formed run request and signal", () => {
    expect(parseToWorker(run).ok).toBe(true);
    expect(parseToWorker({ type: "signal", runId: 1, name: "SIGINT" }).ok).toBe(true);
  });

  it("rejects a run request with a bad mode, speed, seed or signal list", () => {
    expect(parseToWorker({ ...run, mode: "fast" }).ok).toBe(false);
    expect(parseToWorker({ ...run, speed: 10 }).ok).toBe(false);
    expect(parseToWorker({ ...run, seed: 1.5 }).ok).toBe(false);
    expect(parseToWorker({ ...run, signals: [{ at: -1, name: "SIGTERM" }] }).ok).toBe(false);
    expect(parseToWorker({ ...run, source: 42 }).ok).toBe(false);
    expect(parseToWorker({ ...run, explore: "yes" }).ok).toBe(false);
    expect(parseToWorker({ ...run, explore: true }).ok).toBe(true);
  });

  it("accepts a live speed change from 0.25× to 4×, and nothing else", () => {
    expect(parseToWorker({ type: "speed", runId: 1, speed: 0.25 }).ok).toBe(true);
    expect(parseToWorker({ type: "speed", runId: 1, speed: 4 }).ok).toBe(true);
    expect(parseToWorker({ type: "speed", runId: 1, speed: 8 })).toEqual({ ok: false, reason: "speed must be a number from 0.25 to 4" });
    expect(parseToWorker({ type: "speed", runId: 1, speed: "2" }).ok).toBe(false);
    expect(parseToWorker({ type: "speed", runId: 1, speed: Number.POSITIVE_INFINITY }).ok).toBe(false);
    expect(parseToWorker({ type: "speed", speed: 2 }).ok).toBe(false);
  });

  it("rejects unknown signals, unknown types and messages without a run id", () => {
    expect(parseToWorker({ type: "signal", runId: 1, name: "SIGKILL" }).ok).toBe(false);
    expect(parseToWorker({ type: "eval", runId: 1 })).toEqual({ ok: false, reason: 'unknown message type "eval"' });
    expect(parseToWorker({ ...run, runId: undefined }).ok).toBe(false);
    expect(parseToWorker(null).ok).toBe(false);
  });
});

describe("messages from the worker", () => {
  it("accepts each well-formed message type", () => {
    const good = [
      { type: "ready" },
      { type: "heartbeat", runId: 3 },
      { type: "started", runId: 3 },
      { type: "compile-error", runId: 3, error: { message: "Unexpected token", line: 2, column: 5 } },
      { type: "events", runId: 3, events: result.trace },
      { type: "awaiting-signal", runId: 3, waiting: true },
      { type: "result", runId: 3, result },
      { type: "failure", runId: 3, message: "out of memory" },
    ];
    for (const m of good) expect(parseFromWorker(m), JSON.stringify(m)).toMatchObject({ ok: true, value: m });
  });

  it("rejects a result with an unknown outcome, a bad task state or a non-numeric time", () => {
    expect(parseFromWorker({ type: "result", runId: 3, result: { ...result, outcome: "fine" } }).ok).toBe(false);
    const badTask = { ...result, tasks: [{ ...result.tasks[0], state: "sleeping" }] };
    expect(parseFromWorker({ type: "result", runId: 3, result: badTask }).ok).toBe(false);
    expect(parseFromWorker({ type: "result", runId: 3, result: { ...result, virtualMs: "200" } }).ok).toBe(false);
    expect(parseFromWorker({ type: "result", runId: 3, result: { ...result, virtualMs: Number.NaN } }).ok).toBe(false);
  });

  it("rejects trace batches containing a malformed event", () => {
    const events = [...result.trace, { seq: "1", t: 0, kind: "task.run" }];
    expect(parseFromWorker({ type: "events", runId: 3, events })).toEqual({ ok: false, reason: "malformed trace events" });
  });

  it("rejects compile errors without a position and unknown message types", () => {
    expect(parseFromWorker({ type: "compile-error", runId: 3, error: { message: "x" } }).ok).toBe(false);
    expect(parseFromWorker({ type: "html", runId: 3, html: "<img onerror=…>" }).ok).toBe(false);
    expect(parseFromWorker("result").ok).toBe(false);
  });
});
