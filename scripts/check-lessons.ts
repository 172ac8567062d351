// Runs every lesson example and exercise against what its document declares.
//   npx tsx scripts/check-lessons.ts                   all lessons (cross-checked: ids, order)
//   npx tsx scripts/check-lessons.ts lessons/leaks.md  just these files
// Prints `lessons/x.md:LINE: …` for each mismatch and a summary; exits 1 on any mismatch.

import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { formatProblem, LessonError } from "../src/lessons/errors.ts";
import { loadLessons, parseLesson } from "../src/lessons/parse.ts";
import type { Lesson } from "../src/lessons/types.ts";
import { checkLesson } from "../src/sandbox/lesson-check.ts";

function load(files: string[]): Lesson[] {
  if (files.length === 0) return loadLessons("lessons");
  return files.map((f) => {
    const file = relative(process.cwd(), f);
    return parseLesson(file, readFileSync(f, "utf8"));
  });
}

async function main(files: string[]): Promise<number> {
  let lessons: Lesson[];
  try {
    lessons = load(files);
  } catch (e) {
    if (e instanceof LessonError) {
      console.error(e.toString());
      return 1;
    }
    throw e;
  }
  const started = performance.now();
  let examples = 0;
  let exercises = 0;
  let problems = 0;
  for (const lesson of lessons) {
    const checked = await checkLesson(lesson);
    examples += checked.examples;
    exercises += checked.exercises;
    problems += checked.problems.length;
    for (const p of checked.problems) console.error(formatProblem(p));
  }
  const ms = Math.round(performance.now() - started);
  const what = `${examples} example${examples === 1 ? "" : "s"} and ${exercises} exercise${exercises === 1 ? "" : "s"} in ${lessons.length} lesson${lessons.length === 1 ? "" : "s"}`;
  if (problems === 0) {
    console.log(`check-lessons: ${what}: all behave as declared (${ms} ms)`);
    return 0;
  }
  console.error(`check-lessons: ${what}: ${problems} mismatch${problems === 1 ? "" : "es"} (${ms} ms)`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
