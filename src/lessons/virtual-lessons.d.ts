// The build-time lesson module produced by the lessons Vite plugin.
declare module "virtual:lessons" {
  import type { Lesson, LessonMeta } from "./types.ts";
  /** Every lesson's metadata, sorted by `order`. */
  export const lessons: LessonMeta[];
  /** The whole lesson (its own chunk, loaded on demand); undefined for an unknown slug. */
  export function loadLesson(slug: string): Promise<Lesson | undefined>;
}
