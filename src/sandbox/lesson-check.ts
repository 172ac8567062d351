// Runs a lesson's examples and exercises in Node and says, for each, whether it behaves as the
// document declares: examples against `expect`, `leaks` and `// Output:`; exercises by their goals
// (the starting code must fail at least one, the solution must pass all). Used by
// scripts/check-lessons.ts and src/sandbox/lesson-examples.test.ts.

import type { LessonProblem } from "../lessons/errors.ts";
import type { Example, Exercise, Lesson, LessonPart, Signal } from "../lessons/types.ts";
import { checkExample, checkGoals, type GoalCheck } from "./expectations.ts";
import { runUserSource, type NodeRunOutcome } from "./node-runner.ts";

/** Every part of a lesson, across its slides, in document order. */
export function lessonParts(lesson: Lesson): LessonPart[] {
  return lesson.slides.flatMap((s) => s.parts);
}

export function lessonExamples(lesson: Lesson): Example[] {
  return lessonParts(lesson).flatMap((p) => (p.kind === "example" ? [p.example] : []));
}

export function lessonExercises(lesson: Lesson): Exercise[] {
  return lessonParts(lesson).flatMap((p) => (p.kind === "exercise" ? [p.exercise] : []));
}

/** The run options a block declares (checks always run instantly; `live` is for the page). */
export function runOptionsOf(block: { seed: number; signals?: Signal[]; attrs?: Record<string, string> }): {
  seed: number;
  explore: boolean;
  signals: { at: number; name: string }[];
} {
  return { seed: block.seed, explore: block.attrs?.explore === "true", signals: (block.signals ?? []).map((s) => ({ at: s.atMs, name: s.signal })) };
}

async function runBlock(source: string, block: Example | Exercise): Promise<NodeRunOutcome | Error> {
  try {
    return await runUserSource(source, runOptionsOf(block));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Why a block could not be judged at all (compile error or a crash of the runner), or undefined. */
function unrunnable(outcome: NodeRunOutcome | Error, codeLine: number): { line: number; text: string } | undefined {
  if (outcome instanceof Error) return { line: codeLine, text: `could not be run: ${outcome.message}` };
  if (!outcome.ok) {
    // The code starts on the line after the fence.
    const { line, column, message } = outcome.error;
    return { line: codeLine + line, text: `does not compile (line ${line}, column ${column} of the code): ${message}` };
  }
  return undefined;
}

/** Checks one example; returns its problems (none when it behaves as declared). */
export async function checkLessonExample(file: string, example: Example): Promise<LessonProblem[]> {
  const outcome = await runBlock(example.code.source, example);
  const name = `example "${example.id}"`;
  const broken = unrunnable(outcome, example.code.line);
  if (broken) return [{ file, line: broken.line, message: `${name} ${broken.text}` }];
  const result = (outcome as Extract<NodeRunOutcome, { ok: true }>).result;
  return checkExample(example, result).map((message) => ({ file, line: example.code.line, message: `${name}: ${message}` }));
}

function failedGoals(checks: GoalCheck[]): string {
  return checks
    .filter((c) => !c.passed)
    .map((c) => `"${c.goal.text}" (it ${c.actual})`)
    .join(", ");
}

/** Checks an exercise: its starting code must fail a goal and its solution must pass them all. */
export async function checkLessonExercise(file: string, exercise: Exercise): Promise<LessonProblem[]> {
  const problems: LessonProblem[] = [];
  const name = `exercise "${exercise.id}"`;
  const start = await runBlock(exercise.code.source, exercise);
  const startBroken = unrunnable(start, exercise.code.line);
  if (startBroken) {
    problems.push({ file, line: startBroken.line, message: `${name}: the starting code ${startBroken.text}` });
  } else {
    const checks = checkGoals(exercise.goals, (start as Extract<NodeRunOutcome, { ok: true }>).result);
    if (checks.every((c) => c.passed)) {
      problems.push({
        file,
        line: exercise.code.line,
        message: `${name}: the starting code already passes every goal (${exercise.goals.map((g) => g.text).join("; ")}); it must fail at least one, or there is nothing to fix`,
      });
    }
  }
  if (!exercise.solution) {
    problems.push({ file, line: exercise.code.line, message: `${name} has no solution: add a \`\`\`ts solution for=${exercise.id} block` });
    return problems;
  }
  const solution = await runBlock(exercise.solution.source, exercise);
  const solutionBroken = unrunnable(solution, exercise.solution.line);
  if (solutionBroken) {
    problems.push({ file, line: solutionBroken.line, message: `${name}: the solution ${solutionBroken.text}` });
  } else {
    const checks = checkGoals(exercise.goals, (solution as Extract<NodeRunOutcome, { ok: true }>).result);
    if (!checks.every((c) => c.passed)) {
      problems.push({ file, line: exercise.solution.line, message: `${name}: the solution fails ${failedGoals(checks)}` });
    }
  }
  return problems;
}

/** Checks every example and exercise of a lesson, in document order. */
export async function checkLesson(lesson: Lesson): Promise<{ problems: LessonProblem[]; examples: number; exercises: number }> {
  const problems: LessonProblem[] = [];
  let examples = 0;
  let exercises = 0;
  for (const part of lessonParts(lesson)) {
    if (part.kind === "example") {
      examples++;
      problems.push(...(await checkLessonExample(lesson.file, part.example)));
    } else if (part.kind === "exercise") {
      exercises++;
      problems.push(...(await checkLessonExercise(lesson.file, part.exercise)));
    }
  }
  return { problems, examples, exercises };
}
