// The build-time lesson module produced by the lessons Vite plugin.
declare module "virtual:lessons" {
  /** Every lesson's metadata, sorted by `order`. */
  export const lessons: import("./types.ts").LessonMeta[];
  /** The whole lesson (its own chunk, loaded on demand); undefined for an unknown slug. */
  export function loadLesson(slug: string): Promise<import("./types.ts").Lesson | undefined>;
  /** Dev server only: called with the slugs whose lesson text was edited (load them again). Returns an unsubscribe. */
  export function onLessonsChanged(listener: (slugs: readonly string[]) => void): () => void;
}
