import { describe, expect, it } from "vitest";
import type { RunResult } from "../runtime/run.ts";
import { runUserSource } from "../sandbox/node-runner.ts";
import { buildAxis, buildSharedAxes, ticks, timeAtX, xOfTime, type Axis, type AxisMode } from "./axis.ts";
import { describeDifferences, partingEvent, runHeadline, sharedScenes, type ComparedRun } from "./compare.ts";
import { LEAK_FIXED, SEEDED } from "./compare-fixtures.ts";
import { CANCEL_TREE, LEAK, manyEvents } from "./fixtures.ts";
import { buildTimeline } from "./model.ts";
import { DEFAULT_FILTER } from "./rows.ts";

async function runOf(source: string, seed = 1): Promise<RunResult> {
  const r = await runUserSource(source, { seed });
  if (!r.ok) throw new Error(`fixture does not compile: ${r.error.message} at line ${r.error.line}`);
  return r.result;
}

async function compared(name: string, source: string, seed = 1): Promise<ComparedRun> {
  const result = await runOf(source, seed);
  return { name, model: buildTimeline(result.trace, result), result };
}

function instantTimes(axis: Axis): number[] {
  return [...axis.instants].map((i) => axis.time[i]);
}

describe("one axis for two runs", () => {
  it("a run alone on a shared axis is drawn exactly as on its own axis, in every mode", async () => {
    const r = await runOf(CANCEL_TREE);
    const model = buildTimeline(r.trace, r);
    for (const mode of ["hybrid", "time", "events"] as AxisMode[]) {
      const [shared] = buildSharedAxes([{ events: model.events, endMs: model.endMs }], mode, 0.6);
      const own = buildAxis(model.events, model.endMs, mode, 0.6);
      expect([...shared.pos].map((x) => +x.toFixed(9)), mode).toEqual([...own.pos].map((x) => +x.toFixed(9)));
      expect(shared.total).toBeCloseTo(own.total, 9);
    }
  });

  it("the same virtual ms has the same x in both runs, also at instants only one of them has", async () => {
    const a = await compared("A", SEEDED, 1);
    const b = await compared("B", SEEDED, 2);
    const [sa, sb] = sharedScenes(a.model, b.model, "hybrid", [DEFAULT_FILTER, DEFAULT_FILTER]);
    expect(sa.axis.total).toBe(sb.axis.total);
    expect(instantTimes(sa.axis)).toEqual([0, 100]);
    expect(instantTimes(sb.axis)).toEqual([0, 300]);
    // Each run's first event at an instant sits where the shared clock puts that ms.
    for (const s of [sa, sb]) for (const i of s.axis.instants) expect(s.axis.pos[i]).toBeCloseTo(xOfTime(s.axis, s.axis.time[i]), 9);
    for (const t of [0, 50, 100, 150, 299, 300]) expect(xOfTime(sa.axis, t), `${t} ms`).toBeCloseTo(xOfTime(sb.axis, t), 9);
    // 300 ms is an instant of B only: A's axis still leaves B's events room there.
    expect(xOfTime(sa.axis, 300)).toBeGreaterThan(xOfTime(sa.axis, 100) + (300 - 100) * sa.axis.perMs);
    for (const t of [0, 40, 100, 250, 300]) {
      expect(timeAtX(sa.axis, xOfTime(sa.axis, t))).toBeCloseTo(t, 9);
      expect(timeAtX(sb.axis, xOfTime(sb.axis, t))).toBeCloseTo(t, 9);
    }
    const x0 = 0;
    const x1 = sa.axis.total;
    expect(ticks(sa.axis, x0, x1, 900)).toEqual(ticks(sb.axis, x0, x1, 900));
  });

  it("events at one instant keep their order and one step apart, however many the other run has there", async () => {
    const a = await compared("A", SEEDED, 1);
    const b = await compared("B", SEEDED, 2);
    const [axA] = buildSharedAxes([a.model, b.model].map((m) => ({ events: m.events, endMs: m.endMs })), "events");
    const atZero = a.model.events.filter((e) => e.t === 0).length;
    for (let i = 1; i < atZero; i++) expect(axA.pos[i] - axA.pos[i - 1]).toBe(1);
    const zeroInB = b.model.events.filter((e) => e.t === 0).length;
    expect(xOfTime(axA, 100)).toBe(Math.max(atZero, zeroInB));
  });
});

