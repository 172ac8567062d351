import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crossCheck } from "./cross-check.ts";
import { LessonError } from "./errors.ts";
import { lessonFiles, loadLessons, parseLesson } from "./parse.ts";
import type { Example, Exercise, Lesson } from "./types.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

function parts(lesson: Lesson) {
  return lesson.slides.flatMap((s) => s.parts);
}
function examples(lesson: Lesson): Example[] {
  return parts(lesson).flatMap((p) => (p.kind === "example" ? [p.example] : []));
}
function exercises(lesson: Lesson): Exercise[] {
  return parts(lesson).flatMap((p) => (p.kind === "exercise" ? [p.exercise] : []));
}
function articleHtml(lesson: Lesson): string {
  return parts(lesson).map((p) => (p.kind === "html" ? p.html : "")).join("");
}

describe("a well-formed lesson", () => {
  const lesson = parseLesson("lessons/good.md", fixture("good.md"));

  it("keeps the front matter and the file path", () => {
    expect(lesson).toMatchObject({
      title: "Leaks: the goroutine nobody waits for",
      slug: "good",
      order: 40,
      summary: "Why a timed-out helper leaves a task behind.",
      minutes: 15,
      file: "lessons/good.md",
      exampleIds: ["leaky-timeout"],
      exerciseIds: ["fix-leak"],
      slideCount: 3,
    });
  });

  it("splits slides at --- lines outside code, titled by their first heading", () => {
    expect(lesson.slides.map((s) => [s.number, s.title, s.anchor])).toEqual([
      [1, "The helper that leaks", "the-helper-that-leaks"],
      [2, "Who receives?", "who-receives"],
      [3, "Fix it", "fix-it"],
    ]);
    // The --- inside the ```text block stayed code.
    expect(lesson.slides[1].parts[0].kind === "html" && lesson.slides[1].parts[0].html).toContain("this dash line is code");
  });

  it("gives headings stable, unique ids and renders # one level below the page title", () => {
    expect(lesson.headings).toEqual([
      { id: "the-helper-that-leaks", text: "The helper that leaks", depth: 1 },
      { id: "who-receives", text: "Who receives?", depth: 2 },
      { id: "fix-it", text: "Fix it", depth: 2 },
      { id: "fix-it-2", text: "Fix it", depth: 2 },
    ]);
    const html = articleHtml(lesson);
    expect(html).toContain('<h2 id="the-helper-that-leaks">');
    expect(html).toContain('<h3 id="fix-it-2">');
  });

  it("keeps speaker notes out of the article, from both note forms", () => {
    expect(lesson.slides[0].notesHtml).toBe("<p>Run it, point at the lane that <strong>never ends</strong>.</p>\n");
    expect(lesson.slides[1].notesHtml).toBe("<p>Ask: who should have received that value?</p>\n");
    expect(lesson.slides[2].notesHtml).toBe("");
    expect(articleHtml(lesson)).not.toMatch(/never ends|should have received|notes/);
  });

  it("reads an example with its attributes, its Go twin and its declared output", () => {
    const [ex] = examples(lesson);
    expect(ex).toMatchObject({
      id: "leaky-timeout",
      title: "A timeout helper",
      seed: 1,
      expect: "ok",
      leaks: 1,
      output: ["timed out"],
      attrs: { signals: "SIGTERM@1200" },
      signals: [{ signal: "SIGTERM", atMs: 1200 }],
    });
    expect(ex.code.line).toBe(26);
    expect(ex.code.lang).toBe("ts");
    expect(ex.code.source).toMatch(/^import \{ chan, go, select, recv, after \} from "chanscope";\n/);
    expect(ex.code.source).toContain("// Output:\n// timed out\n");
    expect(ex.go?.lang).toBe("go");
    expect(ex.go?.line).toBe(13);
    expect(ex.go?.source).toMatch(/^func WithTimeout/);
    // The twin is a tab of the example, not also plain code in the article.
    expect(articleHtml(lesson)).not.toContain("WithTimeout");
  });

  it("highlights code at build time with both themes as CSS variables", () => {
    const [ex] = examples(lesson);
    expect(ex.code.html).toMatch(/^<pre class="shiki /);
    expect(ex.code.html).toContain("--shiki-light:");
    expect(ex.code.html).toContain("--shiki-dark:");
    expect(ex.code.html.match(/<span class="line">/g)).toHaveLength(ex.code.source.trimEnd().split("\n").length);
  });

  it("reads an exercise with goals, hints in order and its solution", () => {
    const [ex] = exercises(lesson);
    expect(ex.id).toBe("fix-leak");
    expect(ex.goals).toEqual([
      { kind: "outcome", value: "ok", text: 'Ends with outcome "ok"' },
      { kind: "leaks", value: 0, text: "Leaves no task running (no leaks)" },
      { kind: "maxVirtualMs", value: 150, text: "Finishes within 150 ms of virtual time" },
      { kind: "prints", value: "all 10 saved", text: 'Prints "all 10 saved"' },
    ]);
    expect(ex.hints).toEqual(["<p>Give the channel a <strong>buffer</strong>.</p>\n", "<p><code>chan&lt;number&gt;(1)</code></p>\n"]);
    expect(ex.solution?.line).toBe(81);
    expect(ex.solution?.source).toContain("chan<number>(1)");
    // Solutions and hints are revealed on request, never inline.
    expect(articleHtml(lesson)).not.toContain("Give the channel");
    expect(articleHtml(lesson)).not.toContain("all 10 saved");
  });

  it("renders prose: links, tables and images with their alt text", () => {
    const html = articleHtml(lesson);
    expect(html).toContain('<a href="#who-receives">who receives</a>');
    expect(html).toContain("<table>");
    expect(html).toContain('<img src="./blocked.svg" alt="A blocked sender">');
  });
});

// Every malformed document below is the same small lesson with one thing wrong.
const frontMatter = ["---", "title: Tiny", "slug: x", "order: 1", "summary: A tiny lesson.", "minutes: 5", "---", ""];
const goodExample = [
  '```ts example id=hello title="Hello"',
  'import { go } from "chanscope";',
  "export default async function main() {",
  '  go(async () => console.log("hi"));',
  "}",
  "```",
];
const doc = (...body: string[]) => [...frontMatter, ...body].join("\n") + "\n";
const withFrontMatter = (fm: string[], ...body: string[]) => [...fm, "", ...body].join("\n") + "\n";

function problemsOf(text: string, file = "lessons/x.md"): string[] {
  try {
    parseLesson(file, text);
  } catch (e) {
    if (e instanceof LessonError) return e.toString().split("\n");
    throw e;
  }
  return [];
}

const malformed: { what: string; text: string; line: number; message: string }[] = [
  { what: "no front matter", text: "# Tiny\n", line: 1, message: "the document must start with YAML front matter" },
  { what: "front matter never closed", text: "---\ntitle: Tiny\n", line: 1, message: "the front matter opened here is never closed" },
  { what: "front matter is not YAML", text: withFrontMatter(["---", "title: Tiny: yes", "slug: x", "---"], "# T"), line: 2, message: "the front matter is not valid YAML" },
  { what: "nothing after the front matter", text: doc(), line: 1, message: "the lesson has no content after its front matter" },
  {
    what: "missing front matter field",
    text: withFrontMatter(["---", "slug: x", "order: 1", "summary: S", "minutes: 5", "---"], "# T"),
    line: 1,
    message: 'the front matter is missing the required field "title"',
  },
  {
    what: "non-numeric front matter number",
    text: withFrontMatter(["---", "title: T", "slug: x", "order: first", "summary: S", "minutes: 5", "---"], "# T"),
    line: 4,
    message: 'front matter field "order" must be a non-negative number, not "first"',
  },
  {
    what: "empty front matter text",
    text: withFrontMatter(["---", "title: T", "slug: x", "order: 1", "summary:", "minutes: 5", "---"], "# T"),
    line: 5,
    message: 'front matter field "summary" must be non-empty text, not empty',
  },
  {
    what: "unknown front matter field",
    text: withFrontMatter(["---", "title: T", "slug: x", "order: 1", "summary: S", "minutes: 5", "tags: go", "---"], "# T"),
    line: 7,
    message: 'unknown front matter field "tags"; allowed fields: title, slug, order, summary, minutes',
  },
  {
    what: "slug differs from the file name",
    text: withFrontMatter(["---", "title: T", "slug: y", "order: 1", "summary: S", "minutes: 5", "---"], "# T"),
    line: 3,
    message: 'slug "y" must equal the file name without ".md" ("x")',
  },
  { what: "unknown block kind", text: doc("```ts exampel id=a title=A", "```"), line: 9, message: 'unknown block kind "exampel"; use one of: example, exercise, solution' },
  { what: "unknown language", text: doc("```python", "print(1)", "```"), line: 9, message: 'unknown code language "python"' },
  {
    what: "unknown attribute",
    text: doc('```ts example id=a title="A" colour=red', ...goodExample.slice(1)),
    line: 9,
    message: 'unknown attribute "colour" on an example block; allowed attributes: id, title, seed, expect, leaks, signals, live, explore, hunt',
  },
  {
    what: "attribute on plain code",
    text: doc("```go title=Main", "package main", "```"),
    line: 9,
    message: 'unknown attribute "title" on a plain code block',
  },
  {
    what: "explore that is not a boolean",
    text: doc('```ts example id=a title="A" explore=yes', ...goodExample.slice(1)),
    line: 9,
    message: "explore=yes must be true or false",
  },
  { what: "missing id", text: doc('```ts example title="A"', ...goodExample.slice(1)), line: 9, message: "an example block needs an id=… attribute" },
  { what: "missing title", text: doc("```ts example id=a", ...goodExample.slice(1)), line: 9, message: "an example block needs a title=… attribute" },
  { what: "id not kebab-case", text: doc("```ts example id=Leaky_One title=A", ...goodExample.slice(1)), line: 9, message: 'example id "Leaky_One" must be lowercase kebab-case' },
  { what: "bad expect value", text: doc("```ts example id=a title=A expect=maybe", ...goodExample.slice(1)), line: 9, message: "expect=maybe is not an outcome; use one of: ok, deadlock, panic, limit, signal" },
  { what: "expect=signal with no signal", text: doc("```ts example id=a title=A expect=signal", ...goodExample.slice(1)), line: 9, message: 'expect=signal needs a signal to arrive: add signals="SIGTERM@<virtual ms>"' },
  { what: "outcome=signal goal with no signal", text: doc('```ts exercise id=a title=A goals="outcome=signal"', ...goodExample.slice(1)), line: 9, message: "goal outcome=signal needs a signal to arrive" },
  { what: "non-numeric seed", text: doc("```ts example id=a title=A seed=abc", ...goodExample.slice(1)), line: 9, message: "seed=abc must be a whole number" },
  { what: "non-numeric leaks", text: doc("```ts example id=a title=A leaks=-1", ...goodExample.slice(1)), line: 9, message: "leaks=-1 must be a whole number" },
  { what: "malformed signals", text: doc('```ts example id=a title=A signals="TERM at 5"', ...goodExample.slice(1)), line: 9, message: 'signals="TERM at 5" is not a list like "SIGTERM@1200,SIGINT@3000"' },
  { what: "unclosed quote in the info string", text: doc('```ts example id=a title="A timeout', ...goodExample.slice(1)), line: 9, message: "unclosed double quote" },
  {
    what: "duplicate id in one lesson",
    text: doc(...goodExample, "", ...goodExample),
    line: 16,
    message: 'id "hello" is already used on line 9; every example and exercise needs its own id',
  },
  {
    what: "example without export default main",
    text: doc("```ts example id=a title=A", 'import { go } from "chanscope";', "async function main() {}", "```"),
    line: 10,
    message: 'example "a" has no `export default async function main()`',
  },
  {
    what: "example that does not import chanscope",
    text: doc("```ts example id=a title=A", "export default async function main() {}", "```"),
    line: 10,
    message: 'example "a" does not import from "chanscope"',
  },
  {
    what: "example importing another module",
    text: doc("```ts example id=a title=A", 'import { go } from "chanscope";', 'import fs from "node:fs";', "export default async function main() {}", "```"),
    line: 11,
    message: 'example "a" imports "node:fs"; lesson code may import only from "chanscope" and "xstate"',
  },
  {
    what: "code after the // Output: block",
    text: doc(...goodExample.slice(0, -1), "// Output:", "// hi", "main();", "```"),
    line: 16,
    message: "the `// Output:` block must end the code",
  },
  {
    what: "solution for an unknown exercise",
    text: doc("```ts solution for=nope", ...goodExample.slice(1)),
    line: 9,
    message: 'solution for="nope" names no exercise in this lesson',
  },
  {
    what: "exercise without goals",
    text: doc("```ts exercise id=a title=A", ...goodExample.slice(1)),
    line: 9,
    message: 'the exercise has no goals; add goals="outcome=ok; leaks=0"',
  },
  {
    what: "goal that is not key=value",
    text: doc('```ts exercise id=a title=A goals="outcome"', ...goodExample.slice(1)),
    line: 9,
    message: 'goal "outcome" is not key=value',
  },
  {
    what: "unknown goal",
    text: doc('```ts exercise id=a title=A goals="speed=fast"', ...goodExample.slice(1)),
    line: 9,
    message: 'unknown goal "speed"; allowed goals: outcome, leaks, maxMs, prints',
  },
  {
    what: "non-numeric goal",
    text: doc('```ts exercise id=a title=A goals="leaks=none"', ...goodExample.slice(1)),
    line: 9,
    message: "goal leaks=none must be a whole number",
  },
  {
    what: "hint not after an exercise",
    text: doc(...goodExample, "", "::: hint", "Try harder.", ":::"),
    line: 16,
    message: 'a "::: hint" must come right after an exercise',
  },
  { what: "unterminated container", text: doc("# T", "", "::: notes", "Say hello."), line: 11, message: 'the "::: notes" container is never closed' },
  { what: "unterminated notes comment", text: doc("# T", "", "<!-- notes", "Say hello."), line: 11, message: 'the "<!-- notes" comment is never closed; end it with "-->"' },
  { what: "unknown container", text: doc("# T", "", "::: warning", "Careful.", ":::"), line: 11, message: 'unknown container "::: warning"' },
  { what: "image without alt text", text: doc("# T", "", "![](./lanes.svg)"), line: 11, message: 'image "./lanes.svg" has no alt text' },
  { what: "image on a later line of a paragraph", text: doc("# T", "", "First line,", "second ![](./b.svg)"), line: 12, message: 'image "./b.svg" has no alt text' },
  { what: "stray ::: line", text: doc("# T", "", "Text", ":::"), line: 12, message: 'this ":::" line closes nothing' },
  { what: "image from another site", text: doc("# T", "", "![Lanes](https://example.org/lanes.png)"), line: 11, message: "is on another site, which the site's Content-Security-Policy blocks" },
  { what: "image at an absolute path", text: doc("# T", "", '<img src="/lanes.png" alt="Lanes">'), line: 11, message: 'image "/lanes.png" is an absolute path' },
  { what: "raw <img> without alt text", text: doc("# T", "", '<img src="./lanes.svg">'), line: 11, message: "an <img> has no alt text" },
  { what: "--- right under text", text: doc("# T", "", "Some text", "---", "", "## Next"), line: 12, message: 'a "---" line directly under text turns that text into a heading' },
  { what: "empty slide", text: doc("# T", "", "---", "", "---", "", "## U"), line: 11, message: "this slide is empty" },
  { what: "slide-lines that are not ranges", text: doc('```ts example id=a title=A slide-lines="two-four"', ...goodExample.slice(1)), line: 9, message: 'slide-lines="two-four" is not a list of line ranges like "8-31"' },
  { what: "slide-lines from line 0", text: doc('```ts example id=a title=A slide-lines="0-2"', ...goodExample.slice(1)), line: 9, message: 'lines are counted from 1, so "0-2" cannot start at line 0' },
  { what: "slide-lines range that runs backwards", text: doc('```ts example id=a title=A slide-lines="3-2"', ...goodExample.slice(1)), line: 9, message: 'the range "3-2" runs backwards; write "2-3"' },
  { what: "slide-lines past the program's end", text: doc('```ts example id=a title=A slide-lines="2-9"', ...goodExample.slice(1)), line: 9, message: `the range "2-9" goes past the program's last line (4;` },
  {
    what: "slide-lines reaching into the // Output: block",
    text: doc('```ts example id=a title=A slide-lines="2-6"', ...goodExample.slice(1, -1), "", "// Output:", "// hi", "```"),
    line: 9,
    message: `the range "2-6" goes past the program's last line (4; a trailing // Output: block does not count)`,
  },
  { what: "slide-lines out of order", text: doc('```ts example id=a title=A slide-lines="3-4, 1"', ...goodExample.slice(1)), line: 9, message: 'the ranges must be in ascending order, but "1" comes after "3-4"' },
  { what: "slide-lines overlapping", text: doc('```ts exercise id=a title=A goals="leaks=0" slide-lines="1-2, 2-3"', ...goodExample.slice(1)), line: 9, message: 'the range "2-3" overlaps "1-2"; ranges must not share lines' },
  { what: "slide-lines showing every line", text: doc('```ts example id=a title=A slide-lines="1-2, 3-4"', ...goodExample.slice(1)), line: 9, message: 'slide-lines="1-2, 3-4" shows every line of the program; drop the attribute' },
  { what: "slide-lines on a Go block that is no Go original", text: doc("```go slide-lines=1", "package main", "", "func main() {}", "```", "", "Text."), line: 9, message: "slide-lines on a ```go block only applies to the Go original of an example or exercise" },
  { what: "slide-lines on a solution", text: doc(...goodExample, "", '```ts solution for=hello slide-lines="1-2"', ...goodExample.slice(1)), line: 16, message: 'unknown attribute "slide-lines" on a solution block' },
  { what: "slide-lines on plain TypeScript", text: doc('```ts slide-lines="1-2"', "const a = 1;", "```"), line: 9, message: 'unknown attribute "slide-lines" on a plain code block' },
  { what: "slide-lines on a Go original, checked against the Go code", text: doc("```go slide-lines=2-5", "package main", "func main() {}", "```", "", ...goodExample), line: 9, message: `the range "2-5" goes past the program's last line (2;` },
  {
    what: "runnable block inside a list",
    text: doc("- step", "", "  ```ts example id=a title=A", '  import { go } from "chanscope";', "  ```"),
    line: 11,
    message: "an example block must be at the top level of the document",
  },
];

describe("a malformed lesson is rejected with file:line and what is wrong", () => {
  it.each(malformed)("$what", ({ text, line, message }) => {
    const problems = problemsOf(text);
    expect(problems.some((p) => p.startsWith(`lessons/x.md:${line}: `) && p.includes(message)), problems.join("\n")).toBe(true);
  });

  it("reports every problem of a document, one per line, in line order", () => {
    const problems = problemsOf(
      doc(
        "```ts example id=a title=A expect=maybe",
        ...goodExample.slice(1),
        "",
        "```ts example id=b title=B colour=red",
        "export default async function main() {}",
        "```",
        "",
        "![](./x.svg)",
      ),
    );
    expect(problems).toEqual([
      "lessons/x.md:9: expect=maybe is not an outcome; use one of: ok, deadlock, panic, limit, signal",
      'lessons/x.md:16: unknown attribute "colour" on an example block; allowed attributes: id, title, seed, expect, leaks, signals, live, explore, hunt, slide-lines',
      'lessons/x.md:17: example "b" does not import from "chanscope"; add e.g. import { go, chan } from "chanscope"',
      'lessons/x.md:20: image "./x.svg" has no alt text; write ![what the image shows](./x.svg)',
    ]);
  });

  it("the thrown LessonError names the first problem's file, line and sentence", () => {
    try {
      parseLesson("lessons/x.md", doc("```ts example id=a title=A seed=x", ...goodExample.slice(1)));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LessonError);
      const err = e as LessonError;
      expect([err.file, err.line, err.message]).toEqual(["lessons/x.md", 9, "seed=x must be a whole number (0, 1, 2 …)"]);
      expect(err.toString()).toBe("lessons/x.md:9: seed=x must be a whole number (0, 1, 2 …)");
    }
  });
});

