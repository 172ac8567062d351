import { describe, expect, it } from "vitest";
import {
  continueTarget,
  emptyProgress,
  lessonSummary,
  parseProgress,
  PROGRESS_STORAGE_KEY,
  resetProgress,
  serializeProgress,
  solveExercise,
  visitLesson,
  type Progress,
} from "./progress.ts";

const course = [
  { slug: "lifecycle", title: "Goroutine lifecycle", exerciseIds: ["own-search", "stop-server"] },
  { slug: "context", title: "Context", exerciseIds: ["cancel-slow"] },
  { slug: "leaks", title: "Leaks", exerciseIds: [] },
];

const intro = { id: "why", title: "Why it matters" };
const credits = { id: "credits", title: "Credits" };

describe("visiting a lesson", () => {
  it("records the lesson, its section and makes it the last one, without marking it read", () => {
    const p = visitLesson(emptyProgress, { slug: "lifecycle", section: intro, now: 10 });
    expect(p.last).toBe("lifecycle");
    expect(p.lessons.lifecycle).toEqual({ read: false, section: intro, solved: [], visitedAt: 10 });
  });

  it("marks a lesson read when the learner reaches its end, and later visits never unmark it", () => {
    let p = visitLesson(emptyProgress, { slug: "lifecycle", section: credits, reachedEnd: true, now: 1 });
    expect(p.lessons.lifecycle.read).toBe(true);
    p = visitLesson(p, { slug: "lifecycle", section: intro, now: 2 });
    expect(p.lessons.lifecycle.read).toBe(true);
    expect(p.lessons.lifecycle.section).toEqual(intro);
  });

  it("opening a lesson at its top keeps the section reached before", () => {
    let p = visitLesson(emptyProgress, { slug: "lifecycle", section: intro, now: 1 });
    p = visitLesson(p, { slug: "context", now: 2 });
    p = visitLesson(p, { slug: "lifecycle", now: 3 });
    expect(p.lessons.lifecycle.section).toEqual(intro);
    expect(p.last).toBe("lifecycle");
  });

  it("returns the same object when nothing visible changed, so nothing is written", () => {
    const p = visitLesson(emptyProgress, { slug: "lifecycle", section: intro, now: 1 });
    expect(visitLesson(p, { slug: "lifecycle", section: intro, now: 99 })).toBe(p);
    expect(visitLesson(p, { slug: "lifecycle", now: 99 })).toBe(p);
  });

  it("does not change the progress it was given", () => {
    const before = visitLesson(emptyProgress, { slug: "lifecycle", section: intro, now: 1 });
    const copy = structuredClone(before);
    visitLesson(before, { slug: "lifecycle", section: credits, reachedEnd: true, now: 2 });
    solveExercise(before, "lifecycle", "own-search", 3);
    expect(before).toEqual(copy);
    expect(emptyProgress).toEqual({ version: 1, lessons: {} });
  });
});

describe("solving an exercise", () => {
  it("counts each exercise once, in the order solved", () => {
    let p = solveExercise(emptyProgress, "lifecycle", "stop-server", 1);
    p = solveExercise(p, "lifecycle", "own-search", 2);
    const again = solveExercise(p, "lifecycle", "stop-server", 3);
    expect(again).toBe(p);
    expect(p.lessons.lifecycle.solved).toEqual(["stop-server", "own-search"]);
  });

  it("in a lesson never opened (e.g. from the playground page) starts that lesson's entry", () => {
    const p = solveExercise(emptyProgress, "context", "cancel-slow", 5);
    expect(p.lessons.context).toEqual({ read: false, solved: ["cancel-slow"], visitedAt: 5 });
    expect(p.last).toBe("context");
  });
});

describe("reset", () => {
  it("forgets every lesson", () => {
    const p = solveExercise(visitLesson(emptyProgress, { slug: "lifecycle", now: 1 }), "lifecycle", "own-search", 2);
    expect(p.last).toBe("lifecycle");
    expect(resetProgress()).toEqual({ version: 1, lessons: {} });
  });
});

