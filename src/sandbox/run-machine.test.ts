import { describe, expect, it } from "vitest";
import { createActor, SimulatedClock } from "xstate";
import type { FromWorker, RunRequest, SignalName, WireRunResult } from "./protocol.ts";
import { createRunMachine, STARTUP_MS, statusOf, traceOf, UNRESPONSIVE_MESSAGE, WATCHDOG_MS, type SandboxPort } from "./run-machine.ts";

/** A sandbox that does nothing by itself: the test speaks for the worker. */
class FakePort implements SandboxPort {
  runs: { runId: number; request: RunRequest; emit: (m: FromWorker) => void; killed: boolean; signals: SignalName[]; speeds: number[] }[] = [];
  start(runId: number, request: RunRequest, onMessage: (m: FromWorker) => void) {
    const run = { runId, request, emit: onMessage, killed: false, signals: [] as SignalName[], speeds: [] as number[] };
    this.runs.push(run);
    return { signal: (name: SignalName) => run.signals.push(name), setSpeed: (speed: number) => run.speeds.push(speed), kill: () => { run.killed = true; } };
  }
  get last() {
    const run = this.runs[this.runs.length - 1];
    if (!run) throw new Error("no run started");
    return run;
  }
}

const request = (mode: RunRequest["mode"] = "instant"): RunRequest => ({ source: "export default async function main() {}", seed: 1, mode, speed: 1, signals: [] });

function result(outcome: WireRunResult["outcome"]): WireRunResult {
  return { outcome, virtualMs: 5, output: [], tasks: [], leaks: [], report: "", trace: [{ seq: 0, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }, { seq: 1, t: 5, kind: "task.exit", task: 1 }] };
}

function setup() {
  const port = new FakePort();
  const clock = new SimulatedClock();
  const actor = createActor(createRunMachine(port), { clock }).start();
  const status = () => statusOf(actor.getSnapshot());
  const emit = (m: FromWorker) => port.last.emit(m);
  return { port, clock, actor, status, emit };
}

