// Every lesson example and exercise behaves as its document declares (the same check as
// scripts/check-lessons.ts), one test each, named by lesson and id.

import { describe, expect, it } from "vitest";
import { loadLessons } from "../lessons/parse.ts";
import { formatProblem } from "../lessons/errors.ts";
import { checkLessonExample, checkLessonExercise, lessonExamples, lessonExercises } from "./lesson-check.ts";

const lessons = loadLessons("lessons");

it("finds the course's lessons", () => {
  expect(lessons.length).toBeGreaterThan(0);
});

describe.each(lessons.map((l) => [l.slug, l] as const))("lesson %s", (_slug, lesson) => {
  const examples = lessonExamples(lesson);
  const exercises = lessonExercises(lesson);
  for (const example of examples) {
    it(`example ${example.id} behaves as declared`, async () => {
      const problems = await checkLessonExample(lesson.file, example);
      expect(problems.map(formatProblem)).toEqual([]);
    });
  }
  for (const exercise of exercises) {
    it(`exercise ${exercise.id}: starting code fails a goal, solution passes all`, async () => {
      const problems = await checkLessonExercise(lesson.file, exercise);
      expect(problems.map(formatProblem)).toEqual([]);
    });
  }
});
