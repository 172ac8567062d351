import { describe, expect, it } from "vitest";
import { highlightCode } from "../lessons/highlight.ts";
import { foldedShape, foldHtml, foldLabel, foldsFor } from "./code-folds.ts";

const program = [
  'import { go, chan } from "chanscope";', // 1
  "", // 2
  "const jobs = chan<number>();", // 3
  "", // 4
  "async function worker(id: number) {", // 5
  "  for await (const j of jobs) console.log(id, j);", // 6
  "}", // 7
  "", // 8
  "export default async function main() {", // 9
  "  go(() => worker(1));", // 10
  "  await jobs.send(1);", // 11
  "}", // 12
].join("\n");

/** The text a browser would show: tags dropped, entities decoded (the hidden spans still count). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;|&#x3C;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("folds of a program", () => {
  it("fold every run of hidden lines, each with a label naming what it declares", () => {
    expect(foldsFor(program, [{ from: 9, to: 12 }], 12)).toEqual([{ from: 1, to: 8, label: "⋯ 8 lines: imports, jobs, worker()", indent: "" }]);
    expect(foldsFor(program, [{ from: 5, to: 7 }], 12)).toEqual([
      { from: 1, to: 4, label: "⋯ 4 lines: imports, jobs", indent: "" },
      { from: 8, to: 12, label: "⋯ 5 lines: main()", indent: "" },
    ]);
  });

  it("a fold inside a block is indented like the code it hides", () => {
    expect(foldsFor(program, [{ from: 1, to: 9 }, { from: 12, to: 12 }], 12)).toEqual([{ from: 10, to: 11, label: "⋯ 2 lines", indent: "  " }]);
    const html = foldHtml(highlightCode(program, "ts"), foldsFor(program, [{ from: 1, to: 9 }, { from: 12, to: 12 }], 12), {
      key: () => "k",
      isOpen: () => false,
    });
    expect(html).toContain('data-label="  ⋯ 2 lines"');
  });

  it("show a single hidden line instead of folding it: its fold line would take the same room", () => {
    expect(foldsFor(program, [{ from: 1, to: 3 }, { from: 5, to: 12 }], 12)).toEqual([]);
    expect(foldsFor(program, [{ from: 2, to: 11 }], 12)).toEqual([]);
  });

  it("labels say only the count when the lines declare nothing at top level, and cut long lists", () => {
    expect(foldLabel(["  a++;", "  b++;"])).toBe("⋯ 2 lines");
    expect(foldLabel(["type A = 1;", "interface B {}", "class C {}", "enum D {}"])).toBe("⋯ 4 lines: A, B, C, …");
    expect(foldLabel(["package main", "func (s *server) Run() {", "var (", "}"])).toBe("⋯ 4 lines: package, Run(), declarations");
  });

  it("a closed fold counts as one line in the shape the slide fits; an open one as all its lines", () => {
    const folds = foldsFor(program, [{ from: 9, to: 12 }], 12);
    // Lines 9-12 and one fold line; the widest shown line is main's signature (38 characters).
    expect(foldedShape(program, folds, () => false)).toEqual({ lines: 5, longest: 38 });
    expect(foldedShape(program, folds, () => true).lines).toBe(12);
  });
});

describe("highlighted code with folds", () => {
  const html = highlightCode(program, "ts");
  const key = (i: number) => `example-x/ts/${i}`;

  it("keeps the code's text unchanged, so clicks still map to the right line and column", () => {
    const folds = foldsFor(program, [{ from: 5, to: 7 }], 12);
    const folded = foldHtml(html, folds, { key, isOpen: () => false });
    expect(folded).not.toBe(html);
    expect(textOf(folded)).toBe(textOf(html));
    expect(folded.match(/<span class="line">/g)).toHaveLength(12);
  });

  it("hides each closed fold's lines behind one fold line that names them; an open fold shows its lines", () => {
    const folds = foldsFor(program, [{ from: 5, to: 7 }], 12);
    const folded = foldHtml(html, folds, { key, isOpen: (i) => i === 1 });
    expect([...folded.matchAll(/<span class="code-fold"[^>]*>/g)].map((m) => m[0])).toEqual([
      '<span class="code-fold" data-fold="example-x/ts/0" data-label="⋯ 4 lines: imports, jobs" data-name="Show 4 hidden lines (1–4): imports, jobs" aria-hidden="true">',
    ]);
    // Right after the fold line: its lines, hidden, with their line breaks; then line 5 as it was.
    const hidden = /<\/span><span class="code-fold__lines" hidden>(.*?)<\/span><span class="line">/s.exec(folded)?.[1] ?? "";
    expect(hidden.match(/<span class="line">/g)).toHaveLength(4);
    expect(textOf(hidden)).toBe(program.split("\n").slice(0, 4).join("\n") + "\n");
    // The open fold (lines 8-12) is plain code again.
    expect(folded.match(/code-fold__lines/g)).toHaveLength(1);
  });

  it("the fold line is a picture, not a control: the code around it is the playground's button", () => {
    const folded = foldHtml(html, foldsFor(program, [{ from: 9, to: 12 }], 12), { key, isOpen: () => false });
    expect(folded).not.toContain("<button");
    expect(folded).toContain('aria-hidden="true"');
  });

  it("returns code that does not have one line per source line unchanged", () => {
    const folds = foldsFor(program, [{ from: 9, to: 12 }], 12);
    expect(foldHtml("<pre>no code element</pre>", folds, { key, isOpen: () => false })).toBe("<pre>no code element</pre>");
    expect(foldHtml("<pre><code>one line</code></pre>", folds, { key, isOpen: () => false })).toBe("<pre><code>one line</code></pre>");
  });
});