describe("code blocks that are fine as they are", () => {
  it("a ```go block with no example after it is plain highlighted code", () => {
    const lesson = parseLesson("lessons/x.md", doc("# T", "", "```go", "package main", "```", "", "Text between.", "", ...goodExample));
    const [ex] = examples(lesson);
    expect(ex.go).toBeUndefined();
    expect(articleHtml(lesson)).toContain("package");
  });

  it("a `// Output:` on the marker line and an empty output are read as Go reads them", () => {
    const one = parseLesson("lessons/x.md", doc(...goodExample.slice(0, -1), "// Output: hi", "```"));
    expect(examples(one)[0].output).toEqual(["hi"]);
    const none = parseLesson("lessons/x.md", doc(...goodExample.slice(0, -1), "// Output:", "```"));
    expect(examples(none)[0].output).toEqual([]);
    const unchecked = parseLesson("lessons/x.md", doc(...goodExample));
    expect(examples(unchecked)[0].output).toBeUndefined();
  });

  it("slide-lines reach the example's code, its Go original's and an exercise's code as line ranges", () => {
    const lesson = parseLesson(
      "lessons/x.md",
      doc(
        '```go slide-lines="1, 3"',
        "package main",
        "",
        "func main() {}",
        "```",
        "",
        '```ts example id=a title="A" slide-lines="2-3"',
        ...goodExample.slice(1, -1),
        "",
        "// Output:",
        "// hi",
        "```",
        "",
        '```ts exercise id=b title="B" goals="leaks=0" slide-lines=" 1 - 2 , 4 "',
        ...goodExample.slice(1),
      ),
    );
    const [ex] = examples(lesson);
    expect(ex.code.slideLines).toEqual([{ from: 2, to: 3 }]);
    expect(ex.go?.slideLines).toEqual([{ from: 1, to: 1 }, { from: 3, to: 3 }]);
    expect(ex.output).toEqual(["hi"]);
    expect(exercises(lesson)[0].code.slideLines).toEqual([{ from: 1, to: 2 }, { from: 4, to: 4 }]);
    // Without the attribute the slide shows every line.
    expect(examples(parseLesson("lessons/x.md", doc(...goodExample)))[0].code.slideLines).toBeUndefined();
  });

  it("explore=true and hunt=true reach the example's attrs, for the runner and the page", () => {
    const lesson = parseLesson("lessons/x.md", doc('```ts example id=a title="A" seed=2 explore=true hunt=true', ...goodExample.slice(1)));
    expect(examples(lesson)[0]).toMatchObject({ seed: 2, attrs: { explore: "true", hunt: "true" } });
  });
});

