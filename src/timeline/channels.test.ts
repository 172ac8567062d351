import { describe, expect, it } from "vitest";
import { runUserSource } from "../sandbox/node-runner.ts";
import { channelStep, describeChannel, summarizeChannels, type ChannelSummary } from "./channels.ts";
import { BUFFERED_VS_UNBUFFERED, CANCEL_TREE, DEADLOCK } from "./fixtures.ts";
import { buildTimeline } from "./model.ts";

async function channelsOf(source: string): Promise<ChannelSummary[]> {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return summarizeChannels(buildTimeline(r.result.trace, r.result));
}

function named(all: ChannelSummary[], name: string): ChannelSummary {
  const s = all.find((c) => c.name === name);
  if (s === undefined) throw new Error(`no channel ${name} in ${all.map((c) => c.name).join(", ")}`);
  return s;
}

describe("the channel view", () => {
  it("counts a buffered channel's traffic, its fullest buffer and its close", async () => {
    const all = await channelsOf(BUFFERED_VS_UNBUFFERED);
    const queue = named(all, "queue");
    expect(queue).toMatchObject({ kind: "channel", cap: 3, sent: 3, received: 3, senders: ["producer"], receivers: ["main"], stuck: [] });
    expect(queue.maxFill).toBeGreaterThanOrEqual(1);
    expect(queue.maxFill).toBeLessThanOrEqual(3);
    expect(queue.closed?.by).toBe("producer");
    const handoff = named(all, "handoff");
    expect(handoff).toMatchObject({ cap: 0, sent: 1, received: 1, maxFill: 0, closed: null });
    expect(describeChannel(queue)).toMatch(/^queue \(buffer of 3\): 3 values sent by producer; 3 received by main; at most \d of 3 buffered; closed at 0 ms by producer\.$/);
  });

  it("names the tasks stuck on a channel in a deadlock", async () => {
    const all = await channelsOf(DEADLOCK);
    // main waits on done, the worker on results: each is named on its own channel.
    expect(named(all, "done").stuck).toEqual(["main"]);
    expect(named(all, "results").stuck).toEqual(["worker"]);
    expect(describeChannel(named(all, "results"))).toBe("results (unbuffered): no value ever went through it; 1 task stuck on it for good: worker.");
  });

  it("lists the program's channels first, then timers, then contexts' Done() by their context", async () => {
    const all = await channelsOf(CANCEL_TREE);
    const kinds = all.map((c) => c.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ["channel", "timer", "context"].indexOf(a) - ["channel", "timer", "context"].indexOf(b)));
    expect(all.some((c) => c.kind === "timer" && c.senders.includes("timer"))).toBe(true);
    const done = all.filter((c) => c.kind === "context");
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (const c of done) expect(c.name).toMatch(/\.Done\(\)$/);
    expect(done.some((c) => c.closed !== null)).toBe(true);
  });

  it("keeps each channel's events ascending and steps through them from the cursor", async () => {
    const all = await channelsOf(BUFFERED_VS_UNBUFFERED);
    const queue = named(all, "queue");
    expect(queue.events).toEqual([...queue.events].sort((a, b) => a - b));
    expect(new Set(queue.events).size).toBe(queue.events.length);
    const [first, second] = queue.events;
    expect(channelStep(queue, -1, 1)).toBe(first);
    expect(channelStep(queue, first, 1)).toBe(second);
    expect(channelStep(queue, second, -1)).toBe(first);
    expect(channelStep(queue, first, -1)).toBeNull();
    expect(channelStep(queue, queue.events[queue.events.length - 1], 1)).toBeNull();
  });
});
