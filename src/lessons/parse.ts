// Lesson documents → the lesson model (types.ts). parseLesson reads one document;
// loadLessons reads the lessons folder and checks the course as a whole. Both throw a
// LessonError listing every problem as `lessons/x.md:LINE: sentence`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { crossCheck } from "./cross-check.ts";
import { LessonError, ProblemList, type LessonProblem } from "./errors.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { readLessonBody, type ProseRefs } from "./lesson-body.ts";
import type { Lesson, LessonMeta } from "./types.ts";

export { LessonError } from "./errors.ts";

/** Links and images of each parsed lesson, for the checks that need other files (not part of the model). */
const proseRefs = new WeakMap<Lesson, ProseRefs>();

/** The local images a lesson shows, as written in it (e.g. "./lanes.svg"), with their lines. */
export function lessonImages(lesson: Lesson): ProseRefs["images"] {
  return proseRefs.get(lesson)?.images ?? [];
}

/** Where an image of a lesson is on disk. */
export function imagePath(lesson: Lesson, src: string, base = process.cwd()): string {
  return path.resolve(base, path.dirname(lesson.file), decodeURI(src.split(/[?#]/)[0]));
}

/** `file` is the path shown in messages and kept in the model, e.g. "lessons/leaks.md". */
export function parseLesson(file: string, text: string): Lesson {
  const problems = new ProblemList(file);
  const normalized = text.replace(/\r\n?/g, "\n");
  const slug = path.basename(file, ".md");
  const { frontMatter, body } = splitFrontMatter(normalized, slug, problems);
  const content = readLessonBody(body, problems);
  problems.throwIfAny();
  if (!frontMatter) throw new LessonError([{ file, line: 1, message: "the front matter could not be read" }]);
  const lesson: Lesson = {
    ...frontMatter,
    file,
    exampleIds: content.exampleIds,
    exerciseIds: content.exerciseIds,
    slideCount: content.slides.length,
    headings: content.headings,
    slides: content.slides,
  };
  proseRefs.set(lesson, content.refs);
  return lesson;
}

/**
 * The lesson files of a folder in name order, as paths relative to `base` (the working
 * directory, or Vite's root), which is how messages and `Lesson.file` name them.
 * A README.md there is a note for authors, not a lesson.
 */
export function lessonFiles(dir = "lessons", base = process.cwd()): string[] {
  return readdirSync(path.resolve(base, dir))
    .filter((name) => name.endsWith(".md") && !name.startsWith(".") && name.toLowerCase() !== "readme.md")
    .sort()
    .map((name) => path.relative(base, path.resolve(base, dir, name)).split(path.sep).join("/"));
}

/**
 * Every lesson of `dir`, sorted by order; throws one LessonError with all problems of all files.
 * `base` is the folder file names are shown relative to (default: the working directory).
 */
export function loadLessons(dir = "lessons", base = process.cwd()): Lesson[] {
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  for (const file of lessonFiles(dir, base)) {
    try {
      const lesson = parseLesson(file, readFileSync(path.resolve(base, file), "utf8"));
      for (const image of lessonImages(lesson)) {
        const onDisk = imagePath(lesson, image.href, base);
        if (!existsSync(onDisk)) {
          problems.push({ file, line: image.line, message: `image "${image.href}" not found (no file ${path.relative(base, onDisk)})` });
        }
      }
      lessons.push(lesson);
    } catch (e) {
      if (!(e instanceof LessonError)) throw e;
      problems.push(...e.problems);
    }
  }
  problems.push(...crossCheck(lessons, (l) => proseRefs.get(l)?.links ?? []));
  if (problems.length > 0) throw new LessonError(problems);
  return lessons.sort((a, b) => a.order - b.order);
}

/** The metadata the course outline needs, without slides. */
export function lessonMeta(lesson: Lesson): LessonMeta {
  const { slug, title, order, summary, minutes, file, exampleIds, exerciseIds, slideCount } = lesson;
  return { slug, title, order, summary, minutes, file, exampleIds, exerciseIds, slideCount };
}
