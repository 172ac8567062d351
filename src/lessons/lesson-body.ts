// Reads the Markdown body of a lesson (after the front matter) into slides, using markdown-it's
// token stream, never regexes over the source: a `---` inside a code block is code, not a slide
// break. One pass over the top-level blocks:
//   `---` line (hr)           → next slide
//   ```go + ```ts example     → the example with its Go twin (only blank lines between)
//   ```ts example / exercise  → a runnable part; ```ts solution for=… → attached to its exercise
//   ::: hint                  → the previous exercise's next hint
//   ::: notes / <!-- notes -->→ the slide's speaker notes (kept out of the article)
//   anything else             → article HTML (headings get ids; code is highlighted)
import type { Token } from "markdown-it";
import { readExample, readExercise, readSolution, codeView, type Fence } from "./blocks.ts";
import type { ProblemList } from "./errors.ts";
import { parseFenceInfo } from "./fence-info.ts";
import { HeadingIds } from "./heading-ids.ts";
import { inlineText, markdown, markdownDepth, renderTokens, type FenceMeta } from "./markdown.ts";
import type { CodeView, Exercise, Heading, LessonPart, Slide } from "./types.ts";

/** A link or image address in the lesson's prose, checked against the course and the files. */
export interface ProseLink {
  href: string;
  line: number;
}

/** Where the prose points: links (checked by cross-check.ts) and images (by loadLessons). */
export interface ProseRefs {
  links: ProseLink[];
  images: ProseLink[];
}

export interface LessonBody {
  refs: ProseRefs;
  headings: Heading[];
  slides: Slide[];
  exampleIds: string[];
  exerciseIds: string[];
}

interface SlideDraft {
  /** 1-based line where the slide starts (its `---`, or the first line of the body). */
  line: number;
  parts: LessonPart[];
  notes: string[];
  title?: string;
  anchor?: string;
}

const slideBreak = /^-{3,}$/;
const containerFence = /^\s*:{3,}\s*$/;
const notesComment = /^<!--\s*notes\b/;

/** The index just past the block that starts at `i` (its matching close token). */
function blockEnd(tokens: Token[], i: number): number {
  if (tokens[i].nesting !== 1) return i + 1;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j + 1;
  }
  return tokens.length;
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

function fenceOf(token: Token): Fence | undefined {
  const info = (token.meta as FenceMeta | null)?.info;
  return info ? { source: token.content, info, line: lineOf(token) } : undefined;
}

export function readLessonBody(body: string, problems: ProblemList): LessonBody {
  const lines = body.split("\n");
  const tokens = markdown.parse(body, {});
  const refs: ProseRefs = { links: [], images: [] };
  const runnableIds = annotate(tokens, lines, problems, refs);
  return { ...new BodyReader(lines, problems, runnableIds).read(tokens), refs };
}

/**
 * First pass over every block token (markdown-it's list is flat; nesting is `level`): reads fence info strings (stored on
 * token.meta for the renderer and the second pass) and checks what does not depend on position.
 * Returns the ids of runnable blocks, reserved so headings never take `example-<id>`.
 */
function annotate(tokens: Token[], lines: string[], problems: ProblemList, refs: ProseRefs): string[] {
  const ids: string[] = [];
  for (const token of tokens) {
    if (token.type === "fence") {
      const info = parseFenceInfo(token.info, lineOf(token), problems);
      token.meta = { info } satisfies FenceMeta;
      if (info?.kind && token.level > 0) {
        problems.add(lineOf(token), `${info.kind === "example" || info.kind === "exercise" ? "an" : "a"} ${info.kind} block must be at the top level of the document, not inside a list, quote or ::: container`);
        token.meta = { info: { ...info, kind: undefined, attrs: {} } } satisfies FenceMeta;
      } else if (info?.kind && info.kind !== "solution" && info.attrs.id) {
        ids.push(`example-${info.attrs.id}`, `exercise-${info.attrs.id}`);
      }
    } else if (token.type === "inline") {
      checkInline(token, problems, refs);
    } else if (token.type === "html_block") {
      checkRawImages(token.content, lineOf(token), problems, refs);
    } else if (token.type === "heading_open" && token.markup === "-") {
      problems.add(
        token.map?.[1] ?? 1,
        `a "---" line directly under text turns that text into a heading instead of starting a new slide; leave a blank line above "---"`,
      );
    } else if (token.type === "container_other_open") {
      problems.add(lineOf(token), `unknown container "::: ${token.info.trim()}"; use "::: notes" or "::: hint"`);
    }
    if (token.type.startsWith("container_") && token.type.endsWith("_open")) {
      const end = token.map?.[1] ?? lines.length;
      if (end >= lines.length || !containerFence.test(lines[end])) {
        problems.add(lineOf(token), `the "::: ${token.info.trim()}" container is never closed; end it with a ":::" line`);
      }
    }
  }
  return ids;
}