describe("loadLessons checks the course as a whole", () => {
  const write = (dir: string, name: string, order: number, id: string, lineOfId = 9) => {
    const text = withFrontMatter(["---", `title: ${name}`, `slug: ${name}`, `order: ${order}`, "summary: S", "minutes: 5", "---"], ...goodExample).replace("id=hello", `id=${id}`);
    writeFileSync(path.join(dir, `${name}.md`), text);
    return lineOfId;
  };

  it("returns lessons sorted by order", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    write(dir, "b", 10, "one");
    write(dir, "a", 20, "two");
    expect(loadLessons(dir).map((l) => l.slug)).toEqual(["b", "a"]);
  });

  it("rejects an example id used in two lessons, and a repeated order", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    write(dir, "a", 10, "same");
    write(dir, "b", 10, "same");
    const rel = path.relative(process.cwd(), dir);
    try {
      loadLessons(dir);
      expect.unreachable();
    } catch (e) {
      expect((e as LessonError).toString().split("\n")).toEqual([
        `${rel}/b.md:1: order 10 is already used by ${rel}/a.md; give each lesson its own order`,
        `${rel}/b.md:9: id "same" is already used at ${rel}/a.md:9; example and exercise ids must be unique across all lessons`,
      ]);
    }
  });

  it("reports problems of several files together", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    writeFileSync(path.join(dir, "a.md"), "# no front matter\n");
    writeFileSync(path.join(dir, "b.md"), "# none here either\n");
    const rel = path.relative(process.cwd(), dir);
    expect(() => loadLessons(dir)).toThrow(LessonError);
    try {
      loadLessons(dir);
    } catch (e) {
      expect((e as LessonError).problems.map((p) => `${p.file}:${p.line}`)).toEqual([`${rel}/a.md:1`, `${rel}/b.md:1`]);
    }
  });

  it("rejects links to lessons, slides, headings or examples that do not exist", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    write(dir, "a", 10, "one");
    writeFileSync(
      path.join(dir, "b.md"),
      withFrontMatter(
        ["---", "title: B", "slug: b", "order: 20", "summary: S", "minutes: 5", "---"],
        "# B",
        "",
        "Fine: [a](/lessons/a), [its example](/lessons/a#example-one), [slide](/lessons/a/slides/1), [here](#b).",
        "",
        "[gone](/lessons/zzz) [slide](/lessons/a/slides/9)",
        "",
        "[heading](/lessons/a#nowhere) [local](#nowhere) [odd](/lessons/a/deck)",
      ),
    );
    const rel = path.relative(process.cwd(), dir);
    try {
      loadLessons(dir);
      expect.unreachable();
    } catch (e) {
      expect((e as LessonError).toString().split("\n")).toEqual([
        `${rel}/b.md:13: link "/lessons/zzz" points to lesson "zzz", which does not exist; lessons: a, b`,
        `${rel}/b.md:13: link "/lessons/a/slides/9" points to slide 9, but "a" has 1 slide`,
        `${rel}/b.md:15: link "/lessons/a#nowhere" points to no heading or example "#nowhere" in lesson "a"`,
        `${rel}/b.md:15: link "#nowhere" points to no heading or example in this lesson`,
        `${rel}/b.md:15: link "/lessons/a/deck" is not a lesson address; use /lessons/<slug>, /lessons/<slug>#<heading-id> or /lessons/<slug>/slides/<n>`,
      ]);
    }
  });

  it("rejects an image file that is not there", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    writeFileSync(path.join(dir, "here.svg"), "<svg/>");
    writeFileSync(
      path.join(dir, "a.md"),
      withFrontMatter(["---", "title: A", "slug: a", "order: 1", "summary: S", "minutes: 5", "---"], "# A", "", "![here](./here.svg)", "", "![gone](./gone.svg)"),
    );
    const rel = path.relative(process.cwd(), dir);
    expect(() => loadLessons(dir)).toThrow(LessonError);
    try {
      loadLessons(dir);
    } catch (e) {
      expect(String(e)).toBe(`${rel}/a.md:13: image "./gone.svg" not found (no file ${rel}/gone.svg)`);
    }
  });

  it("rejects a repeated slug", () => {
    const lesson = parseLesson("lessons/x.md", doc(...goodExample));
    const twin = { ...lesson, file: "other/x.md", order: 2, exampleIds: [] };
    expect(crossCheck([lesson, twin])).toEqual([
      { file: "other/x.md", line: 1, message: 'slug "x" is already used by lessons/x.md; slugs must be unique' },
    ]);
  });
});

const courseDir = path.resolve(import.meta.dirname, "../../lessons");
const courseFiles = existsSync(courseDir) ? lessonFiles(courseDir) : [];

describe.skipIf(courseFiles.length === 0)("the course in lessons/", () => {
  it("every lesson is well-formed (problems listed as file:line lines)", () => {
    let report = "";
    try {
      loadLessons(courseDir);
    } catch (e) {
      if (!(e instanceof LessonError)) throw e;
      report = e.toString();
    }
    expect(report).toBe("");
  });
});
