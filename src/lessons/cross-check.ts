// Checks that need every lesson at once: slugs, orders and runnable ids are unique across the
// course (ids name examples in /play and in #example-<id> links).
import type { LessonProblem } from "./errors.ts";
import type { Lesson } from "./types.ts";

interface Claim {
  file: string;
  line: number;
}

function lineOfRunnable(lesson: Lesson, id: string): number {
  for (const slide of lesson.slides) {
    for (const part of slide.parts) {
      if (part.kind === "example" && part.example.id === id) return part.example.code.line;
      if (part.kind === "exercise" && part.exercise.id === id) return part.exercise.code.line;
    }
  }
  return 1;
}

/** Problems with the course as a whole; lessons are given in file-name order. */
export function crossCheck(lessons: Lesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const slugs = new Map<string, Claim>();
  const orders = new Map<number, Claim>();
  const ids = new Map<string, Claim>();
  for (const lesson of lessons) {
    const here = { file: lesson.file, line: 1 };
    const slugClaim = slugs.get(lesson.slug);
    if (slugClaim) {
      problems.push({ ...here, message: `slug "${lesson.slug}" is already used by ${slugClaim.file}; slugs must be unique` });
    } else slugs.set(lesson.slug, here);
    const orderClaim = orders.get(lesson.order);
    if (orderClaim) {
      problems.push({ ...here, message: `order ${lesson.order} is already used by ${orderClaim.file}; give each lesson its own order` });
    } else orders.set(lesson.order, here);
    for (const id of [...lesson.exampleIds, ...lesson.exerciseIds]) {
      const claim = { file: lesson.file, line: lineOfRunnable(lesson, id) };
      const earlier = ids.get(id);
      if (earlier && earlier.file !== lesson.file) {
        problems.push({ ...claim, message: `id "${id}" is already used at ${earlier.file}:${earlier.line}; example and exercise ids must be unique across all lessons` });
      } else if (!earlier) ids.set(id, claim);
    }
  }
  return problems;
}