/** Images need alt text; links and images are collected for later checks; each at its own line. */
function checkInline(inline: Token, problems: ProblemList, refs: ProseRefs): void {
  let line = lineOf(inline);
  for (const child of inline.children ?? []) {
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    const src = String(child.attrGet("src") ?? "");
    if (child.type === "image") {
      if (child.content.trim() === "") problems.add(line, `image "${src}" has no alt text; write ![what the image shows](${src || "…"})`);
      checkImageAddress(src, line, problems, refs);
    }
    if (child.type === "html_inline") checkRawImages(child.content, line, problems, refs);
    if (child.type === "link_open") refs.links.push({ href: String(child.attrGet("href") ?? ""), line });
  }
  const lines = inline.content.split("\n");
  const stray = lines.findIndex((l) => containerFence.test(l));
  if (stray >= 0) {
    problems.add(lineOf(inline) + stray, `this ":::" line closes nothing; a container starts with "::: notes" or "::: hint"`);
  }
}

function checkRawImages(html: string, line: number, problems: ProblemList, refs: ProseRefs): void {
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    if (!/\balt\s*=\s*("[^"]*\S[^"]*"|'[^']*\S[^']*'|[^\s"'>]+)/i.test(m[0])) {
      problems.add(line, `an <img> has no alt text; add alt="what the image shows"`);
    }
    const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(m[0])?.[1];
    if (src !== undefined) checkImageAddress(src, line, problems, refs);
  }
}

/**
 * Images are files next to the lessons (the build copies them) or data: URLs; the site's
 * Content-Security-Policy (img-src 'self' data:) would block any other host.
 */
function checkImageAddress(src: string, line: number, problems: ProblemList, refs: ProseRefs): void {
  if (src.startsWith("data:")) return;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    problems.add(line, `image "${src}" is on another site, which the site's Content-Security-Policy blocks; put the file in lessons/ and write its relative path`);
    return;
  }
  if (src.startsWith("/")) {
    problems.add(line, `image "${src}" is an absolute path; put the file in lessons/ and write its path relative to the lesson, e.g. ./lanes.svg`);
    return;
  }
  refs.images.push({ href: src, line });
}

class BodyReader {
  readonly #lines: string[];
  readonly #problems: ProblemList;
  readonly #ids: HeadingIds;
  readonly #headings: Heading[] = [];
  readonly #slides: SlideDraft[] = [];
  readonly #exercises = new Map<string, Exercise>();
  readonly #runnableLines = new Map<string, number>();
  readonly #exampleIds: string[] = [];
  readonly #exerciseIds: string[] = [];
  readonly #solutions: { forId: string; view: CodeView; line: number }[] = [];
  #slide: SlideDraft;
  /** Tokens of article HTML not yet rendered. */
  #run: Token[] = [];
  /** A ```go block that may turn out to be the Go twin of the next block. */
  #pendingGo: { tokens: Token[]; fence: Fence } | undefined;
  /** The exercise a `::: hint` here would belong to. */
  #hintTarget: Exercise | undefined;

  constructor(lines: string[], problems: ProblemList, reservedIds: string[]) {
    this.#lines = lines;
    this.#problems = problems;
    this.#ids = new HeadingIds(reservedIds);
    const firstLine = lines.findIndex((l) => l.trim() !== "");
    this.#slide = { line: firstLine < 0 ? 1 : firstLine + 1, parts: [], notes: [] };
  }

