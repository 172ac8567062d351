// The page's side of "Run until it fails": starts a hunt worker, checks what it sends, and ends
// it — when the hunt is over, when the learner stops it, or when it stops answering (a program
// that spins without ever yielding cannot be stopped from inside; the worker is terminated).

import { isFromHuntWorker, type HuntRequest } from "./hunt-protocol.ts";

/** No message for this long means a run is spinning: the worker is terminated. */
export const HUNT_SILENCE_MS = 4000;

export type HuntOutcome =
  | { kind: "found"; seed: number; tried: number; reason: string }
  | { kind: "exhausted"; tried: number }
  | { kind: "stopped"; tried: number }
  | { kind: "error"; message: string; tried: number };

export interface HuntHandle {
  /** Settles once, with how the hunt ended. */
  done: Promise<HuntOutcome>;
  /** Ends the hunt now; `done` settles with kind "stopped". */
  stop(): void;
}

export type HuntWorkerFactory = () => Worker;

const defaultFactory: HuntWorkerFactory = () => new Worker(new URL("./hunt-worker.ts", import.meta.url), { type: "module", name: "chanscope-hunt" });

export function startHunt(request: HuntRequest, onProgress: (tried: number, seed: number) => void, make: HuntWorkerFactory = defaultFactory): HuntHandle {
  const worker = make();
  let tried = 0;
  let settle: (o: HuntOutcome) => void = () => {};
  const done = new Promise<HuntOutcome>((resolve) => {
    settle = resolve;
  });
  let over = false;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const finish = (outcome: HuntOutcome) => {
    if (over) return;
    over = true;
    if (silence !== undefined) clearTimeout(silence);
    worker.terminate();
    settle(outcome);
  };
  const watch = () => {
    if (silence !== undefined) clearTimeout(silence);
    silence = setTimeout(
      () => finish({ kind: "error", tried, message: `Seed ${request.fromSeed + tried} ran for ${HUNT_SILENCE_MS / 1000} s without yielding (an endless loop?), so the hunt was stopped.` }),
      HUNT_SILENCE_MS,
    );
  };

  worker.onmessage = (event: MessageEvent) => {
    if (over) return;
    const m: unknown = event.data;
    if (!isFromHuntWorker(m)) {
      finish({ kind: "error", tried, message: "The hunt worker sent a malformed message, so the hunt was stopped." });
      return;
    }
    watch();
    switch (m.type) {
      case "ready":
        return;
      case "progress":
        tried = m.tried;
        onProgress(m.tried, m.seed);
        return;
      case "found":
        finish({ kind: "found", seed: m.seed, tried: m.tried, reason: m.reason });
        return;
      case "exhausted":
        finish({ kind: "exhausted", tried: m.tried });
        return;
      case "compile-error":
        finish({ kind: "error", tried, message: `The code does not compile (line ${m.line}, column ${m.column}): ${m.message}` });
        return;
      case "failure":
        finish({ kind: "error", tried, message: m.message });
        return;
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    finish({ kind: "error", tried, message: event.message ? `The hunt worker stopped: ${event.message.replace(/^Uncaught /, "")}.` : "The hunt worker stopped unexpectedly." });
  };
  worker.postMessage({ type: "hunt", ...request });
  watch();
  return { done, stop: () => finish({ kind: "stopped", tried }) };
}
