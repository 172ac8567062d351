import { describe, expect, it } from "vitest";
import type { RunResult } from "../runtime/run.ts";
import { runUserSource } from "../sandbox/node-runner.ts";
import { buildAxis, indexAtOrBefore, ticks, timeAtX, xOfTime } from "./axis.ts";
import { BUFFERED_VS_UNBUFFERED, BUSY_LOOP, CANCEL_TREE, DEADLOCK, DRAIN, LEAK, manyEvents, STATE_MACHINE, STATE_MACHINE_RETRY } from "./fixtures.ts";
import { visibleRuns } from "./lod.ts";
import { BUSY_OPS, buildTimeline, MAX_KEPT_EVENTS, type Lane, type TimelineModel } from "./model.ts";
import { buildRows, DEFAULT_FILTER } from "./rows.ts";
import { cancelWaves, describeWaveTask } from "./wave.ts";

async function runOf(source: string): Promise<RunResult> {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(`fixture does not compile: ${r.error.message} at line ${r.error.line}`);
  return r.result;
}

async function modelOf(source: string): Promise<{ model: TimelineModel; result: RunResult }> {
  const result = await runOf(source);
  return { model: buildTimeline(result.trace, result), result };
}

function laneNamed(model: TimelineModel, name: string): Lane {
  const lane = model.lanes.find((l) => l.name === name);
  if (lane === undefined) throw new Error(`no lane named ${name}: ${model.lanes.map((l) => l.name).join(", ")}`);
  return lane;
}

/** Segments must tile a lane: sorted, contiguous, non-empty. */
function expectContiguous(lane: Lane): void {
  for (let i = 0; i < lane.segments.length; i++) {
    const s = lane.segments[i];
    expect(s.end, `${lane.name} segment ${i}`).toBeGreaterThan(s.start);
    if (i > 0) expect(s.start, `${lane.name} segment ${i} starts where ${i - 1} ended`).toBe(lane.segments[i - 1].end);
  }
}

describe("lanes and segments", () => {
  it("one lane per task in spawn order, each under the task that spawned it, with contiguous segments", async () => {
    const { model } = await modelOf(CANCEL_TREE);
    expect(model.lanes.map((l) => l.name)).toEqual(["main", "listener", "worker", "poller"]);
    expect(model.lanes.map((l) => l.depth)).toEqual([0, 1, 1, 1]);
    expect(model.lanes[0].children).toEqual(model.lanes.slice(1).map((l) => l.task));
    for (const lane of model.lanes) expectContiguous(lane);
  });

  it("blocked segments carry the wait reason, its category, the channels and the line", async () => {
    const { model } = await modelOf(CANCEL_TREE);
    const worker = laneNamed(model, "worker");
    const states = worker.segments.map((s) => s.state);
    expect(states).toEqual(["runnable", "running", "recv", "runnable", "running", "sleep", "runnable", "running"]);
    const recv = worker.segments[2];
    expect(recv.reason).toBe("chan receive");
    expect(recv.loc?.line).toBe(12);
    // A context's done channel is named for its context, as the program reads it.
    expect(model.chans.get(recv.chans?.[0] as number)?.name).toBe("withTimeout(500).Done()");
    expect(worker.end.kind).toBe("exited");
    const main = laneNamed(model, "main");
    expect(main.segments.some((s) => s.state === "sync" && s.reason === "sync.WaitGroup.Wait")).toBe(true);
  });

  it("collapsing main hides every task it spawned; filters hide exited lanes and never-blocked ones", async () => {
    const { model } = await modelOf(BUFFERED_VS_UNBUFFERED);
    const main = laneNamed(model, "main");
    const collapsed = buildRows(model, { ...DEFAULT_FILTER, collapsed: new Set([main.task]) });
    expect(collapsed).toEqual([{ kind: "lane", lane: 0, depth: 0, hiddenChildren: 1 }]);
    expect(buildRows(model, { ...DEFAULT_FILTER, hideExited: true })).toEqual([]);
    const { model: deadlocked } = await modelOf(DEADLOCK);
    expect(buildRows(deadlocked, { ...DEFAULT_FILTER, hideExited: true, onlyBlocked: true }).length).toBe(2);
  });
});

