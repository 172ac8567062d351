import { describe, expect, it } from "vitest";
import type { Goal } from "../lessons/types.ts";
import { checkExample, checkGoals, describeLeaks, diffOutput, outputLines, type RunSummary } from "./expectations.ts";

function run(partial: Partial<RunSummary>): RunSummary {
  return { outcome: "ok", virtualMs: 0, output: [], leaks: [], report: "", ...partial };
}

const log = (...texts: string[]) => texts.map((text, i) => ({ t: i, task: 1, text }));
const leak = (name: string, waitReason = "chan send") => ({ task: 2, name, waitReason, since: 200 });

describe("checkExample", () => {
  it("passes a run that matches outcome, leaks and output", () => {
    const r = run({ output: log("a", "b"), leaks: [leak("search")] });
    expect(checkExample({ expect: "ok", leaks: 1, output: ["a", "b"] }, r)).toEqual([]);
  });

  it("names the outcome and the report's first line when the outcome differs", () => {
    const r = run({ outcome: "deadlock", report: "\nfatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:" });
    expect(checkExample({ expect: "ok", leaks: 0 }, r)).toEqual([
      "declares expect=ok but the run ended with outcome deadlock: fatal error: all goroutines are asleep - deadlock!",
    ]);
  });

  it("lists leaked tasks grouped by wait reason when the leak count differs", () => {
    const r = run({ leaks: [leak("fetch-2"), leak("fetch-3"), leak("fetch-4")] });
    expect(checkExample({ expect: "ok", leaks: 2 }, r)).toEqual([
      "declares leaks=2 but the run leaked 3 tasks (fetch-2, fetch-3, fetch-4 blocked on chan send)",
    ]);
  });

  it("does not check output when the example declares none", () => {
    expect(checkExample({ expect: "ok", leaks: 0 }, run({ output: log("anything") }))).toEqual([]);
  });

  it("reports the first differing output line", () => {
    const problems = checkExample({ expect: "ok", leaks: 0, output: ["a", "b"] }, run({ output: log("a", "c") }));
    expect(problems).toEqual(['output line 2 should be "b" (from the Output block) but the program printed "c"']);
  });

  it("reports several mismatches at once", () => {
    const problems = checkExample({ expect: "ok", leaks: 0, output: [] }, run({ outcome: "panic", leaks: [leak("x")], output: log("boom") }));
    expect(problems).toHaveLength(3);
  });
});

describe("output lines", () => {
  it("splits a log with newlines into lines and ignores trailing blank lines and spaces", () => {
    expect(outputLines(run({ output: log("a\nb  ", "", "") }))).toEqual(["a", "b"]);
  });

  it("says which line is missing or extra", () => {
    expect(diffOutput(["a", "b"], ["a"])).toBe('the Output block has 2 lines but the program printed only 1; missing line 2: "b"');
    expect(diffOutput(["a"], ["a", "z"])).toBe('the Output block has 1 line but the program printed 2; line 2 is the first extra: "z"');
    expect(diffOutput(["a"], ["a"])).toBeUndefined();
  });
});

describe("describeLeaks", () => {
  it("says 'still runnable' for a task that was not blocked, and adds the line when known", () => {
    expect(describeLeaks([{ ...leak("spinner", "runnable"), loc: { line: 7, column: 3 } }])).toBe("1 task (spinner at line 7 still runnable)");
  });

  it("shortens long lists", () => {
    const many = ["a", "b", "c", "d", "e", "f"].map((n) => leak(n));
    expect(describeLeaks(many)).toBe("6 tasks (a, b, c, d, 2 more blocked on chan send)");
  });
});

describe("checkGoals", () => {
  const goals: Goal[] = [
    { kind: "outcome", value: "ok", text: "outcome=ok" },
    { kind: "leaks", value: 0, text: "leaks=0" },
    { kind: "maxVirtualMs", value: 150, text: "maxMs=150" },
    { kind: "prints", value: "all 10 saved", text: "prints=all 10 saved" },
  ];

  it("passes every goal of a run that meets them, in the lesson's order", () => {
    const checks = checkGoals(goals, run({ virtualMs: 150, output: log("x", "all 10 saved") }));
    expect(checks.map((c) => [c.goal.text, c.passed])).toEqual(goals.map((g) => [g.text, true]));
  });

  it("fails each goal the run misses and says what the run did", () => {
    const checks = checkGoals(goals, run({ outcome: "deadlock", virtualMs: 151, leaks: [leak("w")], output: log("9 saved") }));
    expect(checks.map((c) => c.passed)).toEqual([false, false, false, false]);
    expect(checks.map((c) => c.actual)).toEqual([
      "ended with outcome deadlock",
      "leaked 1 task (w blocked on chan send)",
      "finished at 151 ms (virtual)",
      'never printed that line (last line: "9 saved")',
    ]);
  });
});
