import { describe, expect, it } from "vitest";
import type { LessonMeta } from "../../lessons/types.ts";
import { lessonPosition } from "./neighbours.ts";

const meta = (slug: string, order: number): LessonMeta => ({
  slug, order, title: slug, summary: "", minutes: 5, file: `lessons/${slug}.md`,
  exampleIds: [], exerciseIds: [], slideCount: 1,
});
const course = [meta("a", 10), meta("b", 20), meta("c", 30)];

describe("lessonPosition", () => {
  it("gives the first lesson a next but no previous", () => {
    const p = lessonPosition(course, "a");
    expect(p).toMatchObject({ number: 1, total: 3, next: { slug: "b" } });
    expect(p?.previous).toBeUndefined();
  });

  it("gives a middle lesson both neighbours", () => {
    expect(lessonPosition(course, "b")).toMatchObject({ number: 2, previous: { slug: "a" }, next: { slug: "c" } });
  });

  it("gives the last lesson a previous but no next", () => {
    const p = lessonPosition(course, "c");
    expect(p?.previous?.slug).toBe("b");
    expect(p?.next).toBeUndefined();
  });

  it("is undefined for a slug that is not in the course", () => {
    expect(lessonPosition(course, "zzz")).toBeUndefined();
    expect(lessonPosition([], "a")).toBeUndefined();
  });
});