  read(tokens: Token[]): Omit<LessonBody, "refs"> {
    for (let i = 0; i < tokens.length; ) {
      const end = blockEnd(tokens, i);
      this.#block(tokens.slice(i, end));
      i = end;
    }
    this.#flushGo();
    this.#endSlide(true);
    this.#attachSolutions();
    return {
      headings: this.#headings,
      slides: this.#slides.map((s, index) => ({
        number: index + 1,
        title: s.title ?? `Slide ${index + 1}`,
        parts: s.parts,
        notesHtml: s.notes.join("\n"),
        ...(s.anchor ? { anchor: s.anchor } : {}),
      })),
      exampleIds: this.#exampleIds,
      exerciseIds: this.#exerciseIds,
    };
  }

  #block(block: Token[]): void {
    const first = block[0];
    const fence = first.type === "fence" ? fenceOf(first) : undefined;
    const kind = fence?.info.kind;

    if (this.#pendingGo && !(kind === "example" || kind === "exercise")) this.#flushGo();
    if (!(first.type === "container_hint_open" || kind === "solution")) this.#hintTarget = undefined;

    if (first.type === "hr" && slideBreak.test(this.#lines[first.map?.[0] ?? 0]?.trim() ?? "")) {
      this.#endSlide(false);
      this.#slide = { line: lineOf(first), parts: [], notes: [] };
      return;
    }
    if (fence && kind === undefined && fence.info.lang === "go") {
      this.#pendingGo = { tokens: block, fence };
      return;
    }
    if (fence && kind === "example") return this.#example(fence);
    if (fence && kind === "exercise") return this.#exercise(fence);
    if (fence && kind === "solution") return this.#solution(fence);
    if (first.type === "container_notes_open") {
      this.#slide.notes.push(renderTokens(block.slice(1, -1)));
      return;
    }
    if (first.type === "html_block" && notesComment.test(first.content.trimStart())) return this.#notesComment(first);
    if (first.type === "container_hint_open") return this.#hint(first, block);
    if (first.type === "heading_open") this.#heading(first, block[1]);
    this.#run.push(...block);
  }

  #takeGo(): CodeView | undefined {
    const go = this.#pendingGo;
    this.#pendingGo = undefined;
    return go ? codeView(go.fence, this.#problems) : undefined;
  }

  #flushGo(): void {
    if (!this.#pendingGo) return;
    if (this.#pendingGo.fence.info.attrs["slide-lines"] !== undefined) {
      this.#problems.add(
        this.#pendingGo.fence.line,
        "slide-lines on a ```go block only applies to the Go original of an example or exercise (the ```go block right before it, with only blank lines between)",
      );
    }
    this.#run.push(...this.#pendingGo.tokens);
    this.#pendingGo = undefined;
  }

  #claimId(id: string, line: number): void {
    const earlier = this.#runnableLines.get(id);
    if (earlier !== undefined) {
      this.#problems.add(line, `id "${id}" is already used on line ${earlier}; every example and exercise needs its own id`);
    } else {
      this.#runnableLines.set(id, line);
    }
  }

  #example(fence: Fence): void {
    const example = readExample(fence, this.#takeGo(), this.#problems);
    if (example.id) this.#claimId(example.id, fence.line);
    this.#exampleIds.push(example.id);
    this.#flushRun();
    this.#slide.parts.push({ kind: "example", example });
  }

  #exercise(fence: Fence): void {
    const exercise = readExercise(fence, this.#takeGo(), this.#problems);
    if (exercise.id) this.#claimId(exercise.id, fence.line);
    this.#exerciseIds.push(exercise.id);
    if (!this.#exercises.has(exercise.id)) this.#exercises.set(exercise.id, exercise);
    this.#flushRun();
    this.#slide.parts.push({ kind: "exercise", exercise });
    this.#hintTarget = exercise;
  }

  #solution(fence: Fence): void {
    const forId = fence.info.attrs.for;
    if (this.#hintTarget && this.#hintTarget.id !== forId) this.#hintTarget = undefined;
    this.#solutions.push({ forId, view: readSolution(fence, this.#problems), line: fence.line });
  }

  #hint(open: Token, block: Token[]): void {
    if (!this.#hintTarget) {
      this.#problems.add(lineOf(open), `a "::: hint" must come right after an exercise (or after that exercise's other hints)`);
      return;
    }
    this.#hintTarget.hints.push(renderTokens(block.slice(1, -1)));
  }

  #notesComment(token: Token): void {
    const content = token.content.trimEnd();
    if (!content.endsWith("-->")) {
      this.#problems.add(lineOf(token), `the "<!-- notes" comment is never closed; end it with "-->"`);
      return;
    }
    const inner = content.trimStart().replace(notesComment, "").slice(0, -3);
    this.#slide.notes.push(markdown.render(dedent(inner)));
  }

  #heading(open: Token, inline: Token | undefined): void {
    const text = inlineText(inline);
    const id = this.#ids.next(text);
    open.attrSet("id", id);
    const depth = markdownDepth(open);
    if (depth <= 4) this.#headings.push({ id, text, depth: depth as Heading["depth"] });
    if (this.#slide.title === undefined) {
      this.#slide.title = text;
      this.#slide.anchor = id;
    }
  }

  #flushRun(): void {
    if (this.#run.length === 0) return;
    const html = renderTokens(this.#run);
    this.#run = [];
    const last = this.#slide.parts.at(-1);
    if (last?.kind === "html") last.html += html;
    else this.#slide.parts.push({ kind: "html", html });
  }

  #endSlide(atEnd: boolean): void {
    this.#flushRun();
    const s = this.#slide;
    if (s.parts.length === 0 && s.notes.length === 0) {
      // A document may end with a stray `---`; an empty slide anywhere else is a mistake.
      if (atEnd && this.#slides.length > 0) return;
      this.#problems.add(
        s.line,
        atEnd ? `the lesson has no content after its front matter` : `this slide is empty; remove the extra "---" or put content between the "---" lines`,
      );
    }
    this.#slides.push(s);
  }

  #attachSolutions(): void {
    for (const s of this.#solutions) {
      if (s.forId === "") continue; // reported with the fence
      const exercise = this.#exercises.get(s.forId);
      if (!exercise) {
        const known = [...this.#exercises.keys()];
        this.#problems.add(
          s.line,
          `solution for="${s.forId}" names no exercise in this lesson${known.length ? `; exercises here: ${known.join(", ")}` : ""}`,
        );
      } else if (exercise.solution) {
        this.#problems.add(s.line, `exercise "${s.forId}" already has a solution on line ${exercise.solution.line}; keep one`);
      } else {
        exercise.solution = s.view;
      }
    }
  }
}

/** Removes the indentation common to all non-blank lines (notes are often indented in comments). */
function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}
