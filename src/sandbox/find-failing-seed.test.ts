import { describe, expect, it } from "vitest";
import type { Goal } from "../lessons/types.ts";
import type { RunSummary } from "./expectations.ts";
import { bugShown, findFailingSeed } from "./find-failing-seed.ts";
import { runUserSource } from "./node-runner.ts";

// Two tasks race to set a flag at the same virtual millisecond; main panics if "late" won. FIFO
// order never shows it; explore mode does on some seeds.
const racy = `import { go, sleep, panic } from "chanscope";
export default async function main() {
  let last = "";
  go("early", async () => { await sleep(10); last = "early"; });
  go("late", async () => { await sleep(10); last = "late"; });
  await sleep(20);
  if (last === "early") panic("the late writer ran first");
  console.log("last:", last);
}`;

async function runExplore(source: string, seed: number): Promise<RunSummary> {
  const r = await runUserSource(source, { seed, explore: true, trace: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

const summary = (over: Partial<RunSummary>): RunSummary => ({ outcome: "ok", virtualMs: 0, output: [], leaks: [], report: "", ...over });

describe("findFailingSeed", () => {
  it("finds the first seed whose explored schedule panics, and that seed replays the failure", async () => {
    const hunt = await findFailingSeed((seed) => runExplore(racy, seed), bugShown(), { fromSeed: 1, tries: 50 });
    expect(hunt.found).toBe(true);
    if (!hunt.found) return;
    expect(hunt.reason).toBe("ended with outcome panic");
    // Every seed before it was clean, and the found seed fails again when replayed.
    for (let seed = 1; seed < hunt.seed; seed++) expect((await runExplore(racy, seed)).outcome).toBe("ok");
    expect((await runExplore(racy, hunt.seed)).outcome).toBe("panic");
    expect(hunt.tried).toBe(hunt.seed);
  });

  it("gives up after `tries` seeds on a program without the bug, reporting how many it ran", async () => {
    const fixed = racy.replace('if (last === "early")', "if (last === \"nobody\")");
    const progress: number[] = [];
    const hunt = await findFailingSeed((seed) => runExplore(fixed, seed), bugShown(), { fromSeed: 5, tries: 12, onProgress: (n) => progress.push(n) });
    expect(hunt).toEqual({ found: false, tried: 12, cancelled: false });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("stops before the next run once cancelled", async () => {
    let runs = 0;
    const hunt = await findFailingSeed(
      async () => {
        runs++;
        return summary({});
      },
      bugShown(),
      { fromSeed: 1, tries: 100, cancelled: () => runs >= 3 },
    );
    expect(hunt).toEqual({ found: false, tried: 3, cancelled: true });
  });

  it("rejects a nonsense seed range instead of looping", async () => {
    await expect(findFailingSeed(async () => summary({}), bugShown(), { fromSeed: 1, tries: 0 })).rejects.toThrow(/tries must be/);
    await expect(findFailingSeed(async () => summary({}), bugShown(), { fromSeed: -1, tries: 3 })).rejects.toThrow(/fromSeed must be/);
  });
});

describe("bugShown", () => {
  it("a clean run is not a bug; a bad outcome, a leak or a missed goal is, with the reason", () => {
    const goal: Goal = { kind: "prints", value: "done", text: 'Prints "done"' };
    expect(bugShown()(summary({}))).toBeUndefined();
    expect(bugShown()(summary({ outcome: "deadlock" }))).toBe("ended with outcome deadlock");
    expect(bugShown()(summary({ leaks: [{ task: 2, name: "w", waitReason: "chan send", since: 5 }] }))).toBe("leaked 1 task (w blocked on chan send)");
    expect(bugShown([goal])(summary({ output: [{ t: 0, task: 0, text: "nope" }] }))).toBe('missed the goal "Prints "done"" (it never printed that line (last line: "nope"))');
    expect(bugShown([goal])(summary({ output: [{ t: 0, task: 0, text: "done" }] }))).toBeUndefined();
  });
});
