import type { LessonMeta } from "../../lessons/types.ts";

export interface LessonPosition {
  /** 1-based place in the course. */
  number: number;
  total: number;
  previous?: LessonMeta;
  next?: LessonMeta;
}

/** Where a lesson sits in the course (lessons sorted by order) and its neighbours; undefined if absent. */
export function lessonPosition(lessons: readonly LessonMeta[], slug: string): LessonPosition | undefined {
  const index = lessons.findIndex((l) => l.slug === slug);
  if (index < 0) return undefined;
  return {
    number: index + 1,
    total: lessons.length,
    previous: index > 0 ? lessons[index - 1] : undefined,
    next: index < lessons.length - 1 ? lessons[index + 1] : undefined,
  };
}
