import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSize, htmlScripts, lessonPageChunks, staticClosure, type Manifest } from "./size.ts";

// The shape of a real build: the entry imports a vendor chunk statically and the pages, the
// editor and the lessons dynamically; the lesson page shares a chunk with the deck page.
const manifest: Manifest = {
  "index.html": {
    file: "assets/index.js",
    src: "index.html",
    isEntry: true,
    imports: ["_vendor.js"],
    dynamicImports: ["src/app/pages/LessonPage.tsx", "src/app/pages/DeckPage.tsx", "virtual:lessons/leaks", "virtual:lessons/context"],
  },
  "_vendor.js": { file: "assets/vendor.js", imports: ["_react.js"] },
  "_react.js": { file: "assets/react.js" },
  "_useLesson.js": { file: "assets/useLesson.js", imports: ["index.html", "_vendor.js"] },
  "src/app/pages/LessonPage.tsx": {
    file: "assets/LessonPage.js",
    src: "src/app/pages/LessonPage.tsx",
    isDynamicEntry: true,
    imports: ["index.html", "_useLesson.js"],
    dynamicImports: ["src/editor/Editor.tsx"],
  },
  "src/app/pages/DeckPage.tsx": { file: "assets/DeckPage.js", isDynamicEntry: true, imports: ["index.html", "_useLesson.js"] },
  "src/editor/Editor.tsx": { file: "assets/Editor.js", isDynamicEntry: true, imports: ["_monaco.js"] },
  "_monaco.js": { file: "assets/monaco.js" },
  "virtual:lessons/leaks": { file: "assets/leaks.js", src: "virtual:lessons/leaks", isDynamicEntry: true },
  "virtual:lessons/context": { file: "assets/context.js", src: "virtual:lessons/context", isDynamicEntry: true },
};

describe("what a lesson page loads, read from the build manifest", () => {
  it("follows static imports to the end, each file once, dependencies first", () => {
    expect(staticClosure(manifest, "index.html")).toEqual(["assets/react.js", "assets/vendor.js", "assets/index.js"]);
  });

  it("counts the shell, the lesson page's own chunks and the lesson data, never dynamic imports like the editor", () => {
    const chunks = lessonPageChunks(manifest);
    expect(chunks.shell).toEqual(["assets/react.js", "assets/vendor.js", "assets/index.js"]);
    expect(chunks.page).toEqual(["assets/useLesson.js", "assets/LessonPage.js"]);
    expect(chunks.lessons).toEqual({ leaks: "assets/leaks.js", context: "assets/context.js" });
    const all = [...chunks.shell, ...(chunks.page ?? [])];
    expect(all).not.toContain("assets/Editor.js");
    expect(all).not.toContain("assets/monaco.js");
    expect(all).not.toContain("assets/DeckPage.js");
  });

  it("says when the lesson page has no chunk of its own", () => {
    const { "src/app/pages/LessonPage.tsx": _page, ...withoutPage } = manifest;
    expect(lessonPageChunks(withoutPage).page).toBeUndefined();
  });

  it("names a manifest reference that does not exist", () => {
    expect(() => staticClosure({ a: { file: "a.js", imports: ["missing"] } }, "a")).toThrow('the build manifest has no chunk "missing"');
  });

  it("reads the scripts a built index.html loads, local ones only", () => {
    const html = `<script src="/theme-boot.js"></script>
      <script type="module" crossorigin src="/assets/index-B8.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-C1.js">
      <link rel="stylesheet" href="/assets/index.css">
      <script src="https://example.org/x.js"></script>`;
    expect(htmlScripts(html)).toEqual(["/theme-boot.js", "/assets/index-B8.js", "/assets/vendor-C1.js"]);
  });
});

describe("the size check on a build folder", () => {
  function dist(entryBytes: Buffer): string {
    const dir = mkdtempSync(path.join(tmpdir(), "size-dist-"));
    mkdirSync(path.join(dir, ".vite"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, ".vite", "manifest.json"), JSON.stringify(manifest));
    writeFileSync(path.join(dir, "index.html"), '<script type="module" src="/assets/index.js"></script>');
    for (const chunk of Object.values(manifest)) writeFileSync(path.join(dir, chunk.file), "export const x = 1;\n");
    writeFileSync(path.join(dir, "assets", "index.js"), entryBytes);
    return dir;
  }
  const capture = () => {
    const lines: string[] = [];
    return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
  };

  it("passes a small build and prints every counted file", () => {
    const { lines, out } = capture();
    expect(checkSize(dist(Buffer.from("export default 1;\n")), out)).toBe(0);
    expect(lines.join("\n")).toMatch(/app shell +assets\/index\.js/);
    expect(lines.join("\n")).toMatch(/lesson page +assets\/LessonPage\.js/);
    expect(lines.join("\n")).toMatch(/lesson data +assets\/(leaks|context)\.js \(largest of 2/);
    expect(lines.join("\n")).not.toContain("Editor.js");
  });

  it("fails a build whose lesson page is over budget, naming the largest part", () => {
    const { lines, out } = capture();
    // Random bytes do not compress: 300 kB stays about 300 kB in gzip.
    expect(checkSize(dist(randomBytes(300_000)), out)).toBe(1);
    expect(lines.at(-1)).toMatch(/^size: a lesson page loads 30\d\.\d kB of JavaScript \(gzip\), over the 250\.0 kB budget .*the largest part is assets\/index\.js/);
  });

  it("says to build first when there is no manifest", () => {
    const { lines, out } = capture();
    expect(checkSize(mkdtempSync(path.join(tmpdir(), "size-empty-")), out)).toBe(1);
    expect(lines[0]).toMatch(/manifest\.json not found; run "npm run build" first/);
  });
});
