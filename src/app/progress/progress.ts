// A learner's progress through the course, as plain data and pure steps on it. The store
// (progress-store.ts) keeps it in localStorage; the pages only read summaries made here.
//
// Invariants:
// - A lesson entry exists only once the learner has opened that lesson.
// - `read` never goes back to false except through `resetProgress`.
// - `solved` holds each exercise id at most once, in the order they were solved.
// - `last` names a lesson that has an entry.
// Whatever storage holds is untrusted (another version, a hand edit, a half-written value):
// `parseProgress` keeps what is well-formed and drops the rest, and never throws.

import type { LessonMeta } from "../../lessons/types.ts";

/** The localStorage key. A change of shape gets a new version (and a migration in parseProgress). */
export const PROGRESS_STORAGE_KEY = "chanscope:progress:v1";
export const PROGRESS_VERSION = 1;

export interface SectionRef {
  /** The heading id in the lesson article (the `#fragment` of a deep link). */
  id: string;
  /** The heading's text when it was reached, shown on the Continue button. */
  title: string;
}

export interface LessonProgress {
  /** The learner reached the lesson's end. */
  read: boolean;
  /** The section the learner was reading when they last left the lesson. */
  section?: SectionRef;
  /** Ids of the exercises whose every goal passed in a run. */
  solved: string[];
  /** When the lesson was last opened (ms since the epoch), for ordering only. */
  visitedAt: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  /** The lesson the learner was in most recently. */
  last?: string;
}

export const emptyProgress: Progress = Object.freeze({ version: PROGRESS_VERSION, lessons: Object.freeze({}) }) as Progress;

// ---------------------------------------------------------------------------------------------
// Steps

export interface Visit {
  slug: string;
  /** The section on screen; undefined at the top of the lesson, before its first heading. */
  section?: SectionRef;
  /** The learner reached the end of the lesson. */
  reachedEnd?: boolean;
  now: number;
}

function entry(progress: Progress, slug: string, now: number): LessonProgress {
  return progress.lessons[slug] ?? { read: false, solved: [], visitedAt: now };
}

/**
 * The learner is in a lesson, at a section (or at its top). Opening a lesson at its top keeps the
 * section reached before, so a quick look at the first screen does not lose one's place.
 */
export function visitLesson(progress: Progress, visit: Visit): Progress {
  const before = progress.lessons[visit.slug];
  const current = entry(progress, visit.slug, visit.now);
  const next: LessonProgress = {
    ...current,
    read: current.read || visit.reachedEnd === true,
    section: visit.section ?? current.section,
    visitedAt: visit.now,
  };
  const unchanged =
    before !== undefined &&
    progress.last === visit.slug &&
    before.read === next.read &&
    before.section?.id === next.section?.id &&
    before.section?.title === next.section?.title;
  // Nothing a learner would see changed: keep the same object, so no write and no re-render.
  if (unchanged) return progress;
  return { ...progress, lessons: { ...progress.lessons, [visit.slug]: next }, last: visit.slug };
}

/** An exercise of a lesson passed all its goals in a run. Solving it again changes nothing. */
export function solveExercise(progress: Progress, slug: string, exerciseId: string, now: number): Progress {
  const current = entry(progress, slug, now);
  if (current.solved.includes(exerciseId)) return progress;
  const next: LessonProgress = { ...current, solved: [...current.solved, exerciseId] };
  return { ...progress, lessons: { ...progress.lessons, [slug]: next }, last: progress.last ?? slug };
}

/** Forget everything. */
export function resetProgress(): Progress {
  return emptyProgress;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing storage

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseSection(v: unknown): SectionRef | undefined {
  if (!isRecord(v) || typeof v.id !== "string" || v.id === "" || typeof v.title !== "string") return undefined;
  return { id: v.id, title: v.title };
}

function parseLessonProgress(v: unknown): LessonProgress | undefined {
  if (!isRecord(v)) return undefined;
  const solved = Array.isArray(v.solved) ? [...new Set(v.solved.filter((s): s is string => typeof s === "string" && s !== ""))] : [];
  const section = parseSection(v.section);
  return {
    read: v.read === true,
    ...(section ? { section } : {}),
    solved,
    visitedAt: typeof v.visitedAt === "number" && Number.isFinite(v.visitedAt) ? v.visitedAt : 0,
  };
}

/**
 * Progress from what storage held: null (nothing saved), the current version, or anything else.
 * Unreadable text, another version or a wrong shape give empty progress; a lesson entry that is
 * not an object is dropped, and bad fields inside one fall back to their defaults.
 */
export function parseProgress(raw: string | null | undefined): Progress {
  if (!raw) return emptyProgress;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyProgress;
  }
  if (!isRecord(data) || data.version !== PROGRESS_VERSION || !isRecord(data.lessons)) return emptyProgress;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, value] of Object.entries(data.lessons)) {
    const parsed = parseLessonProgress(value);
    if (parsed) lessons[slug] = parsed;
  }
  const last = typeof data.last === "string" && data.last in lessons ? data.last : undefined;
  return { version: PROGRESS_VERSION, lessons, ...(last ? { last } : {}) };
}

// ---------------------------------------------------------------------------------------------
// What the pages show

export interface LessonProgressSummary {
  started: boolean;
  read: boolean;
  /** Solved exercises that the lesson still has (ids removed from the lesson are not counted). */
  solved: number;
  exercises: number;
  /** One line, e.g. "Read · 1 of 2 exercises solved", "In progress", "Not started". */
  text: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function lessonSummary(progress: Progress, lesson: Pick<LessonMeta, "slug" | "exerciseIds">): LessonProgressSummary {
  const p = progress.lessons[lesson.slug];
  const exercises = lesson.exerciseIds.length;
  const solved = p ? lesson.exerciseIds.filter((id) => p.solved.includes(id)).length : 0;
  const started = p !== undefined;
  const read = p?.read ?? false;
  const state = read ? "Read" : started ? "In progress" : "Not started";
  const text = exercises > 0 && started ? `${state} · ${solved} of ${exercises} ${plural(exercises, "exercise", "exercises")} solved` : state;
  return { started, read, solved, exercises, text };
}

export function hasProgress(progress: Progress): boolean {
  return Object.keys(progress.lessons).length > 0;
}

export interface ContinueTarget {
  slug: string;
  lessonTitle: string;
  /** Where in the lesson; undefined means its top. */
  section?: SectionRef;
}

/**
 * Where "Continue" leads: back to the section the learner last read. Once that lesson is read to
 * its end, to the next lesson in course order that is not read yet (at its saved section, if any);
 * when every later lesson is read too, back to where they were. Undefined with no progress or when
 * the last lesson no longer exists.
 */
export function continueTarget(progress: Progress, lessons: readonly Pick<LessonMeta, "slug" | "title">[]): ContinueTarget | undefined {
  const index = lessons.findIndex((l) => l.slug === progress.last);
  if (index < 0) return undefined;
  const target = (i: number): ContinueTarget => {
    const section = progress.lessons[lessons[i].slug]?.section;
    return { slug: lessons[i].slug, lessonTitle: lessons[i].title, ...(section ? { section } : {}) };
  };
  if (!progress.lessons[lessons[index].slug]?.read) return target(index);
  for (let i = index + 1; i < lessons.length; i++) {
    if (!progress.lessons[lessons[i].slug]?.read) return target(i);
  }
  return target(index);
}
