// The run lifecycle of one playground, as an XState machine (DESIGN §5):
//
//   idle ─RUN→ active: compiling ─started→ running | paced ⇄ awaitingSignal
//              (the watchdog: 2 s without any word from the worker → killed; the first word
//               may take up to 15 s, while a cold worker loads)
//   active ─result→ finished | panicked | deadlocked     ─compile-error→ compileError
//   active ─STOP / worker failure / watchdog→ killed
//   active (a live run) ─SET_SPEED→ the worker's pacing changes at once; the run goes on
//   every end state ─RUN→ active (a fresh run)
//
// The worker is reached through a SandboxPort (client.ts in the browser, a fake in tests). The
// port's run lives exactly as long as `active`: leaving it (result, Stop, watchdog) ends the run,
// so a message that arrives after a kill finds no listener, and messages of an older run are
// ignored by id. The trace received so far is kept when a run is killed.

import { and, assign, cancel, fromCallback, raise, sendTo, setup, type ActorRefFrom, type SnapshotFrom } from "xstate";
import { MAX_SPEED, MIN_SPEED, type FromWorker, type RunRequest, type SignalName, type WireRunResult, type WireTraceEvent } from "./protocol.ts";

/** How long the worker may stay silent (no heartbeat, no events) before it is terminated. */
export const WATCHDOG_MS = 2000;

/** Until the worker's first word: a cold worker may still be downloading its code. */
export const STARTUP_MS = 15_000;

export const UNRESPONSIVE_MESSAGE = "Stopped: the program did not yield for 2 s (an endless loop with no await?)";
export const STOPPED_MESSAGE = "Stopped: you pressed Stop.";

/** A running program, as the machine sees it. */
export interface RunHandle {
  signal(name: SignalName): void;
  /** A live run's new speed (virtual time = wall clock × speed from now on). */
  setSpeed(speed: number): void;
  /** Ends the run at once (terminates its worker). Safe to call after the run ended. */
  kill(): void;
}

/** Starts runs in a sandbox; every message of the run is passed to `onMessage`. */
export interface SandboxPort {
  start(runId: number, request: RunRequest, onMessage: (message: FromWorker) => void): RunHandle;
}

export type KillReason = "stopped" | "unresponsive" | "crashed";

export interface RunContext {
  runId: number;
  request: RunRequest | undefined;
  /** Trace batches as they arrived (appending a batch is O(1); flatten with traceOf). */
  traceChunks: WireTraceEvent[][];
  result: WireRunResult | undefined;
  compileError: { message: string; line: number; column: number } | undefined;
  killed: { reason: KillReason; message: string } | undefined;
}

export type RunEvent =
  | { type: "RUN"; request: RunRequest }
  | { type: "STOP" }
  | { type: "SEND_SIGNAL"; name: SignalName }
  /** The speed select changed; a live run under way follows it at once. */
  | { type: "SET_SPEED"; speed: number }
  | { type: "WORKER"; message: FromWorker }
  /** Raised by the watchdog, a delayed event re-armed by every message of the run. */
  | { type: "WATCHDOG" };

type WorkerMessage<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

const initialContext: RunContext = {
  runId: 0,
  request: undefined,
  traceChunks: [],
  result: undefined,
  compileError: undefined,
  killed: undefined,
};

/** The whole trace received for the current run (streamed batches, or the final result's). */
export function traceOf(context: RunContext): WireTraceEvent[] {
  return context.result ? context.result.trace : context.traceChunks.flat();
}

function messageOf<T extends FromWorker["type"]>(event: RunEvent, type: T): WorkerMessage<T> | undefined {
  return event.type === "WORKER" && event.message.type === type ? (event.message as WorkerMessage<T>) : undefined;
}