describe("message arrows", () => {
  it("pair every send with its receive by msg; an unbuffered hand-off differs from a buffered delivery", async () => {
    const { model, result } = await modelOf(BUFFERED_VS_UNBUFFERED);
    const sends = result.trace.filter((e) => e.kind === "chan.send").length;
    expect(model.arrows.length).toBe(sends);
    const byChan = (name: string) => model.arrows.filter((a) => model.chans.get(a.chan)?.name === name);
    expect(byChan("handoff").map((a) => a.kind)).toEqual(["handoff"]);
    expect(byChan("queue").map((a) => a.kind)).toEqual(["buffered", "buffered", "buffered"]);
    expect(byChan("queue").map((a) => a.preview)).toEqual(["0", "1", "2"]);
    for (const a of model.arrows) {
      expect(a.from).toBeLessThan(a.to);
      const send = model.events[a.from];
      const recv = model.events[a.to];
      expect(send.kind === "chan.send" && recv.kind === "chan.recv" && send.msg === recv.msg).toBe(true);
    }
    // The buffered values wait in the queue: at least one is received well after it was sent.
    expect(byChan("queue").some((a) => a.to - a.from > 2)).toBe(true);
  });

  it("a buffered channel's fill rises with each queued send and falls with each receive", async () => {
    const { model } = await modelOf(BUFFERED_VS_UNBUFFERED);
    const queue = [...model.chans.values()].find((c) => c.name === "queue");
    expect(queue?.fill?.count).toEqual([1, 2, 3, 2, 1, 0]);
    expect([...model.chans.values()].find((c) => c.name === "handoff")?.fill).toBeNull();
    const rows = buildRows(model, { ...DEFAULT_FILTER, showBuffers: true });
    expect(rows.filter((r) => r.kind === "chan").length).toBe(1);
  });

  it("a timer's value is an arrow from no task", async () => {
    const { model } = await modelOf(CANCEL_TREE);
    const timer = model.arrows.filter((a) => a.kind === "timer");
    expect(timer.length).toBeGreaterThan(0);
    expect(timer.every((a) => a.fromTask === null && a.toTask === laneNamed(model, "poller").task)).toBe(true);
  });
});

