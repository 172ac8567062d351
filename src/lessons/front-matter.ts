// The YAML front matter of a lesson: `---` on line 1, YAML, `---`. It is cut off here and the
// body keeps its line numbers (front matter lines become blank), so Markdown token line maps are
// file lines without any offset arithmetic.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from "yaml";
import type { ProblemList } from "./errors.ts";

export interface FrontMatter {
  title: string;
  slug: string;
  order: number;
  summary: string;
  minutes: number;
}

export const frontMatterFields = ["title", "slug", "order", "summary", "minutes"] as const;
type Field = (typeof frontMatterFields)[number];

const fieldKinds: Record<Field, "text" | "number"> = {
  title: "text",
  slug: "text",
  order: "number",
  summary: "text",
  minutes: "number",
};

export interface SplitDocument {
  /** Undefined when the front matter is missing or broken (problems were reported). */
  frontMatter?: FrontMatter;
  /** The whole document with the front matter lines blanked out. */
  body: string;
}

const fenceLine = /^---[ \t]*$/;

export function splitFrontMatter(text: string, expectedSlug: string, problems: ProblemList): SplitDocument {
  const lines = text.split(/\r?\n/);
  if (!fenceLine.test(lines[0] ?? "")) {
    problems.add(1, `the document must start with YAML front matter between "---" lines (fields: ${frontMatterFields.join(", ")})`);
    return { body: text };
  }
  const close = lines.findIndex((l, i) => i > 0 && fenceLine.test(l));
  if (close < 0) {
    problems.add(1, `the front matter opened here is never closed; end it with a "---" line`);
    return { body: "" };
  }
  const yamlText = lines.slice(1, close).join("\n");
  const body = [...lines.slice(0, close + 1).map(() => ""), ...lines.slice(close + 1)].join("\n");
  return { frontMatter: readFields(yamlText, expectedSlug, problems), body };
}

/** File line (1-based) of a character offset in the YAML text, which starts on line 2. */
function lineOf(counter: LineCounter, offset: number): number {
  return counter.linePos(offset).line + 1;
}

function readFields(yamlText: string, expectedSlug: string, problems: ProblemList): FrontMatter | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos ? e.linePos[0].line + 1 : lineOf(counter, e.pos[0]);
      problems.add(line, `the front matter is not valid YAML: ${firstSentence(e.message)}`);
    }
    return undefined;
  }
  if (!isMap(doc.contents)) {
    problems.add(2, `the front matter must be a YAML mapping of ${frontMatterFields.join(", ")}`);
    return undefined;
  }
  const values: Partial<Record<Field, string | number>> = {};
  let ok = true;
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? lineOf(counter, pair.key.range[0]) : 2;
    if (!(frontMatterFields as readonly string[]).includes(key)) {
      problems.add(line, `unknown front matter field "${key}"; allowed fields: ${frontMatterFields.join(", ")}`);
      ok = false;
      continue;
    }
    const field = key as Field;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (fieldKinds[field] === "number") {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        problems.add(line, `front matter field "${field}" must be a non-negative number, not ${describe(value)}`);
        ok = false;
        continue;
      }
    } else if (typeof value !== "string" || value.trim() === "") {
      problems.add(line, `front matter field "${field}" must be non-empty text, not ${describe(value)}`);
      ok = false;
      continue;
    }
    if (field === "slug" && value !== expectedSlug) {
      problems.add(line, `slug "${String(value)}" must equal the file name without ".md" ("${expectedSlug}"); rename the file or change the slug`);
      ok = false;
    }
    values[field] = value as string | number;
  }
  for (const field of frontMatterFields) {
    if (!hasKey(doc.contents.items as Pair[], field)) {
      problems.add(1, `the front matter is missing the required field "${field}"`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return values as FrontMatter;
}

function hasKey(items: Pair[], key: string): boolean {
  return items.some((p) => isScalar(p.key) && p.key.value === key);
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return "empty";
  return JSON.stringify(value);
}

function firstSentence(message: string): string {
  return message.split("\n")[0].replace(/\s+at line \d+, column \d+:?$/, "").trim();
}
