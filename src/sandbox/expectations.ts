// What a lesson says a run must do, checked against what the run did. Pure: the lesson checker
// (scripts/check-lessons.ts), the Vitest suite and the playground page (exercise goals after each
// run) all use these functions. Messages follow STYLE.md: what was declared, what happened, and
// enough of the run (task names, wait reasons, the differing line) to see why.

import type { Example, Goal, Outcome } from "../lessons/types.ts";

/** The parts of the runtime's RunResult (DESIGN §3) that expectations look at. */
export interface RunSummary {
  outcome: Outcome;
  virtualMs: number;
  output: { t: number; task: number; text: string }[];
  leaks: { task: number; name: string; waitReason: string; since: number; loc?: { line: number; column: number } }[];
  report: string;
}

export interface GoalCheck {
  goal: Goal;
  passed: boolean;
  /** What the run did, in words, e.g. "finished at 230 ms" or "leaked 2 tasks (a, b)". */
  actual: string;
}

/** The console output as lines, the way `// Output:` lists them (a log with "\n" is several lines). */
export function outputLines(result: Pick<RunSummary, "output">): string[] {
  const lines = result.output.flatMap((o) => o.text.split("\n")).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** "3 tasks (fetch-2, fetch-3, fetch-4 blocked on chan send)" — names grouped by wait reason. */
export function describeLeaks(leaks: RunSummary["leaks"]): string {
  if (leaks.length === 0) return "no tasks";
  const byReason = new Map<string, string[]>();
  for (const leak of leaks) {
    const names = byReason.get(leak.waitReason) ?? [];
    names.push(leak.loc ? `${leak.name} at line ${leak.loc.line}` : leak.name);
    byReason.set(leak.waitReason, names);
  }
  const groups = [...byReason].map(([reason, names]) => {
    const shown = names.length > 4 ? [...names.slice(0, 4), `${names.length - 4} more`] : names;
    return `${shown.join(", ")} ${reason === "runnable" ? "still runnable" : `blocked on ${reason}`}`;
  });
  return `${leaks.length} ${leaks.length === 1 ? "task" : "tasks"} (${groups.join("; ")})`;
}

/** The first line of the report that says why a run ended, for messages. */
function reportHeadline(result: RunSummary): string {
  const line = result.report.split("\n").find((l) => l.trim() !== "");
  return line ? `: ${line.trim()}` : "";
}

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

/** Compares declared and actual output lines; undefined when equal. */
export function diffOutput(expected: string[], actual: string[]): string | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const want = expected[i];
    const got = actual[i];
    if (want === got) continue;
    if (want === undefined) {
      return `the Output block has ${lines(expected.length)} but the program printed ${actual.length}; line ${i + 1} is the first extra: ${JSON.stringify(got)}`;
    }
    if (got === undefined) {
      return `the Output block has ${lines(expected.length)} but the program printed only ${actual.length}; missing line ${i + 1}: ${JSON.stringify(want)}`;
    }
    return `output line ${i + 1} should be ${JSON.stringify(want)} (from the Output block) but the program printed ${JSON.stringify(got)}`;
  }
  return undefined;
}

/**
 * Checks a run of a lesson example against its declared outcome, leak count and output.
 * Returns one sentence per mismatch (empty when the example behaves as declared).
 */
export function checkExample(example: Pick<Example, "expect" | "leaks" | "output">, result: RunSummary): string[] {
  const problems: string[] = [];
  if (result.outcome !== example.expect) {
    problems.push(`declares expect=${example.expect} but the run ended with outcome ${result.outcome}${reportHeadline(result)}`);
  }
  if (result.leaks.length !== example.leaks) {
    problems.push(`declares leaks=${example.leaks} but the run leaked ${describeLeaks(result.leaks)}`);
  }
  if (example.output) {
    const diff = diffOutput(example.output, outputLines(result));
    if (diff) problems.push(diff);
  }
  return problems;
}

/** Checks one exercise goal against a run. */
export function checkGoal(goal: Goal, result: RunSummary): GoalCheck {
  switch (goal.kind) {
    case "outcome":
      return { goal, passed: result.outcome === goal.value, actual: `ended with outcome ${result.outcome}` };
    case "leaks":
      return { goal, passed: result.leaks.length === goal.value, actual: `leaked ${describeLeaks(result.leaks)}` };
    case "maxVirtualMs":
      return { goal, passed: result.virtualMs <= goal.value, actual: `finished at ${result.virtualMs} ms (virtual)` };
    case "prints": {
      const lines = outputLines(result);
      const passed = lines.includes(goal.value);
      const actual = passed
        ? `printed ${JSON.stringify(goal.value)}`
        : lines.length === 0
          ? "printed nothing"
          : `never printed that line (last line: ${JSON.stringify(lines[lines.length - 1])})`;
      return { goal, passed, actual };
    }
  }
}

/** Checks every goal of an exercise, in the order the lesson lists them. */
export function checkGoals(goals: Goal[], result: RunSummary): GoalCheck[] {
  return goals.map((goal) => checkGoal(goal, result));
}