describe("storage", () => {
  it("uses a versioned key", () => {
    expect(PROGRESS_STORAGE_KEY).toMatch(/:v1$/);
  });

  it("round-trips through its serialized form", () => {
    let p = visitLesson(emptyProgress, { slug: "lifecycle", section: credits, reachedEnd: true, now: 1 });
    p = solveExercise(p, "lifecycle", "own-search", 2);
    p = visitLesson(p, { slug: "context", section: intro, now: 3 });
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  it.each([
    ["nothing stored", null],
    ["an empty string", ""],
    ["text that is not JSON", "{not json"],
    ["a half-written value", '{"version":1,"lessons":{"lifecycle":{"read":tr'],
    ["JSON null", "null"],
    ["an array", "[1,2]"],
    ["a number", "42"],
    ["an older version", JSON.stringify({ version: 0, lessons: { lifecycle: { read: true, solved: [], visitedAt: 1 } } })],
    ["a newer version", JSON.stringify({ version: 2, lessons: { lifecycle: { read: true, solved: [], visitedAt: 1 } } })],
    ["no version", JSON.stringify({ lessons: { lifecycle: { read: true, solved: [], visitedAt: 1 } } })],
    ["lessons that are not an object", JSON.stringify({ version: 1, lessons: ["lifecycle"] })],
  ])("%s gives empty progress", (_, raw) => {
    expect(parseProgress(raw)).toEqual(emptyProgress);
  });

  it("keeps the well-formed lessons of a damaged value and repairs bad fields", () => {
    const raw = JSON.stringify({
      version: 1,
      last: "gone",
      lessons: {
        lifecycle: { read: "yes", section: { id: "why" }, solved: ["a", 3, "a", "", "b"], visitedAt: "soon" },
        context: { read: true, section: { id: "rules", title: "The rules" }, solved: "cancel-slow", visitedAt: 7 },
        leaks: null,
        fanout: 12,
      },
    });
    const p = parseProgress(raw);
    expect(p).toEqual({
      version: 1,
      lessons: {
        lifecycle: { read: false, solved: ["a", "b"], visitedAt: 0 },
        context: { read: true, section: { id: "rules", title: "The rules" }, solved: [], visitedAt: 7 },
      },
    });
    expect(p.last).toBeUndefined();
  });
});

describe("the outline's line per lesson", () => {
  const progress = (): Progress => {
    let p = visitLesson(emptyProgress, { slug: "lifecycle", section: credits, reachedEnd: true, now: 1 });
    p = solveExercise(p, "lifecycle", "own-search", 2);
    return visitLesson(p, { slug: "context", section: intro, now: 3 });
  };

  it("says read and how many exercises are solved", () => {
    expect(lessonSummary(progress(), course[0])).toEqual({ started: true, read: true, solved: 1, exercises: 2, text: "Read · 1 of 2 exercises solved" });
  });

  it("says in progress for a lesson opened but not finished", () => {
    expect(lessonSummary(progress(), course[1]).text).toBe("In progress · 0 of 1 exercise solved");
  });

  it("says not started, without exercise counts, for a lesson never opened", () => {
    expect(lessonSummary(progress(), course[2])).toMatchObject({ started: false, read: false, text: "Not started" });
    expect(lessonSummary(emptyProgress, course[0]).text).toBe("Not started");
  });

  it("does not count a solved exercise the lesson no longer has", () => {
    const p = solveExercise(solveExercise(emptyProgress, "context", "removed-one", 1), "context", "cancel-slow", 2);
    expect(lessonSummary(p, course[1])).toMatchObject({ solved: 1, exercises: 1 });
  });
});

describe("Continue", () => {
  it("is not offered without progress", () => {
    expect(continueTarget(emptyProgress, course)).toBeUndefined();
  });

  it("leads back to the section last read in the last lesson", () => {
    let p = visitLesson(emptyProgress, { slug: "lifecycle", section: intro, now: 1 });
    p = visitLesson(p, { slug: "context", section: { id: "rules", title: "The rules" }, now: 2 });
    expect(continueTarget(p, course)).toEqual({ slug: "context", lessonTitle: "Context", section: { id: "rules", title: "The rules" } });
  });

  it("leads to the top of a lesson opened but not scrolled", () => {
    const p = visitLesson(emptyProgress, { slug: "context", now: 1 });
    expect(continueTarget(p, course)).toEqual({ slug: "context", lessonTitle: "Context" });
  });

  it("after a lesson read to its end, leads to the next lesson not read yet", () => {
    let p = visitLesson(emptyProgress, { slug: "context", section: credits, reachedEnd: true, now: 1 });
    p = visitLesson(p, { slug: "lifecycle", section: credits, reachedEnd: true, now: 2 });
    expect(continueTarget(p, course)).toEqual({ slug: "leaks", lessonTitle: "Leaks" });
  });

  it("when every later lesson is read, stays at the last one", () => {
    let p = visitLesson(emptyProgress, { slug: "leaks", section: credits, reachedEnd: true, now: 1 });
    expect(continueTarget(p, course)).toEqual({ slug: "leaks", lessonTitle: "Leaks", section: credits });
    // Context is read and every lesson after it too: back to where the learner was (not a wrap).
    p = visitLesson(p, { slug: "context", section: credits, reachedEnd: true, now: 2 });
    expect(continueTarget(p, course)).toEqual({ slug: "context", lessonTitle: "Context", section: credits });
  });

  it("is not offered when the last lesson has been removed from the course", () => {
    const p = visitLesson(emptyProgress, { slug: "old-lesson", now: 1 });
    expect(continueTarget(p, course)).toBeUndefined();
  });
});
