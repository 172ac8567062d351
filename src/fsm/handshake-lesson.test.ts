// The udp-handshake lesson's claims about schedules, checked over many seeds (npm test checks each
// example once, on its declared seed): every buggy example's bug is found by "Run until it fails"
// within a few seeds, and the fixed programs are clean on every one of SEEDS explored schedules.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../lessons/parse.ts";
import type { Example, Exercise } from "../lessons/types.ts";
import { lessonExamples, lessonExercises } from "../sandbox/lesson-check.ts";
import { bugShown, findFailingSeed } from "../sandbox/find-failing-seed.ts";
import { runUserSource } from "../sandbox/node-runner.ts";

const FILE = "lessons/udp-handshake.md";
const lesson = parseLesson(FILE, readFileSync(FILE, "utf8"));
const SEEDS = 200;

function example(id: string): Example {
  const found = lessonExamples(lesson).find((e) => e.id === id);
  if (!found) throw new Error(`${FILE} has no example "${id}"`);
  return found;
}

function exercise(id: string): Exercise {
  const found = lessonExercises(lesson).find((e) => e.id === id);
  if (!found) throw new Error(`${FILE} has no exercise "${id}"`);
  return found;
}

async function runExplore(source: string, seed: number) {
  const r = await runUserSource(source, { seed, explore: true, trace: false });
  if (!r.ok) throw new Error(`does not compile: ${r.error.message}`);
  return r.result;
}

// Hundreds of runs: generous time on a machine busy with builds.
describe("the handshake lesson's races", { timeout: 90_000 }, () => {
  const hunted = lessonExamples(lesson).filter((e) => e.attrs.hunt === "true");

  it("marks the three schedule-dependent examples for hunting, each in explore mode", () => {
    expect(hunted.map((e) => e.id)).toEqual(["handshake-naive-timeout", "handshake-cancel-channel", "handshake-two-cancels"]);
    expect(hunted.every((e) => e.attrs.explore === "true")).toBe(true);
  });

  it("the lock example fails by its timing alone: on every seed, with the callback blocked on the mutex at 3000 ms", async () => {
    const ex = example("handshake-lock");
    const clean = await findFailingSeed((seed) => runExplore(ex.code.source, seed), (r) => (r.outcome === "panic" ? undefined : `ended with outcome ${r.outcome}`), { fromSeed: 1, tries: 50 });
    expect(clean).toEqual({ found: false, tried: 50, cancelled: false });
    const traced = await runUserSource(ex.code.source, { seed: ex.seed, explore: true });
    if (!traced.ok) throw new Error(traced.error.message);
    const names = new Map<number, string>();
    const lockWaits: string[] = [];
    for (const e of traced.result.trace) {
      if (e.kind === "task.spawn") names.set(e.task, e.name);
      if (e.kind === "task.block" && e.reason === "sync.Mutex.Lock") lockWaits.push(`${e.t} ${names.get(e.task)}`);
    }
    expect(lockWaits[0]).toBe("3000 afterFunc");
  });

  for (const id of ["handshake-naive-timeout", "handshake-cancel-channel", "handshake-two-cancels"]) {
    it(`"Run until it fails" finds the bug of ${id} within 10 seeds, and the seed it names fails the same way again`, async () => {
      const ex = example(id);
      const hunt = await findFailingSeed((seed) => runExplore(ex.code.source, seed), bugShown(), { fromSeed: 1, tries: 10 });
      expect(hunt.found).toBe(true);
      if (!hunt.found) return;
      expect(hunt.reason).toBe(`ended with outcome ${ex.expect}`);
      expect((await runExplore(ex.code.source, hunt.seed)).outcome).toBe(ex.expect);
    });
  }

  it(`the fixed handler ends with "no timeout left" on all ${SEEDS} seeds`, async () => {
    const ex = example("handshake-fixed");
    const hunt = await findFailingSeed((seed) => runExplore(ex.code.source, seed), bugShown([{ kind: "prints", value: "16000 ms: no timeout left", text: "" }]), {
      fromSeed: 1,
      tries: SEEDS,
    });
    expect(hunt).toEqual({ found: false, tried: SEEDS, cancelled: false });
  });

  it(`the statechart version never sends after the link went down, on all ${SEEDS} seeds`, async () => {
    const ex = example("handshake-statechart");
    const hunt = await findFailingSeed((seed) => runExplore(ex.code.source, seed), bugShown([{ kind: "prints", value: "8000 ms: session down", text: "" }]), { fromSeed: 1, tries: SEEDS });
    expect(hunt).toEqual({ found: false, tried: SEEDS, cancelled: false });
  });

  it(`the solution of "make every cancel return" meets its goals on all ${SEEDS} seeds, and its starting code misses them on some`, async () => {
    const ex = exercise("handshake-fix-cancel");
    const solution = ex.solution?.source ?? "";
    const clean = await findFailingSeed((seed) => runExplore(solution, seed), bugShown(ex.goals), { fromSeed: 1, tries: SEEDS });
    expect(clean).toEqual({ found: false, tried: SEEDS, cancelled: false });
    const start = await findFailingSeed((seed) => runExplore(ex.code.source, seed), bugShown(ex.goals), { fromSeed: 1, tries: 5 });
    expect(start.found).toBe(true);
  });
});