describe("run machine", () => {
  it("starts idle", () => {
    expect(setup().status()).toBe("idle");
  });

  it("goes compiling → running → finished and keeps the result", () => {
    const { actor, status, emit, port } = setup();
    actor.send({ type: "RUN", request: request() });
    expect(status()).toBe("compiling");
    emit({ type: "started", runId: 1 });
    expect(status()).toBe("running");
    emit({ type: "result", runId: 1, result: result("ok") });
    expect(status()).toBe("finished");
    expect(actor.getSnapshot().context.result?.outcome).toBe("ok");
    expect(port.last.killed).toBe(true); // the used worker is released when the run ends
  });

  it("joins the streamed trace batches into the result when the worker sends it without a trace", () => {
    const { actor, emit } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "started", runId: 1 });
    emit({ type: "events", runId: 1, events: [{ seq: 0, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }] });
    emit({ type: "events", runId: 1, events: [{ seq: 1, t: 5, kind: "task.exit", task: 1 }] });
    emit({ type: "result", runId: 1, result: { ...result("ok"), trace: [] } });
    expect(actor.getSnapshot().context.result?.trace.map((e) => e.seq)).toEqual([0, 1]);
  });

  it("routes panic and deadlock results to their own states, and limit/signal to finished", () => {
    for (const [outcome, state] of [["panic", "panicked"], ["deadlock", "deadlocked"], ["limit", "finished"], ["signal", "finished"]] as const) {
      const { actor, status, emit } = setup();
      actor.send({ type: "RUN", request: request() });
      emit({ type: "started", runId: 1 });
      emit({ type: "result", runId: 1, result: result(outcome) });
      expect(status(), outcome).toBe(state);
    }
  });

  it("shows a compile error as its own state with the position", () => {
    const { actor, status, emit } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "compile-error", runId: 1, error: { message: "Unexpected token", line: 3, column: 7 } });
    expect(status()).toBe("compileError");
    expect(actor.getSnapshot().context.compileError).toEqual({ message: "Unexpected token", line: 3, column: 7 });
  });

  it("a paced run goes to paced, waits for a signal, forwards Send SIGTERM, and resumes", () => {
    const { actor, status, emit, port } = setup();
    actor.send({ type: "RUN", request: request("paced") });
    emit({ type: "started", runId: 1 });
    expect(status()).toBe("paced");
    emit({ type: "awaiting-signal", runId: 1, waiting: true });
    expect(status()).toBe("awaitingSignal");
    actor.send({ type: "SEND_SIGNAL", name: "SIGTERM" });
    expect(port.last.signals).toEqual(["SIGTERM"]);
    emit({ type: "awaiting-signal", runId: 1, waiting: false });
    expect(status()).toBe("paced");
    emit({ type: "result", runId: 1, result: result("ok") });
    expect(status()).toBe("finished");
  });

  it("Stop kills the worker at once and keeps the trace received so far", () => {
    const { actor, status, emit, port } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "started", runId: 1 });
    emit({ type: "events", runId: 1, events: [{ seq: 0, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }] });
    emit({ type: "events", runId: 1, events: [{ seq: 1, t: 0, kind: "task.run", task: 1 }] });
    actor.send({ type: "STOP" });
    expect(status()).toBe("killed");
    expect(port.last.killed).toBe(true);
    expect(actor.getSnapshot().context.killed?.reason).toBe("stopped");
    expect(traceOf(actor.getSnapshot().context).map((e) => e.seq)).toEqual([0, 1]);
  });

  it("Stop during compiling kills the run", () => {
    const { actor, status, port } = setup();
    actor.send({ type: "RUN", request: request() });
    actor.send({ type: "STOP" });
    expect(status()).toBe("killed");
    expect(port.last.killed).toBe(true);
  });

  it("a result arriving after a kill changes nothing", () => {
    const { actor, status, emit } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "started", runId: 1 });
    actor.send({ type: "STOP" });
    emit({ type: "result", runId: 1, result: result("ok") });
    expect(status()).toBe("killed");
    expect(actor.getSnapshot().context.result).toBeUndefined();
  });

  it("ignores messages of an older run once a new run has started", () => {
    const { actor, status, port } = setup();
    actor.send({ type: "RUN", request: request() });
    const first = port.last;
    actor.send({ type: "RUN", request: request() });
    expect(first.killed).toBe(true);
    expect(actor.getSnapshot().context.runId).toBe(2);
    first.emit({ type: "result", runId: 1, result: result("panic") });
    expect(status()).toBe("compiling");
    port.last.emit({ type: "started", runId: 2 });
    expect(status()).toBe("running");
  });

  it("the watchdog kills a worker that stays silent for 2 s, with the plain-words message", () => {
    const { actor, status, emit, clock, port } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "started", runId: 1 });
    emit({ type: "events", runId: 1, events: [{ seq: 0, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }] });
    clock.increment(WATCHDOG_MS - 1);
    expect(status()).toBe("running");
    clock.increment(1);
    expect(status()).toBe("killed");
    expect(port.last.killed).toBe(true);
    expect(actor.getSnapshot().context.killed).toEqual({ reason: "unresponsive", message: UNRESPONSIVE_MESSAGE });
    expect(traceOf(actor.getSnapshot().context)).toHaveLength(1);
  });

  it("gives a cold worker until its first message to load, then holds it to 2 s", () => {
    const { actor, status, emit, clock } = setup();
    actor.send({ type: "RUN", request: request() });
    clock.increment(STARTUP_MS - 1);
    expect(status()).toBe("compiling");
    emit({ type: "heartbeat", runId: 1 });
    clock.increment(WATCHDOG_MS);
    expect(status()).toBe("killed");
  });

  it("heartbeats keep the watchdog quiet, also while a paced run waits for a signal", () => {
    const { actor, status, emit, clock } = setup();
    actor.send({ type: "RUN", request: request("paced") });
    emit({ type: "started", runId: 1 });
    emit({ type: "awaiting-signal", runId: 1, waiting: true });
    for (let i = 0; i < 10; i++) {
      clock.increment(WATCHDOG_MS / 2);
      emit({ type: "heartbeat", runId: 1 });
    }
    expect(status()).toBe("awaitingSignal");
  });

  it("a worker failure (crash, out of memory) ends as killed with its message", () => {
    const { actor, status, emit } = setup();
    actor.send({ type: "RUN", request: request() });
    emit({ type: "started", runId: 1 });
    emit({ type: "failure", runId: 1, message: "The sandbox ran out of memory." });
    expect(status()).toBe("killed");
    expect(actor.getSnapshot().context.killed).toEqual({ reason: "crashed", message: "The sandbox ran out of memory." });
  });

  it("the next Run after a kill, a compile error or a finish starts a fresh run", () => {
    const { actor, status, emit, port } = setup();
    actor.send({ type: "RUN", request: request() });
    actor.send({ type: "STOP" });
    actor.send({ type: "RUN", request: request() });
    expect(status()).toBe("compiling");
    expect(actor.getSnapshot().context.killed).toBeUndefined();
    emit({ type: "compile-error", runId: 2, error: { message: "x", line: 1, column: 1 } });
    actor.send({ type: "RUN", request: request() });
    expect(status()).toBe("compiling");
    expect(actor.getSnapshot().context.compileError).toBeUndefined();
    emit({ type: "started", runId: 3 });
    emit({ type: "result", runId: 3, result: result("ok") });
    actor.send({ type: "RUN", request: request() });
    expect(status()).toBe("compiling");
    expect(port.runs).toHaveLength(4);
  });

  it("a live run takes a signal at any time; an instant run or a finished one does not", () => {
    const { actor, emit, port } = setup();
    actor.send({ type: "RUN", request: request("paced") });
    emit({ type: "started", runId: 1 });
    actor.send({ type: "SEND_SIGNAL", name: "SIGINT" });
    expect(port.last.signals).toEqual(["SIGINT"]);
    emit({ type: "result", runId: 1, result: result("signal") });
    actor.send({ type: "SEND_SIGNAL", name: "SIGTERM" });
    expect(port.last.signals).toEqual(["SIGINT"]);
    actor.send({ type: "RUN", request: request("instant") });
    emit({ type: "started", runId: 2 });
    actor.send({ type: "SEND_SIGNAL", name: "SIGTERM" });
    expect(port.last.signals).toEqual([]);
  });

  it("a live run takes a new speed at once, while compiling, running or waiting for a signal, and keeps it", () => {
    const { actor, emit, port, status } = setup();
    actor.send({ type: "RUN", request: request("paced") });
    actor.send({ type: "SET_SPEED", speed: 2 });
    emit({ type: "started", runId: 1 });
    actor.send({ type: "SET_SPEED", speed: 0.25 });
    actor.send({ type: "SET_SPEED", speed: 0.25 }); // the same speed again: nothing to tell the worker
    emit({ type: "awaiting-signal", runId: 1, waiting: true });
    actor.send({ type: "SET_SPEED", speed: 4 });
    expect(status()).toBe("awaitingSignal");
    expect(port.last.speeds).toEqual([2, 0.25, 4]);
    expect(actor.getSnapshot().context.request?.speed).toBe(4);
  });

  it("a speed change is not sent to an instant run, nor out of range, nor after the run ended", () => {
    const { actor, emit, port } = setup();
    actor.send({ type: "RUN", request: request("instant") });
    emit({ type: "started", runId: 1 });
    actor.send({ type: "SET_SPEED", speed: 2 });
    expect(port.last.speeds).toEqual([]);
    actor.send({ type: "RUN", request: request("paced") });
    emit({ type: "started", runId: 2 });
    actor.send({ type: "SET_SPEED", speed: 8 });
    actor.send({ type: "SET_SPEED", speed: Number.NaN });
    emit({ type: "result", runId: 2, result: result("ok") });
    actor.send({ type: "SET_SPEED", speed: 2 });
    expect(port.last.speeds).toEqual([]);
  });
});
