import { describe, expect, it } from "vitest";
import { parseLesson } from "../lessons/parse.ts";
import type { LessonPart } from "../lessons/types.ts";
import { foldParts, hasFolds, slideCodeShape } from "./slide-folds.ts";

const lesson = (fence: string, goFence = "```go") =>
  parseLesson(
    "lessons/x.md",
    [
      "---",
      "title: Tiny",
      "slug: x",
      "order: 1",
      "summary: A tiny lesson.",
      "minutes: 5",
      "---",
      "",
      "# Workers",
      "",
      goFence,
      "package main",
      "",
      "func worker() {}",
      "",
      "func main() {",
      "\tgo worker()",
      "}",
      "```",
      "",
      fence,
      'import { go } from "chanscope";',
      "",
      "async function worker() {",
      "  console.log(1);",
      "}",
      "",
      "export default async function main() {",
      "  go(worker);",
      "}",
      "",
      "// Output:",
      "// 1",
      "```",
      "",
    ].join("\n"),
  );

const partsOf = (fence: string, goFence?: string): LessonPart[] => lesson(fence, goFence).slides[0].parts;
const html = (parts: LessonPart[], tab: "code" | "go") => {
  const p = parts.find((x) => x.kind === "example");
  return p?.kind === "example" ? (tab === "code" ? p.example.code.html : p.example.go?.html) ?? "" : "";
};

describe("a slide's programs with slide-lines", () => {
  it("fold the lines outside the ranges, in the TypeScript and in its Go original", () => {
    const parts = partsOf('```ts example id=w title="W" slide-lines="7-9"', "```go slide-lines=5-7");
    const folded = foldParts(parts, new Set());
    expect(html(folded, "code")).toContain('data-fold="w/ts/0" data-label="⋯ 6 lines: imports, worker()"');
    expect(html(folded, "go")).toContain('data-fold="w/go/0" data-label="⋯ 4 lines: package, worker()"');
    // The article's parts are untouched.
    expect(html(parts, "code")).not.toContain("code-fold");
  });

  it("fit the code as the slide shows it: a closed fold is one line, the Output block none", () => {
    const parts = partsOf('```ts example id=w title="W" slide-lines="7-9"', "```go slide-lines=5-7");
    // TypeScript: fold + lines 7-9 = 4; Go: fold + lines 5-7 = 4.
    expect(slideCodeShape(parts)?.lines).toBe(4);
    // Opening the TypeScript fold brings back its 6 lines: 9 in all.
    expect(slideCodeShape(parts, new Set(["w/ts/0"]))?.lines).toBe(9);
    const open = foldParts(parts, new Set(["w/ts/0"]));
    expect(html(open, "code")).not.toContain("code-fold");
  });

  it("leave a slide without slide-lines as it is, sized by its longest tab", () => {
    const parts = partsOf('```ts example id=w title="W"');
    expect(hasFolds(parts)).toBe(false);
    expect(hasFolds(partsOf('```ts example id=w title="W"', "```go slide-lines=5-7"))).toBe(true);
    expect(foldParts(parts, new Set())).toEqual(parts);
    expect(slideCodeShape(parts)?.lines).toBe(9);
  });
});
