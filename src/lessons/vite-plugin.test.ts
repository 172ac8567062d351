import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, createServer, type Rollup } from "vite";
import { describe, expect, it, vi } from "vitest";
import { indexModule, lessonModule, lessonsChangedEvent, lessonsPlugin, lessonsUpdate } from "./vite-plugin.ts";
import { parseLesson } from "./parse.ts";

const good = readFileSync(path.join(import.meta.dirname, "fixtures", "good.md"), "utf8");

/** A throwaway Vite project whose entry imports virtual:lessons. */
function project(lessons: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "lessons-plugin-"));
  mkdirSync(path.join(root, "lessons"));
  for (const [name, text] of Object.entries(lessons)) writeFileSync(path.join(root, "lessons", name), text);
  writeFileSync(path.join(root, "lessons", "blocked.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n');
  writeFileSync(path.join(root, "index.html"), '<!doctype html><script type="module" src="/main.js"></script>\n');
  writeFileSync(
    path.join(root, "main.js"),
    'import { lessons, loadLesson } from "virtual:lessons";\nconsole.log(lessons.length);\nloadLesson("good").then((l) => console.log(l.title));\n',
  );
  return root;
}

async function buildProject(root: string): Promise<Rollup.RollupOutput> {
  const result = await build({ root, configFile: false, logLevel: "silent", plugins: [lessonsPlugin()], build: { write: false, manifest: true, assetsInlineLimit: 0 } });
  return (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
}

describe("the virtual:lessons module", () => {
  const lesson = parseLesson("lessons/good.md", good);

  it("exports metadata only, and loads each lesson through its own dynamic import", () => {
    const code = indexModule([lesson]);
    expect(code).toContain('"good": () => import("virtual:lessons/good")');
    expect(code).toContain('"slug":"good"');
    expect(code).not.toContain("slides");
  });

  it("a lesson module swaps each local image's src for the URL Vite gives it", () => {
    const code = lessonModule(lesson, [{ src: "./blocked.svg", importPath: "/lessons/blocked.svg" }]);
    expect(code).toMatch(/^import image0 from "\/lessons\/blocked.svg\?url";\n/);
    expect(code).toContain("__lesson_image_0__");
    expect(code).toContain('.replaceAll("__lesson_image_0__", JSON.stringify(image0).slice(1, -1))');
    expect(code).not.toContain("./blocked.svg");
  });

  it("a lesson module evaluates back to the lesson", async () => {
    const url = `data:text/javascript,${encodeURIComponent(lessonModule(lesson))}`;
    const mod = (await import(/* @vite-ignore */ url)) as { default: unknown };
    expect(mod.default).toEqual(lesson);
  });

  it("vite build emits the index in the entry and each lesson as its own chunk", async () => {
    const out = await buildProject(project({ "good.md": good }));
    const chunks = out.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk");
    const entry = chunks.find((c) => c.isEntry);
    const lessonChunk = chunks.find((c) => c.facadeModuleId === "\0virtual:lessons/good");
    expect(entry?.code).toContain("Leaks: the goroutine nobody waits for");
    expect(entry?.code).not.toContain("shiki");
    expect(lessonChunk?.isDynamicEntry).toBe(true);
    expect(lessonChunk?.code).toContain("fix-leak");
    // The lesson's image is copied into the build and its src points at the copy.
    const image = out.output.find((o) => o.type === "asset" && o.fileName.endsWith(".svg"));
    expect(image?.fileName).toMatch(/^assets\/blocked-[\w-]+\.svg$/);
    expect(lessonChunk?.code).toContain(`/${image?.fileName}`);
    expect(lessonChunk?.code).not.toContain("./blocked.svg");
  }, 30_000);

  it("vite build fails with the file:line lines of a malformed lesson", async () => {
    const root = project({ "good.md": good.replace("minutes: 15", "minutes: soon").replace("title=\"A timeout helper\"", "") });
    await expect(buildProject(root)).rejects.toThrow(
      [
        "Malformed lessons:",
        'lessons/good.md:6: front matter field "minutes" must be a non-negative number, not "soon"',
        "lessons/good.md:26: an example block needs a title=… attribute",
      ].join("\n"),
    );
  }, 30_000);

  it("in dev, editing a lesson re-reads it and reloads the page; a broken edit becomes the overlay's error", async () => {
    const root = project({ "good.md": good });
    const server = await createServer({ root, configFile: false, logLevel: "silent", appType: "custom", plugins: [lessonsPlugin()], server: { middlewareMode: true, hmr: false } });
    try {
      const send = vi.spyOn(server.ws, "send");
      const index = async () => (await server.environments.client.transformRequest("virtual:lessons"))?.code ?? "";
      expect(await index()).toContain('"minutes":15');

      // The watcher may still be scanning the new folder: write until the change is seen.
      const editUntilReload = async (text: string) => {
        send.mockClear();
        await vi.waitFor(
          () => {
            writeFileSync(path.join(root, "lessons", "good.md"), text);
            expect(send).toHaveBeenCalledWith({ type: "full-reload" });
          },
          { timeout: 15_000, interval: 300 },
        );
      };

      await editUntilReload(good.replace("minutes: 15", "minutes: 25"));
      expect(await index()).toContain('"minutes":25');

      await editUntilReload(good.replace("minutes: 15", "minutes: soon"));
      await expect(index()).rejects.toThrow('lessons/good.md:6: front matter field "minutes" must be a non-negative number, not "soon"');
    } finally {
      await server.close();
    }
  }, 30_000);

  it("in dev, editing a lesson's body swaps that lesson in place instead of reloading the page", async () => {
    const root = project({ "good.md": good });
    const server = await createServer({ root, configFile: false, logLevel: "silent", appType: "custom", plugins: [lessonsPlugin()], server: { middlewareMode: true, hmr: false } });
    try {
      const send = vi.spyOn(server.ws, "send");
      const index = (await server.environments.client.transformRequest("virtual:lessons"))?.code ?? "";
      // The dev index listens for the event and imports a changed lesson under a new URL.
      expect(index).toContain(JSON.stringify(lessonsChangedEvent));
      expect(index).toContain("/@id/__x00__virtual:lessons/");
      const lessonCode = async () => (await server.environments.client.transformRequest("\0virtual:lessons/good"))?.code ?? "";
      expect(await lessonCode()).toContain("A helper with a");

      await vi.waitFor(
        () => {
          writeFileSync(path.join(root, "lessons", "good.md"), good.replace("A helper with a **timeout**.", "A helper that gives up after a **timeout**."));
          expect(send).toHaveBeenCalledWith({ type: "custom", event: lessonsChangedEvent, data: { slugs: ["good"] } });
        },
        { timeout: 15_000, interval: 300 },
      );
      expect(send).not.toHaveBeenCalledWith({ type: "full-reload" });
      expect(await lessonCode()).toContain("A helper that gives up after a");
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe("what a dev server does after a lesson edit", () => {
  const lesson = parseLesson("lessons/good.md", good);
  const edited = (text: string) => parseLesson("lessons/good.md", text);

  it("a body edit swaps only that lesson", () => {
    expect(lessonsUpdate([lesson], [edited(good.replace("Run it, point", "Run it and point"))])).toEqual({ kind: "bodies", slugs: ["good"] });
  });

  it("a metadata edit, or a lesson added or removed, reloads the page", () => {
    expect(lessonsUpdate([lesson], [edited(good.replace("minutes: 15", "minutes: 20"))])).toEqual({ kind: "reload" });
    expect(lessonsUpdate([lesson], [])).toEqual({ kind: "reload" });
    const other = parseLesson("lessons/other.md", good.replace("slug: good", "slug: other").replace("order: 40", "order: 41").replaceAll("id=leaky-timeout", "id=other-timeout"));
    expect(lessonsUpdate([lesson], [lesson, other])).toEqual({ kind: "reload" });
  });

  it("saving a file unchanged does nothing", () => {
    expect(lessonsUpdate([lesson], [edited(good)])).toEqual({ kind: "none" });
  });

  it("the built index has no hot-update code but keeps the same exports", () => {
    const code = indexModule([lesson]);
    expect(code).not.toContain("import.meta.hot");
    expect(code).toContain("export function onLessonsChanged()");
  });
});