describe("diagnosis", () => {
  it("a deadlock leaves every lane stuck with its wait reason and line", async () => {
    const { model, result } = await modelOf(DEADLOCK);
    expect(result.outcome).toBe("deadlock");
    expect(model.deadlock).toBe(true);
    const ends = model.lanes.map((l) => [l.name, l.end.kind === "stuck" ? `${l.end.reason}@${l.end.loc?.line}` : l.end.kind]);
    expect(ends).toEqual([
      ["main", "chan receive@9"],
      ["worker", "chan send@6"],
    ]);
    // The stuck segment runs to the end of the trace.
    for (const l of model.lanes) expect(l.segments[l.segments.length - 1].end).toBe(model.events.length);
  });

  it("deadlock is inferred from the trace alone when no result is given (a streamed run)", async () => {
    const result = await runOf(DEADLOCK);
    expect(buildTimeline(result.trace).deadlock).toBe(true);
    expect(buildTimeline((await runOf(LEAK)).trace).deadlock).toBe(false);
  });

  it("a leak is stuck where the runtime says, after main returned, and drawn as the drain phase", async () => {
    const { model, result } = await modelOf(LEAK);
    expect(result.leaks.map((l) => [l.name, l.waitReason, l.since])).toEqual([["search", "chan send", 200]]);
    const search = laneNamed(model, "search");
    expect(search.leaked).toBe(true);
    expect(search.end).toMatchObject({ kind: "stuck", reason: "chan send", since: 200, leaked: true });
    expect(model.mainEndIdx).not.toBeNull();
    expect(model.events[model.mainEndIdx as number].t).toBe(400);
    const last = search.segments[search.segments.length - 1];
    expect(last.drain).toBe(true);
    expect(last.start).toBe(model.mainEndIdx);
    expect(laneNamed(model, "main").leaked).toBe(false);
  });

  it("a task that runs on after main returned has its post-mortem segments marked as drain", async () => {
    const { model, result } = await modelOf(DRAIN);
    expect(result.virtualMs).toBe(20);
    const saver = laneNamed(model, "saver");
    expect(saver.leaked).toBe(true);
    expect(saver.end.kind).toBe("exited");
    const mainEnd = model.mainEndIdx as number;
    for (const s of saver.segments) expect(s.drain).toBe(s.start >= mainEnd);
    expect(saver.segments.filter((s) => s.drain).map((s) => s.state)).toContain("running");
    expect(model.endMs).toBe(100);
  });

  it("a task that ran hundreds of operations without blocking is flagged busy", async () => {
    const { model } = await modelOf(BUSY_LOOP);
    const spinner = laneNamed(model, "spinner");
    expect(spinner.busy?.ops).toBeGreaterThanOrEqual(BUSY_OPS);
    expect(laneNamed(model, "main").busy).toBeNull();
  });

  it("in explore mode a random task switch is not taken for a 1 000-operation yield", async () => {
    // Four tasks that each sleep five times: nobody is busy, however the seed interleaves them.
    const source = `import { go, sleep, WaitGroup } from "chanscope";
export default async function main() {
  const wg = new WaitGroup();
  for (let r = 0; r < 4; r++) wg.go(async () => { for (let i = 0; i < 5; i++) await sleep(0); });
  await wg.wait();
}`;
    for (const seed of [1, 2, 6]) {
      const r = await runUserSource(source, { seed, explore: true });
      if (!r.ok) throw new Error(r.error.message);
      // Read as 1 000 operations each, the random switches would flag lanes busy (so this run has
      // them); read as the few operations they stand for in explore mode, they flag nobody.
      expect(buildTimeline(r.result.trace, r.result).lanes.some((l) => l.busy !== null)).toBe(true);
      expect(buildTimeline(r.result.trace, r.result, { explore: true }).lanes.filter((l) => l.busy !== null).map((l) => l.name)).toEqual([]);
    }
  });
});

describe("context tree and the cancellation wave", () => {
  it("builds the tree with cancel times, errors and who cancelled", async () => {
    const { model } = await modelOf(CANCEL_TREE);
    expect(model.contexts.map((c) => [c.name, c.depth])).toEqual([
      ["background", 0],
      ["withCancel", 1],
      ["withTimeout(500)", 2],
    ]);
    const [, request, step] = model.contexts;
    expect(model.events[request.cancelIdx as number].t).toBe(30);
    expect(request.cancelledBy).toBe(laneNamed(model, "main").task);
    expect(step.origin).toBe(request.id);
    expect(step.cancelledBy).toBeNull();
    expect(step.err).toBe("context canceled");
  });

  it("one wave per cancel: it reaches the child context and every listener, with time to notice and to exit", async () => {
    const { model } = await modelOf(CANCEL_TREE);
    const waves = cancelWaves(model);
    expect(waves.length).toBe(1);
    const [w] = waves;
    expect(w.atMs).toBe(30);
    expect(w.contexts).toEqual([2, 3]);
    const figures = Object.fromEntries(w.tasks.map((t) => [t.name, [t.woken, t.noticeMs, t.exitMs]]));
    expect(figures).toEqual({ listener: [true, 0, 0], worker: [true, 0, 40], poller: [true, 0, 0] });
    const worker = w.tasks.find((t) => t.name === "worker");
    expect(worker && describeWaveTask(worker)).toBe("worker woke at once; kept running 40 ms after cancel");
  });
});

