// The site's one progress store (localStorage, shared across tabs) and the actions pages call.
// The steps themselves are pure and tested in progress.ts; this file only wires them to storage.

import { useSyncExternalStore } from "react";
import { lessons } from "virtual:lessons";
import {
  emptyProgress,
  hasProgress,
  parseProgress,
  PROGRESS_STORAGE_KEY,
  resetProgress,
  serializeProgress,
  solveExercise,
  visitLesson,
  type Progress,
  type Visit,
} from "./progress.ts";
import { createSyncedStore, type KeyValueStorage, type StorageEventSource } from "./synced-storage.ts";

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const progressStore = createSyncedStore<Progress>({
  key: PROGRESS_STORAGE_KEY,
  parse: parseProgress,
  serialize: serializeProgress,
  isEmpty: (p) => !hasProgress(p),
  storage: browserStorage(),
  events: typeof window === "undefined" ? undefined : (window as StorageEventSource),
});

/** The learner's progress; the component re-renders when it changes here or in another tab. */
export function useProgress(): Progress {
  return useSyncExternalStore(progressStore.subscribe, progressStore.getSnapshot, () => emptyProgress);
}

/** The learner is reading a lesson (see visitLesson). */
export function recordVisit(visit: Omit<Visit, "now">): void {
  progressStore.update((p) => visitLesson(p, { ...visit, now: Date.now() }));
}

/**
 * An exercise passed every goal in a run. Exercise ids are unique across the course, so the
 * lesson is found from the id; pass `slug` when it is known. An id no lesson has is ignored.
 */
export function markExerciseSolved(exerciseId: string, slug?: string): void {
  const lesson = slug ?? lessons.find((l) => l.exerciseIds.includes(exerciseId))?.slug;
  if (!lesson) return;
  progressStore.update((p) => solveExercise(p, lesson, exerciseId, Date.now()));
}

export function clearProgress(): void {
  progressStore.update(() => resetProgress());
}
