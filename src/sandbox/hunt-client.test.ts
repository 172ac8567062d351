import { afterEach, describe, expect, it, vi } from "vitest";
import { HUNT_SILENCE_MS, startHunt } from "./hunt-client.ts";
import { isFromHuntWorker, isToHuntWorker, type HuntRequest } from "./hunt-protocol.ts";

/** A stand-in for the hunt worker: records what the page posts and lets the test answer. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
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

const request: HuntRequest = { source: "export default async function main() {}", fromSeed: 3, tries: 50, signals: [] };

function start() {
  const fake = new FakeWorker();
  const progress: number[] = [];
  const handle = startHunt(request, (tried) => progress.push(tried), () => fake as unknown as Worker);
  return { fake, progress, handle };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("hunt protocol", () => {
  it("accepts a well-formed request and rejects a hunt without bounds or with a malformed goal", () => {
    expect(isToHuntWorker({ type: "hunt", ...request })).toBe(true);
    expect(isToHuntWorker({ type: "hunt", ...request, goals: [{ kind: "prints", value: "x", text: "Prints x" }] })).toBe(true);
    expect(isToHuntWorker({ type: "hunt", ...request, tries: 0 })).toBe(false);
    expect(isToHuntWorker({ type: "hunt", ...request, tries: 1e9 })).toBe(false);
    expect(isToHuntWorker({ type: "hunt", ...request, goals: [{ kind: "prints", value: 3, text: "" }] })).toBe(false);
  });

  it("accepts the worker's messages and rejects unknown or partial ones", () => {
    expect(isFromHuntWorker({ type: "found", seed: 2, tried: 2, reason: "ended with outcome panic" })).toBe(true);
    expect(isFromHuntWorker({ type: "found", seed: 2 })).toBe(false);
    expect(isFromHuntWorker({ type: "steal-cookies" })).toBe(false);
  });
});

describe("startHunt", () => {
  it("posts the request, reports progress, and resolves with the failing seed, ending the worker", async () => {
    const { fake, progress, handle } = start();
    expect(fake.posted).toEqual([{ type: "hunt", ...request }]);
    fake.answer({ type: "ready" });
    fake.answer({ type: "progress", tried: 1, seed: 3 });
    fake.answer({ type: "progress", tried: 2, seed: 4 });
    fake.answer({ type: "found", seed: 4, tried: 2, reason: "ended with outcome deadlock" });
    await expect(handle.done).resolves.toEqual({ kind: "found", seed: 4, tried: 2, reason: "ended with outcome deadlock" });
    expect(progress).toEqual([1, 2]);
    expect(fake.terminated).toBe(true);
  });

  it("stop() ends the hunt at once with how many seeds were tried", async () => {
    const { fake, handle } = start();
    fake.answer({ type: "progress", tried: 7, seed: 9 });
    handle.stop();
    await expect(handle.done).resolves.toEqual({ kind: "stopped", tried: 7 });
    expect(fake.terminated).toBe(true);
  });

  it("a worker that stops answering (a spinning program) is terminated and the hunt says why", async () => {
    vi.useFakeTimers();
    const { fake, handle } = start();
    fake.answer({ type: "progress", tried: 1, seed: 3 });
    vi.advanceTimersByTime(HUNT_SILENCE_MS + 1);
    const outcome = await handle.done;
    expect(outcome).toMatchObject({ kind: "error", tried: 1 });
    expect(outcome.kind === "error" && outcome.message).toMatch(/^Seed 4 ran for 4 s without yielding/);
    expect(fake.terminated).toBe(true);
  });

  it("a malformed message stops the hunt instead of being half-used", async () => {
    const { fake, handle } = start();
    fake.answer({ type: "found", seed: "2" });
    await expect(handle.done).resolves.toMatchObject({ kind: "error", message: expect.stringMatching(/malformed/) });
  });
});