describe("state machines", () => {
  it("each XState actor gets a row with its states over virtual time", async () => {
    const { model } = await modelOf(STATE_MACHINE);
    expect(model.fsms.map((f) => f.machine)).toEqual(["door"]);
    const states = model.fsms[0].states.map((s) => [s.state, model.events[s.start].t, s.event]);
    expect(states).toEqual([
      ["closed", 0, "xstate.init"],
      ["open", 10, "OPEN"],
      ["closed", 60, expect.stringContaining("after")],
    ]);
    const rows = buildRows(model, DEFAULT_FILTER);
    expect(rows.filter((r) => r.kind === "fsm").length).toBe(1);
  });

  it("a retry that re-enters its state keeps one bar and marks each re-entry on it", async () => {
    const { model } = await modelOf(STATE_MACHINE_RETRY);
    const states = model.fsms[0].states.map((s) => [s.state, model.events[s.start].t, s.reentries.map((i) => model.events[i].t)]);
    expect(states).toEqual([
      ["synSent", 0, [3000, 6000]],
      ["established", 7000, []],
    ]);
  });
});

describe("axis", () => {
  it("the hybrid axis separates events at one virtual instant and keeps time gaps", async () => {
    const { model } = await modelOf(LEAK);
    const axis = buildAxis(model.events, model.endMs, "hybrid");
    for (let i = 1; i < axis.pos.length; i++) expect(axis.pos[i]).toBeGreaterThan(axis.pos[i - 1]);
    const time = buildAxis(model.events, model.endMs, "time");
    expect(time.pos[1]).toBe(time.pos[0]);
    // Inverse mappings agree.
    expect(timeAtX(axis, xOfTime(axis, 150))).toBeCloseTo(150, 6);
    expect(indexAtOrBefore(axis, axis.pos[5])).toBe(5);
    const labels = ticks(axis, 0, axis.total, 1000).map((t) => t.label);
    expect(labels).toContain("0 ms");
    expect(labels).toContain("100 ms");
  });

  it("an all-at-0-ms run is laid out by event order", async () => {
    const { model } = await modelOf(BUFFERED_VS_UNBUFFERED);
    expect(model.endMs).toBe(0);
    const axis = buildAxis(model.events, model.endMs, "hybrid");
    expect(axis.pos[10] - axis.pos[9]).toBe(1);
    expect(ticks(axis, 0, axis.total, 800).map((t) => t.label)).toEqual(["0 ms"]);
  });
});

describe("big runs", () => {
  it("100 000 events: the model builds in well under a second and level of detail bounds what is drawn", async () => {
    const result = await runOf(manyEvents(100, 125));
    expect(result.trace.length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    const model = buildTimeline(result.trace, result);
    const axis = buildAxis(model.events, model.endMs, "hybrid");
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1500);
    expect(model.arrows.length).toBe(result.trace.filter((e) => e.kind === "chan.send").length);
    const main = laneNamed(model, "main");
    const width = 300;
    const runs = visibleRuns(main.segments, axis, 0, axis.total, width / axis.total);
    expect(main.segments.length).toBeGreaterThan(5 * width);
    // Every run is ≥ 1 px, or a shorter aggregate followed by one that is: at most two per pixel.
    expect(runs.length).toBeLessThanOrEqual(2 * width + 1);
    expect(runs.some((r) => r.merged > 1)).toBe(true);
    // Zoomed in far enough, every segment is itself again.
    const seg = main.segments[1000];
    const x0 = axis.pos[seg.start];
    const x1 = axis.pos[main.segments[1010].end];
    const near = visibleRuns(main.segments, axis, x0, x1, 2000 / (x1 - x0));
    expect(near.every((r) => r.merged === 1)).toBe(true);
    expect(near[0].seg).toBe(1000);
  });

  it("a trace longer than the UI keeps is cut, and the model says how long it was", () => {
    const events = Array.from({ length: MAX_KEPT_EVENTS + 5 }, (_, i) => ({ seq: i, t: 0, kind: "log" as const, task: 1, text: "x" }));
    const model = buildTimeline([{ seq: -1, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null }, ...events]);
    expect(model.events.length).toBe(MAX_KEPT_EVENTS);
    expect(model.totalEvents).toBe(MAX_KEPT_EVENTS + 6);
  });
});
