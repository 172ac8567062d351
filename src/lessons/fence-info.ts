// The info string of a fenced code block: language, optional block kind, then key=value
// attributes (values with spaces in double quotes), e.g.
//   ts example id=leaky-timeout title="A timeout helper" seed=1 expect=ok leaks=1
// This module only reads and checks the words; what a block means is decided in blocks.ts.
import type { ProblemList } from "./errors.ts";

export type BlockKind = "example" | "exercise" | "solution";
export type CodeLang = "ts" | "go" | "text" | "sh" | "json";

export interface FenceInfo {
  lang: CodeLang;
  kind?: BlockKind;
  attrs: Record<string, string>;
}

const langAliases: Record<string, CodeLang> = {
  ts: "ts",
  typescript: "ts",
  go: "go",
  golang: "go",
  text: "text",
  txt: "text",
  plaintext: "text",
  sh: "sh",
  bash: "sh",
  shell: "sh",
  json: "json",
};

export const blockKinds: readonly BlockKind[] = ["example", "exercise", "solution"];

/** The attributes each kind of block accepts. */
export const allowedAttributes: Record<BlockKind, readonly string[]> = {
  example: ["id", "title", "seed", "expect", "leaks", "signals", "live", "explore", "hunt", "slide-lines"],
  exercise: ["id", "title", "seed", "goals", "signals", "live", "explore", "slide-lines"],
  solution: ["for"],
};

/**
 * Plain code blocks take no attributes, except a ```go block's `slide-lines` (it only means
 * something on the Go original right before an example or exercise; lesson-body.ts checks that).
 */
const plainAttributes: Partial<Record<CodeLang, readonly string[]>> = { go: ["slide-lines"] };

const requiredAttributes: Record<BlockKind, readonly string[]> = {
  example: ["id", "title"],
  exercise: ["id", "title"],
  solution: ["for"],
};

// A word, optionally followed by =value or ="quoted value". Anything else is left for the error.
const wordPattern = /\s*([^\s="]+)(?:=("([^"]*)"|[^\s"]*))?/y;

interface Word {
  key: string;
  value?: string;
}

function splitWords(info: string, line: number, problems: ProblemList): Word[] | undefined {
  const words: Word[] = [];
  wordPattern.lastIndex = 0;
  let pos = 0;
  while (pos < info.length) {
    if (info.slice(pos).trim() === "") break;
    wordPattern.lastIndex = pos;
    const m = wordPattern.exec(info);
    if (!m || m[0].trim() === "") {
      const rest = info.slice(pos).trim();
      problems.add(
        line,
        rest.startsWith('"') || /="[^"]*$/.test(info)
          ? `the code block's info string has an unclosed double quote near ${JSON.stringify(rest)}; close the quoted value`
          : `the code block's info string cannot be read near ${JSON.stringify(rest)}; write attributes as key=value or key="value with spaces"`,
      );
      return undefined;
    }
    const [, key, raw, quoted] = m;
    words.push({ key, value: raw === undefined ? undefined : quoted ?? raw });
    pos = wordPattern.lastIndex;
  }
  return words;
}

/**
 * Reads a fence info string. Problems are reported at `line` (the fence's line); the result is
 * undefined when the block cannot be understood at all (unknown language or kind). A missing
 * required attribute is reported and set to "".
 */
export function parseFenceInfo(info: string, line: number, problems: ProblemList): FenceInfo | undefined {
  const words = splitWords(info.trim(), line, problems);
  if (!words) return undefined;
  if (words.length === 0) return { lang: "text", attrs: {} };

  const [first, ...rest] = words;
  if (first.value !== undefined) {
    problems.add(line, `the code block's info string must start with its language (ts, go, text, sh, json), not with the attribute "${first.key}"`);
    return undefined;
  }
  const lang = langAliases[first.key.toLowerCase()];
  if (!lang) {
    problems.add(line, `unknown code language "${first.key}"; use one of: ${Object.keys(langAliases).join(", ")}`);
    return undefined;
  }

  let kind: BlockKind | undefined;
  let attrWords = rest;
  if (rest.length > 0 && rest[0].value === undefined) {
    const word = rest[0].key;
    if (!(blockKinds as readonly string[]).includes(word)) {
      problems.add(line, `unknown block kind "${word}"; use one of: ${blockKinds.join(", ")} (or no kind for plain highlighted code)`);
      return undefined;
    }
    kind = word as BlockKind;
    attrWords = rest.slice(1);
  }

  const attrs: Record<string, string> = {};
  for (const w of attrWords) {
    if (w.value === undefined) {
      problems.add(line, `"${w.key}" in the code block's info string is not an attribute; write it as key=value (a block has at most one kind)`);
      continue;
    }
    const allowed = kind ? allowedAttributes[kind] : (plainAttributes[lang] ?? []);
    if (!allowed.includes(w.key)) {
      problems.add(
        line,
        kind
          ? `unknown attribute "${w.key}" on ${article(kind)} ${kind} block; allowed attributes: ${allowed.join(", ")}`
          : `unknown attribute "${w.key}" on a plain code block; attributes belong to example, exercise or solution blocks (e.g. \`\`\`ts example id=… title="…")`,
      );
      continue;
    }
    if (Object.hasOwn(attrs, w.key)) {
      problems.add(line, `attribute "${w.key}" is given twice; keep one`);
      continue;
    }
    attrs[w.key] = w.value;
  }
  if (!kind) return { lang, attrs };
  if (lang !== "ts") {
    problems.add(line, `${article(kind)} ${kind} block must be TypeScript (\`\`\`ts ${kind} …), not ${lang}`);
    return undefined;
  }
  for (const name of requiredAttributes[kind]) {
    if (!Object.hasOwn(attrs, name) || attrs[name].trim() === "") {
      problems.add(line, `${article(kind)} ${kind} block needs ${article(name)} ${name}=… attribute`);
      attrs[name] = "";
    }
  }
  // Unknown or repeated attributes were reported above; the block is still read, so its other
  // problems are reported in the same run.
  return { lang, kind, attrs };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
