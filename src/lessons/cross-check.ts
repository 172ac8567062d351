// Checks that need every lesson at once: slugs, orders and runnable ids are unique across the
// course (ids name examples in /play and in #example-<id> links), and links between lessons
// (/lessons/<slug>, #<heading-id>, #example-<id>) lead somewhere.
import type { LessonProblem } from "./errors.ts";
import type { ProseLink } from "./lesson-body.ts";
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
export function crossCheck(lessons: Lesson[], linksOf: (lesson: Lesson) => ProseLink[] = () => []): LessonProblem[] {
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
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  for (const lesson of lessons) {
    for (const link of linksOf(lesson)) {
      const message = brokenLink(link.href, lesson, bySlug);
      if (message) problems.push({ file: lesson.file, line: link.line, message });
    }
  }
  return problems;
}

/** The anchors a lesson page has: heading ids and example/exercise deep links. */
function anchors(lesson: Lesson): Set<string> {
  return new Set([
    ...lesson.headings.map((h) => h.id),
    ...lesson.slides.flatMap((s) => s.parts.flatMap((p) => (p.kind === "html" ? [...p.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]) : []))),
    ...lesson.exampleIds.map((id) => `example-${id}`),
    ...lesson.exerciseIds.map((id) => `exercise-${id}`),
  ]);
}

const lessonPath = /^\/lessons\/([^/#?]+)(\/slides\/(\d+))?\/?(?:#(.*))?$/;

/** Why an in-site link leads nowhere, or undefined when it is fine (or leaves the site). */
function brokenLink(href: string, from: Lesson, bySlug: Map<string, Lesson>): string | undefined {
  if (href.startsWith("#")) {
    const id = decodeURIComponent(href.slice(1));
    return id === "" || anchors(from).has(id) ? undefined : `link "${href}" points to no heading or example in this lesson`;
  }
  if (!href.startsWith("/lessons/")) return undefined;
  const m = lessonPath.exec(href);
  if (!m) return `link "${href}" is not a lesson address; use /lessons/<slug>, /lessons/<slug>#<heading-id> or /lessons/<slug>/slides/<n>`;
  const target = bySlug.get(m[1]);
  if (!target) return `link "${href}" points to lesson "${m[1]}", which does not exist; lessons: ${[...bySlug.keys()].join(", ")}`;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > target.slideCount)) {
    return `link "${href}" points to slide ${m[3]}, but "${target.slug}" has ${target.slideCount} slide${target.slideCount === 1 ? "" : "s"}`;
  }
  if (m[4] && !anchors(target).has(decodeURIComponent(m[4]))) {
    return `link "${href}" points to no heading or example "#${m[4]}" in lesson "${target.slug}"`;
  }
  return undefined;
}