describe("big runs", () => {
  it("two runs of 100 000 events each get their shared scenes and differences in well under a second of CPU", async () => {
    const a = await compared("A", manyEvents(100, 125), 1);
    const b = await compared("B", manyEvents(100, 125), 2);
    expect(a.model.events.length).toBeGreaterThan(100_000);
    // CPU time, not wall time: steady on a shared, loaded machine.
    const cpuMs = (since: NodeJS.CpuUsage): number => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };
    const c0 = process.cpuUsage();
    const [sa, sb] = sharedScenes(a.model, b.model, "hybrid", [DEFAULT_FILTER, DEFAULT_FILTER]);
    const scenesMs = cpuMs(c0);
    const c1 = process.cpuUsage();
    const diff = describeDifferences(a, b);
    const wordsMs = cpuMs(c1);
    console.log(`CPU: shared scenes for 2 × ${a.model.events.length} events ${scenesMs.toFixed(1)} ms; differences ${wordsMs.toFixed(1)} ms`);
    expect(sa.axis.total).toBe(sb.axis.total);
    expect(diff.length).toBeGreaterThan(0);
    expect(scenesMs + wordsMs).toBeLessThan(1000);
  });
});

describe("how each run ended, in a few words", () => {
  it("says the outcome and when, with leaks, and for runs that did not end", async () => {
    const ok = await compared("A", SEEDED, 1);
    const stuck = await compared("B", SEEDED, 2);
    const leak = await compared("C", LEAK);
    expect(runHeadline(ok)).toBe("ok at 100 ms");
    expect(runHeadline(stuck)).toBe("deadlock at 300 ms");
    expect(runHeadline(leak)).toBe("ok at 400 ms, 1 leaked task");
    expect(runHeadline({ ...ok, result: undefined, running: true })).toBe("running, 100 ms so far");
    expect(runHeadline({ ...ok, result: undefined })).toBe("stopped at 100 ms");
  });
});

describe("what differs between two runs", () => {
  it("two seeds: the outcome, the task stuck in one run only, the worker that ends later, the first line printed differently, where the schedules part", async () => {
    const a = await compared("A", SEEDED, 1);
    const b = await compared("B", SEEDED, 2);
    expect(describeDifferences(a, b)).toEqual([
      "A finishes ok at 100 ms; B deadlocks at 300 ms.",
      "Stuck at the end only in B: main (chan receive, line 14).",
      "worker finishes 200 ms later in B (at 300 ms against 100 ms).",
      "Output differs from line 1: A printed “picked fast”, B printed “picked slow”.",
      'The runs part at event 8: in A, at 0 ms main received "fast" from fast; in B, at 0 ms main received "slow" from slow.',
    ]);
  });

  it("before and after an edit: the leak present in one run only, named with its wait and line", async () => {
    const before = await compared("A", LEAK);
    const after = await compared("B", LEAK_FIXED);
    const diff = describeDifferences(before, after);
    expect(diff[0]).toBe("A finishes but leaks at 400 ms; B finishes ok at 400 ms.");
    expect(diff).toContain("Leaked only in A: search (chan send, line 4).");
    expect(diff.some((s) => s.startsWith("Leaked only in B"))).toBe(false);
    expect(diff).toContain("Same output (1 line).");
    expect(diff[diff.length - 1]).toMatch(/^The runs part at event \d+: in A, at 200 ms search blocked sending to results.*; in B, at 200 ms search /);
  });

  it("the same code and seed twice: the runs are the same, event for event", async () => {
    const a = await compared("A", SEEDED, 2);
    const b = await compared("B", SEEDED, 2);
    expect(describeDifferences(a, b)).toEqual(["The two runs are the same, event for event: both deadlock at 300 ms."]);
    expect(partingEvent(a.model, b.model)).toBeNull();
  });

  it("the runs part at the select that took another value: the events before it are alike in both", async () => {
    const a = await compared("A", SEEDED, 1);
    const b = await compared("B", SEEDED, 2);
    const k = partingEvent(a.model, b.model) as number;
    expect(a.model.events.slice(0, k).map((e) => [e.kind, e.t])).toEqual(b.model.events.slice(0, k).map((e) => [e.kind, e.t]));
    expect([a.model.events[k].kind, b.model.events[k].kind]).toEqual(["chan.recv", "chan.recv"]);
    expect(a.model.chans.get((a.model.events[k] as { chan: number }).chan)?.name).toBe("fast");
    expect(b.model.chans.get((b.model.events[k] as { chan: number }).chan)?.name).toBe("slow");
  });

  it("an edit that starts one more task: it is named, and tasks are matched by name in spawn order", async () => {
    const more = CANCEL_TREE.replace(`go("listener"`, `go("extra", async () => {});\n  go("listener"`);
    const a = await compared("A", CANCEL_TREE);
    const b = await compared("B", more);
    expect(describeDifferences(a, b)).toContain("Only B started extra.");
    expect(describeDifferences(a, b).some((s) => s.startsWith("Only A"))).toBe(false);
  });
});
