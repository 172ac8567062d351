import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { loadLessons } from "../src/lessons/parse.ts";
import type { Example, Exercise, Lesson } from "../src/lessons/types.ts";
import { block, loadSolution, median, runBlock, switchToInstant, type ShownRun } from "./support/run-block.ts";

// Every lesson in the built site, every example run in the browser (the sandbox worker), and what
// the page shows compared with what the lesson declares. The declarations are read from
// lessons/*.md by the same parser the build uses (Node side), so this spec never restates them.
// One page per lesson, its blocks run one after another; lessons run in parallel.
// Exercises: the starting code leaves at least one goal open; the solution meets every goal.

const lessons: Lesson[] = loadLessons();
const TIMES_DIR = path.join(tmpdir(), "chanscope-lesson-times");

function blocksOf(lesson: Lesson): { examples: Example[]; exercises: Exercise[] } {
  const parts = lesson.slides.flatMap((s) => s.parts);
  return {
    examples: parts.flatMap((p) => (p.kind === "example" ? [p.example] : [])),
    exercises: parts.flatMap((p) => (p.kind === "exercise" ? [p.exercise] : [])),
  };
}

/** The status kind the playground shows for a run that ends as declared. */
function expectedKind(example: Example): string {
  if (example.expect === "ok") return example.leaks > 0 ? "leaks" : "ok";
  return example.expect;
}

/** One sentence per difference, naming the lesson line, as the Node checker does. */
function mismatches(lesson: Lesson, example: Example, shown: ShownRun): string[] {
  const where = `${lesson.file}:${example.code.line}: example "${example.id}"`;
  const problems: string[] = [];
  const kind = expectedKind(example);
  if (shown.kind !== kind) problems.push(`${where} declares ${example.expect}${example.leaks ? ` with ${example.leaks} leaks` : ""} but the page shows "${shown.headline}"`);
  // Panics and limits do not name their leaks in the status line; the Node checker covers them.
  else if ((kind === "leaks" || kind === "signal" || kind === "deadlock") && shown.leaks !== example.leaks) {
    problems.push(`${where} declares leaks=${example.leaks} but the page shows "${shown.headline}"`);
  }
  if (example.output && JSON.stringify(shown.output) !== JSON.stringify(example.output)) {
    problems.push(`${where} declares output ${JSON.stringify(example.output)} but the console shows ${JSON.stringify(shown.output)}`);
  }
  return problems;
}

const STALE = " (was the site built before lessons/*.md last changed? rebuild it)";

async function onPage(figure: Locator): Promise<boolean> {
  return (await figure.count()) === 1;
}

test.describe.configure({ mode: "parallel" });

for (const lesson of lessons) {
  const { examples, exercises } = blocksOf(lesson);

  test(`${lesson.slug}: every example shows its declared outcome, every exercise's goals hold`, async ({ page }) => {
    test.setTimeout(60_000 + (examples.length + 2 * exercises.length) * 10_000);
    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.locator("main h1")).toHaveText(lesson.title);

    const times: { id: string; ms: number }[] = [];
    const problems: string[] = [];
    for (const example of examples) {
      const figure = block(page, example.id);
      if (!(await onPage(figure))) {
        problems.push(`${lesson.file}:${example.code.line}: example "${example.id}" is not on the page${STALE}`);
        continue;
      }
      if (example.live) await switchToInstant(figure);
      const shown = await runBlock(figure);
      times.push({ id: example.id, ms: shown.ms });
      problems.push(...mismatches(lesson, example, shown));
    }

    for (const exercise of exercises) {
      const where = `${lesson.file}:${exercise.code.line}: exercise "${exercise.id}"`;
      const figure = block(page, exercise.id);
      if (!(await onPage(figure))) {
        problems.push(`${where} is not on the page${STALE}`);
        continue;
      }
      if (exercise.live) await switchToInstant(figure);
      const start = await runBlock(figure);
      times.push({ id: `${exercise.id} (start)`, ms: start.ms });
      const goals = figure.locator(".playground__goals");
      await expect(goals, `${where}: the goals are checked after a run`).toBeVisible();
      const open = await goals.locator(".playground__goal--open").count();
      if (open === 0) problems.push(`${where}: the starting code meets every goal (${start.headline})`);
      await expect(goals.locator("li")).toHaveCount(exercise.goals.length);

      await loadSolution(figure);
      const solved = await runBlock(figure);
      times.push({ id: `${exercise.id} (solution)`, ms: solved.ms });
      const stillOpen = await goals.locator(".playground__goal--open").allTextContents();
      if (stillOpen.length > 0) problems.push(`${where}: the solution leaves goals open: ${stillOpen.join("; ")} (${solved.headline})`);
      else await expect(goals.locator(".playground__goals-title")).toHaveText("All goals met. Well done.");
    }

    const ms = times.map((t) => t.ms);
    const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a), { id: "", ms: 0 });
    const line = `${lesson.slug}: ${times.length} runs, Run→result median ${median(ms)} ms, max ${slowest.ms} ms (${slowest.id}); first run ${ms[0]} ms`;
    test.info().annotations.push({ type: "measure", description: line });
    console.log(line);
    mkdirSync(TIMES_DIR, { recursive: true });
    writeFileSync(path.join(TIMES_DIR, `${lesson.slug}.json`), JSON.stringify(times));

    expect(problems, problems.join("\n")).toEqual([]);
  });
}
