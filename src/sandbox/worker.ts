// The sandbox: a module Web Worker that runs one user program (DESIGN §5). The page makes a fresh
// worker for each run (client.ts keeps one warm), so nothing a program leaves behind reaches the
// next. Order matters here:
//   1. this module's imports load the runtime, xstate and the compiler;
//   2. the worker keeps its own postMessage, then locks down its globals (sandbox-globals.ts);
//   3. on a valid "run" message it compiles, imports the program as a factory from a blob: URL
//      (no eval) and calls it inside main's task via run(), streaming trace batches and posting
//      a heartbeat every 250 ms, so the page's watchdog can tell a busy loop from a slow program.

import * as xstate from "xstate";
import * as chanscope from "../runtime/index.ts";
import { run, type RunControl } from "../runtime/run.ts";
import { withVirtualClock } from "../runtime/xstate.ts";
import { compileUserModule } from "./compile.ts";
import { factoryModuleSource, requireFrom, type ModuleFactory } from "./module-factory.ts";
import { parseToWorker, type FromWorker, type RunRequest, type SignalName, type WireRunResult, type WireTraceEvent } from "./protocol.ts";
import { lockDown } from "./sandbox-globals.ts";
import { mainOf } from "./user-main.ts";

const HEARTBEAT_MS = 250;
/** Trace events go to the page at most this often (or when this many are waiting), not per batch. */
const FLUSH_MS = 50;
const FLUSH_EVENTS = 20_000;

const post: (message: FromWorker) => void = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);
const requireAllowed = requireFrom({ chanscope, xstate: withVirtualClock(xstate) });
lockDown(self);

let busy = false;
let control: Pick<RunControl, "signal" | "setSpeed"> | undefined;
/** A live speed change that came before the run had started (while compiling). */
let speedDuringStart: number | undefined;
let currentRunId = -1;

async function loadFactory(js: string): Promise<ModuleFactory> {
  const url = URL.createObjectURL(new Blob([factoryModuleSource(js)], { type: "text/javascript" }));
  try {
    const module = (await import(/* @vite-ignore */ url)) as { default: ModuleFactory };
    return module.default;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function runProgram(runId: number, request: RunRequest): Promise<void> {
  currentRunId = runId;
  speedDuringStart = undefined;
  post({ type: "heartbeat", runId });
  const heartbeat = setInterval(() => post({ type: "heartbeat", runId }), HEARTBEAT_MS);
  try {
    const compiled = compileUserModule(request.source);
    if (!compiled.ok) {
      post({ type: "compile-error", runId, error: compiled.error });
      return;
    }
    const factory = await loadFactory(compiled.js);
    post({ type: "started", runId });
    let pending: WireTraceEvent[] = [];
    let lastFlush = performance.now();
    const flush = () => {
      if (pending.length > 0) post({ type: "events", runId, events: pending });
      pending = [];
      lastFlush = performance.now();
    };
    const result = await run(
      async () => {
        const exports: Record<string, unknown> = {};
        await factory(requireAllowed, exports);
        return mainOf(exports)();
      },
      {
        seed: request.seed,
        explore: request.explore ?? false,
        signals: request.signals,
        // A busy loop fills the trace fast; a million events keeps the page's memory in bounds.
        limits: { events: 1_000_000 },
        paced: request.mode === "paced" ? { speed: request.speed } : undefined,
        onEvents: (events) => {
          let printed = false;
          for (const e of events) {
            pending.push(e);
            if (e.kind === "log") printed = true;
          }
          // Output goes out at once: the next statement may be an endless loop that the page kills.
          if (printed || pending.length >= FLUSH_EVENTS || performance.now() - lastFlush >= FLUSH_MS) flush();
        },
        onStart: (c) => {
          control = c;
          // A speed chosen while the program was compiling applies from the first instant.
          if (speedDuringStart !== undefined) c.setSpeed(speedDuringStart);
        },
        onAwaitingSignal: (waiting) => {
          flush();
          post({ type: "awaiting-signal", runId, waiting });
        },
      },
    );
    // The trace has been streamed batch by batch; the page joins the batches.
    flush();
    // Built field by field: reading result.trace would make the runtime build every event again.
    const { outcome, virtualMs, output, tasks, leaks, report, panic } = result;
    const sent: WireRunResult = { outcome, virtualMs, output, tasks, leaks, report, trace: [] };
    if (panic) sent.panic = panic;
    post({ type: "result", runId, result: sent });
  } catch (e) {
    post({ type: "failure", runId, message: `The sandbox failed: ${messageOf(e)}` });
  } finally {
    clearInterval(heartbeat);
    control = undefined;
  }
}

listen("message", (event: MessageEvent) => {
  const parsed = parseToWorker(event.data);
  if (!parsed.ok) return; // Only the page can post here; a malformed message is dropped.
  const message = parsed.value;
  if (message.type === "signal") {
    if (message.runId === currentRunId) control?.signal(message.name satisfies SignalName);
    return;
  }
  if (message.type === "speed") {
    if (message.runId !== currentRunId) return;
    if (control !== undefined) control.setSpeed(message.speed);
    else speedDuringStart = message.speed;
    return;
  }
  if (busy) {
    post({ type: "failure", runId: message.runId, message: "This sandbox is already running a program." });
    return;
  }
  busy = true;
  const { runId, type: _type, ...request } = message;
  void runProgram(runId, request);
});

post({ type: "ready" });
