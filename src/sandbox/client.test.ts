import { describe, expect, it } from "vitest";
import { createWorkerPort, WorkerPool } from "./client.ts";
import type { FromWorker, RunRequest } from "./protocol.ts";

/** Stands in for a module worker: records what the page posts and lets the test answer. */
class FakeWorker {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const request: RunRequest = { source: "export default function main() {}", seed: 1, mode: "instant", speed: 1, signals: [] };

function setup() {
  const made: FakeWorker[] = [];
  const pool = new WorkerPool(() => {
    const w = new FakeWorker();
    made.push(w);
    return w as unknown as Worker;
  });
  const received: FromWorker[] = [];
  const handle = createWorkerPort(pool).start(7, request, (m) => received.push(m));
  return { made, received, handle, worker: made[0] as FakeWorker };
}

describe("the worker port", () => {
  it("sends the run request to a worker and passes its valid messages on", () => {
    const { worker, received } = setup();
    expect(worker.posted).toEqual([{ type: "run", runId: 7, ...request }]);
    worker.answer({ type: "ready" });
    worker.answer({ type: "started", runId: 7 });
    expect(received).toEqual([{ type: "started", runId: 7 }]);
  });

  it("turns a malformed message into a failure and terminates the worker", () => {
    const { worker, received } = setup();
    worker.answer({ type: "result", runId: 7, result: { outcome: "great" } });
    expect(worker.terminated).toBe(true);
    expect(received).toEqual([{ type: "failure", runId: 7, message: "The sandbox sent a malformed message (malformed run result), so the run was stopped." }]);
    worker.answer({ type: "started", runId: 7 });
    expect(received).toHaveLength(1);
  });

  it("ignores messages of another run", () => {
    const { worker, received } = setup();
    worker.answer({ type: "started", runId: 6 });
    expect(received).toEqual([]);
  });

  it("never reuses a worker: it is terminated when the run ends", () => {
    const { worker } = setup();
    worker.answer({ type: "compile-error", runId: 7, error: { message: "x", line: 1, column: 1 } });
    expect(worker.terminated).toBe(true);
  });

  it("kill terminates at once; signals go to the worker only while the run lives", () => {
    const { worker, handle } = setup();
    handle.signal("SIGTERM");
    expect(worker.posted.at(-1)).toEqual({ type: "signal", runId: 7, name: "SIGTERM" });
    handle.kill();
    expect(worker.terminated).toBe(true);
    handle.signal("SIGINT");
    expect(worker.posted).toHaveLength(2);
  });

  it("a worker error (a crash) becomes a failure with its message", () => {
    const { worker, received } = setup();
    worker.onerror?.({ message: "Uncaught RangeError: Array buffer allocation failed", preventDefault() {} } as ErrorEvent);
    expect(received).toEqual([{ type: "failure", runId: 7, message: "The sandbox stopped: RangeError: Array buffer allocation failed." }]);
    expect(worker.terminated).toBe(true);
  });
});

describe("WorkerPool", () => {
  it("hands out the warm worker and starts the next one", async () => {
    let n = 0;
    const pool = new WorkerPool(() => ({ id: ++n }) as unknown as Worker);
    pool.warm();
    pool.warm(); // one spare at most
    expect((pool.take() as unknown as { id: number }).id).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect((pool.take() as unknown as { id: number }).id).toBe(2);
    expect(n).toBe(2);
  });
});
