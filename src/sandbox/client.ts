// The page's side of the sandbox: starts each run in a fresh module worker and checks every
// message that comes back (protocol.ts) before the run machine sees it. One worker is kept warm
// (loaded, waiting) so a Run does not wait for the worker's code; a used or killed worker is
// terminated, never reused, and the next warm one is started right away.

import { parseFromWorker, type FromWorker, type RunRequest, type SignalName, type ToWorker } from "./protocol.ts";
import type { RunHandle, SandboxPort } from "./run-machine.ts";

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "chanscope-sandbox" });

/** Keeps at most one idle worker ready. */
export class WorkerPool {
  #warm: Worker | undefined;
  readonly #make: WorkerFactory;

  constructor(make: WorkerFactory = defaultFactory) {
    this.#make = make;
  }

  /** Starts a worker loading now, if none is waiting. */
  warm(): void {
    this.#warm ??= this.#make();
  }

  /** A worker for a run: the warm one if there is one; a new warm one starts loading. */
  take(): Worker {
    const worker = this.#warm ?? this.#make();
    this.#warm = undefined;
    // Let this run's worker start first; the spare loads while it compiles.
    setTimeout(() => this.warm(), 0);
    return worker;
  }
}

const sharedPool = new WorkerPool();

/** Starts the shared warm worker (call when a playground comes into view or gets focus). */
export function warmSandbox(): void {
  sharedPool.warm();
}

/** The run machine's port to real workers. */
export function createWorkerPort(pool: WorkerPool = sharedPool): SandboxPort {
  return {
    start(runId: number, request: RunRequest, onMessage: (message: FromWorker) => void): RunHandle {
      const worker = pool.take();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        worker.terminate();
      };
      const fail = (message: string) => {
        if (ended) return;
        end();
        onMessage({ type: "failure", runId, message });
      };
      worker.onmessage = (event: MessageEvent) => {
        if (ended) return;
        const parsed = parseFromWorker(event.data);
        if (!parsed.ok) {
          fail(`The sandbox sent a malformed message (${parsed.reason}), so the run was stopped.`);
          return;
        }
        const message = parsed.value;
        if (message.type === "ready") return;
        if ("runId" in message && message.runId !== runId) return;
        onMessage(message);
        if (message.type === "result" || message.type === "compile-error" || message.type === "failure") end();
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        fail(
          event.message
            ? `The sandbox stopped: ${event.message.replace(/^Uncaught /, "")}.`
            : "The sandbox stopped unexpectedly (it may have run out of memory).",
        );
      };
      worker.onmessageerror = () => fail("The sandbox sent a message that could not be read, so the run was stopped.");
      const send = (message: ToWorker) => {
        if (!ended) worker.postMessage(message);
      };
      send({ type: "run", runId, ...request });
      return {
        signal: (name: SignalName) => send({ type: "signal", runId, name }),
        setSpeed: (speed: number) => send({ type: "speed", runId, speed }),
        kill: end,
      };
    },
  };
}
