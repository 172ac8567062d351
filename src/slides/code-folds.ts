// Folds: the lines a slide does not show of a long program (the lesson's `slide-lines="8-31"`
// names the lines it shows). Each run of hidden lines becomes one quiet line on the slide
// ("⋯ 7 lines: imports, worker()") that the presenter can open; the article, the editor and
// every run keep the whole program. The fold line in the code is a picture (aria-hidden); on a
// live slide the button that opens it lies over it (FoldButtons.tsx), outside the code, because
// the code is itself a control ("press Enter to edit") and controls must not nest.
//
// Highlighted code (Shiki) has one `<span class="line">` per source line inside <code>, joined
// by "\n". A fold keeps its lines in the DOM, inside a hidden span together with their line
// breaks, so the code's text is unchanged: a click still maps to the right line and column
// (editor/click-position.ts) and the timeline's current line is still the n-th `.line`.
// The fold line's label is an attribute drawn by CSS, so it adds no text either.
import type { LineRange } from "../lessons/types.ts";
import type { CodeShape } from "./geometry.ts";

export interface Fold {
  /** First and last hidden line, 1-based, both included. */
  from: number;
  to: number;
  /** What the fold line says, e.g. "⋯ 7 lines: imports, worker()". */
  label: string;
  /** Leading whitespace of the first hidden line: the fold line sits where its code would. */
  indent: string;
}

/**
 * The folds of a program of `programLines` lines whose slide shows `shown` (ascending, apart,
 * inside the program: the lesson parser checks that). A gap of one line is shown rather than
 * folded: its fold line would take the same room.
 */
export function foldsFor(source: string, shown: readonly LineRange[], programLines: number): Fold[] {
  const lines = source.split("\n");
  const folds: Fold[] = [];
  let next = 1;
  const gap = (from: number, to: number) => {
    if (to - from < 1) return;
    const hidden = lines.slice(from - 1, to);
    const indent = /^\s*/.exec(hidden.find((l) => l.trim() !== "") ?? "")?.[0] ?? "";
    folds.push({ from, to, label: foldLabel(hidden), indent });
  };
  for (const r of shown) {
    gap(next, r.from - 1);
    next = r.to + 1;
  }
  gap(next, programLines);
  return folds;
}

// Top-level declarations worth naming in a fold's label (indented lines are inside something).
const declarations: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^import\b/, () => "imports"],
  [/^package\s+\w+/, () => "package"],
  [/^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\*?\s+([\w$]+)/, (m) => `${m[1]}()`],
  [/^func\s+(?:\([^)]*\)\s*)?([\w$]+)/, (m) => `${m[1]}()`],
  [/^(?:export\s+)?(?:const|let|var|class|interface|type|enum)\s+([\w$]+)/, (m) => m[1]],
  [/^(?:type|var|const)\s+\(/, () => "declarations"],
];

const MAX_NAMES = 3;

/** "⋯ 7 lines", followed by what they declare at top level when that can be told. */
export function foldLabel(lines: readonly string[]): string {
  const names: string[] = [];
  for (const line of lines) {
    for (const [pattern, name] of declarations) {
      const m = pattern.exec(line);
      if (!m) continue;
      const n = name(m);
      if (!names.includes(n)) names.push(n);
      break;
    }
  }
  const head = `⋯ ${lines.length} lines`;
  if (names.length === 0) return head;
  const listed = names.length > MAX_NAMES ? [...names.slice(0, MAX_NAMES), "…"] : names;
  return `${head}: ${listed.join(", ")}`;
}

/** Lines and longest line of the code as a slide shows it: shown lines, plus one per closed fold. */
export function foldedShape(source: string, folds: readonly Fold[], isOpen: (index: number) => boolean): CodeShape {
  const lines = source.replace(/\n+$/, "").split("\n");
  let count = lines.length;
  let longest = 0;
  const hidden = new Set<number>();
  folds.forEach((f, i) => {
    if (isOpen(i)) return;
    count -= f.to - f.from; // f.to - f.from + 1 lines become one
    longest = Math.max(longest, (f.indent + f.label).replace(/\t/g, "  ").length);
    for (let n = f.from; n <= f.to; n++) hidden.add(n);
  });
  lines.forEach((l, i) => {
    if (!hidden.has(i + 1)) longest = Math.max(longest, l.replace(/\t/g, "  ").length);
  });
  return { lines: count, longest };
}

export interface FoldMarkup {
  /** Stable name of each fold (e.g. "example-x/ts/0"), in the fold line's data-fold. */
  key(index: number): string;
  isOpen(index: number): boolean;
}

/**
 * The highlighted code with every closed fold's lines hidden behind one fold line. Returns the
 * HTML unchanged when it does not have one line per source line (better long than wrong).
 */
export function foldHtml(html: string, folds: readonly Fold[], markup: FoldMarkup): string {
  const open = html.indexOf("<code>");
  const close = html.lastIndexOf("</code>");
  if (folds.length === 0 || open < 0 || close < open) return html;
  const lines = html.slice(open + "<code>".length, close).split("\n");
  if (folds[folds.length - 1].to > lines.length) return html;
  const out: string[] = [];
  let n = 1;
  folds.forEach((f, i) => {
    if (markup.isOpen(i)) return;
    out.push(lines.slice(n - 1, f.from - 1).map((l) => `${l}\n`).join(""));
    const hidden = lines.slice(f.from - 1, f.to).join("\n") + (f.to < lines.length ? "\n" : "");
    out.push(foldLine(f, markup.key(i)), `<span class="code-fold__lines" hidden>${hidden}</span>`);
    n = f.to + 1;
  });
  out.push(lines.slice(n - 1).join("\n"));
  return html.slice(0, open + "<code>".length) + out.join("") + html.slice(close);
}

/** The name of the button that opens a fold, e.g. "Show 7 hidden lines (1–7): imports, worker()". */
export function foldButtonName(f: Fold): string {
  const what = f.label.includes(":") ? `: ${f.label.slice(f.label.indexOf(":") + 2)}` : "";
  return `Show ${f.to - f.from + 1} hidden lines (${f.from}–${f.to})${what}`;
}

function foldLine(f: Fold, key: string): string {
  return `<span class="code-fold" data-fold="${escapeAttr(key)}" data-label="${escapeAttr(f.indent + f.label)}" data-name="${escapeAttr(foldButtonName(f))}" aria-hidden="true"></span>`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