export function createRunMachine(port: SandboxPort) {
  const sandbox = fromCallback<{ type: "SEND_SIGNAL"; name: SignalName } | { type: "SET_SPEED"; speed: number }, { runId: number; request: RunRequest }>(
    ({ input, sendBack, receive }) => {
      const handle = port.start(input.runId, input.request, (message) => sendBack({ type: "WORKER", message }));
      receive((event) => (event.type === "SET_SPEED" ? handle.setSpeed(event.speed) : handle.signal(event.name)));
      return () => handle.kill();
    },
  );

  return setup({
    types: { context: {} as RunContext, events: {} as RunEvent },
    actors: { sandbox },
    guards: {
      isStarted: ({ context, event }) => isCurrent(context, event) && messageOf(event, "started") !== undefined,
      isPaced: ({ context }) => context.request?.mode === "paced",
      isNewSpeed: ({ context, event }) => event.type === "SET_SPEED" && context.request?.mode === "paced" && event.speed !== context.request.speed && event.speed >= MIN_SPEED && event.speed <= MAX_SPEED,
      isWaiting: ({ context, event }) => isCurrent(context, event) && messageOf(event, "awaiting-signal")?.waiting === true,
      isNotWaiting: ({ context, event }) => isCurrent(context, event) && messageOf(event, "awaiting-signal")?.waiting === false,
      isCompileError: ({ context, event }) => isCurrent(context, event) && messageOf(event, "compile-error") !== undefined,
      isEvents: ({ context, event }) => isCurrent(context, event) && messageOf(event, "events") !== undefined,
      isFailure: ({ context, event }) => isCurrent(context, event) && messageOf(event, "failure") !== undefined,
      isResult: ({ context, event }) => isCurrent(context, event) && messageOf(event, "result") !== undefined,
      isPanic: ({ context, event }) => isCurrent(context, event) && messageOf(event, "result")?.result.outcome === "panic",
      isDeadlock: ({ context, event }) => isCurrent(context, event) && messageOf(event, "result")?.result.outcome === "deadlock",
      isCurrentWorkerMessage: ({ context, event }) => event.type === "WORKER" && isCurrent(context, event),
    },
    actions: {
      startRun: assign(({ context, event }) => ({
        ...initialContext,
        runId: context.runId + 1,
        request: event.type === "RUN" ? event.request : context.request,
      })),
      appendEvents: assign({
        traceChunks: ({ context, event }) => {
          const batch = messageOf(event, "events")?.events;
          return batch && batch.length > 0 ? [...context.traceChunks, batch] : context.traceChunks;
        },
      }),
      // The worker streams the trace in batches and sends the result without it (no second copy).
      storeResult: assign({
        result: ({ context, event }) => {
          const result = messageOf(event, "result")?.result;
          return result && result.trace.length === 0 ? { ...result, trace: context.traceChunks.flat() } : result;
        },
      }),
      storeCompileError: assign({ compileError: ({ event }) => messageOf(event, "compile-error")?.error }),
      killedByUser: assign({ killed: { reason: "stopped", message: STOPPED_MESSAGE } }),
      killedByWatchdog: assign({ killed: { reason: "unresponsive", message: UNRESPONSIVE_MESSAGE } }),
      killedByFailure: assign({
        killed: ({ event }) => ({ reason: "crashed" as const, message: messageOf(event, "failure")?.message ?? "The sandbox failed." }),
      }),
      armWatchdog: raise({ type: "WATCHDOG" }, { id: "watchdog", delay: WATCHDOG_MS }),
      armStartupWatchdog: raise({ type: "WATCHDOG" }, { id: "watchdog", delay: STARTUP_MS }),
      disarmWatchdog: cancel("watchdog"),
      forwardSignal: sendTo("sandbox", ({ event }) => ({ type: "SEND_SIGNAL" as const, name: event.type === "SEND_SIGNAL" ? event.name : "SIGINT" })),
      // The request keeps the speed the run goes at now (a rerun of it starts there too).
      storeSpeed: assign({
        request: ({ context, event }) => (context.request && event.type === "SET_SPEED" ? { ...context.request, speed: event.speed } : context.request),
      }),
      forwardSpeed: sendTo("sandbox", ({ context, event }) => ({ type: "SET_SPEED" as const, speed: event.type === "SET_SPEED" ? event.speed : (context.request?.speed ?? 1) })),
    },
  }).createMachine({
    id: "run",
    context: initialContext,
    initial: "idle",
    states: {
      idle: { on: { RUN: { target: "active", actions: "startRun" } } },
      active: {
        invoke: {
          id: "sandbox",
          src: "sandbox",
          input: ({ context }) => ({ runId: context.runId, request: context.request as RunRequest }),
        },
        entry: "armStartupWatchdog",
        exit: "disarmWatchdog",
        on: {
          // Run again while running: the current run ends (its worker is killed) and a new one starts.
          RUN: { target: "#run.active", reenter: true, actions: "startRun" },
          STOP: { target: "killed", actions: "killedByUser" },
          // Compiling, live or waiting for a signal: a live run takes its new speed at once (the
          // worker keeps one that arrives before the program started). An instant run ignores it.
          SET_SPEED: { guard: "isNewSpeed", actions: ["storeSpeed", "forwardSpeed"] },
          WORKER: [
            { guard: "isCompileError", target: "compileError", actions: "storeCompileError" },
            { guard: "isEvents", actions: ["appendEvents", "disarmWatchdog", "armWatchdog"] },
            { guard: "isFailure", target: "killed", actions: "killedByFailure" },
            { guard: "isPanic", target: "panicked", actions: "storeResult" },
            { guard: "isDeadlock", target: "deadlocked", actions: "storeResult" },
            { guard: "isResult", target: "finished", actions: "storeResult" },
            // Heartbeats and anything else of this run: the worker is alive.
            { guard: "isCurrentWorkerMessage", actions: ["disarmWatchdog", "armWatchdog"] },
          ],
          WATCHDOG: { target: "killed", actions: "killedByWatchdog" },
        },
        initial: "compiling",
        states: {
          compiling: {
            on: {
              WORKER: [
                { guard: and(["isStarted", "isPaced"]), target: "paced", actions: ["disarmWatchdog", "armWatchdog"] },
                { guard: "isStarted", target: "running", actions: ["disarmWatchdog", "armWatchdog"] },
              ],
            },
          },
          running: {},
          // A live run takes signals at any time (the runtime delivers them to signal.notify
          // channels, or ends the run with outcome "signal"); awaitingSignal is where it only waits.
          paced: {
            on: {
              SEND_SIGNAL: { actions: "forwardSignal" },
              WORKER: { guard: "isWaiting", target: "awaitingSignal", actions: ["disarmWatchdog", "armWatchdog"] },
            },
          },
          awaitingSignal: {
            on: {
              SEND_SIGNAL: { actions: "forwardSignal" },
              WORKER: { guard: "isNotWaiting", target: "paced", actions: ["disarmWatchdog", "armWatchdog"] },
            },
          },
        },
      },
      finished: { on: { RUN: { target: "active", actions: "startRun" } } },
      panicked: { on: { RUN: { target: "active", actions: "startRun" } } },
      deadlocked: { on: { RUN: { target: "active", actions: "startRun" } } },
      killed: { on: { RUN: { target: "active", actions: "startRun" } } },
      compileError: { on: { RUN: { target: "active", actions: "startRun" } } },
    },
  });
}

function isCurrent(context: RunContext, event: RunEvent): boolean {
  return event.type === "WORKER" && (!("runId" in event.message) || event.message.runId === context.runId);
}

export type RunMachine = ReturnType<typeof createRunMachine>;
export type RunActor = ActorRefFrom<RunMachine>;
export type RunSnapshot = SnapshotFrom<RunMachine>;

/** The lifecycle state in one word, for the UI. */
export type RunStatus = "idle" | "compiling" | "running" | "paced" | "awaitingSignal" | "finished" | "panicked" | "deadlocked" | "killed" | "compileError";

export function statusOf(snapshot: RunSnapshot): RunStatus {
  for (const s of ["compiling", "running", "paced", "awaitingSignal"] as const) {
    if (snapshot.matches({ active: s })) return s;
  }
  for (const s of ["idle", "finished", "panicked", "deadlocked", "killed", "compileError"] as const) {
    if (snapshot.matches(s)) return s;
  }
  return "idle";
}
