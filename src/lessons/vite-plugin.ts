// The lessons Vite plugin: `virtual:lessons` is the course index (metadata only) plus
// loadLesson(slug), which imports `virtual:lessons/<slug>`, so each lesson is its own chunk.
// The build fails with the `lessons/x.md:LINE: sentence` lines and nothing else; in dev a
// broken lesson shows the same lines in Vite's overlay. In dev, an edit to a lesson's body is
// swapped into the open page (scroll, runs and edits stay); a change to the course itself
// (a lesson's metadata, a lesson added or removed, an image) reloads the page.
import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { LessonError } from "./errors.ts";
import { imagePath, lessonImages, lessonMeta, loadLessons } from "./parse.ts";
import type { Lesson } from "./types.ts";

export const indexId = "virtual:lessons";
const lessonPrefix = "virtual:lessons/";
const resolvedPrefix = "\0";

export interface LessonsPluginOptions {
  /** The lessons folder, relative to Vite's root. */
  dir?: string;
}

/** The custom HMR event that says which lessons' bodies changed: `{ slugs: string[] }`. */
export const lessonsChangedEvent = "chanscope:lessons-changed";

/** The JavaScript of `virtual:lessons`; `hot` (dev server) adds in-place updates of lesson bodies. */
export function indexModule(lessons: Lesson[], { hot = false }: { hot?: boolean } = {}): string {
  const loaders = lessons
    .map((l) => `  ${JSON.stringify(l.slug)}: () => import(${JSON.stringify(lessonPrefix + l.slug)}),`)
    .join("\n");
  const common = [`export const lessons = ${JSON.stringify(lessons.map(lessonMeta))};`, `const chunks = {\n${loaders}\n};`];
  if (!hot) {
    return [
      ...common,
      `export function loadLesson(slug) {`,
      `  const load = Object.hasOwn(chunks, slug) ? chunks[slug] : undefined;`,
      `  return load ? load().then((m) => m.default) : Promise.resolve(undefined);`,
      `}`,
      `export function onLessonsChanged() {`,
      `  return () => {};`,
      `}`,
      ``,
    ].join("\n");
  }
  // A changed lesson is imported again under a new URL (the browser keeps modules by URL; Vite
  // drops the ?t= query and serves the re-read lesson).
  return [
    ...common,
    `const versions = new Map();`,
    `const listeners = new Set();`,
    `export function loadLesson(slug) {`,
    `  if (!Object.hasOwn(chunks, slug)) return Promise.resolve(undefined);`,
    `  const v = versions.get(slug);`,
    `  const load = v === undefined ? chunks[slug]() : import(/* @vite-ignore */ ${JSON.stringify(`/@id/__x00__${lessonPrefix}`)} + slug + "?t=" + v);`,
    `  return load.then((m) => m.default);`,
    `}`,
    `export function onLessonsChanged(listener) {`,
    `  listeners.add(listener);`,
    `  return () => listeners.delete(listener);`,
    `}`,
    `if (import.meta.hot) {`,
    `  import.meta.hot.on(${JSON.stringify(lessonsChangedEvent)}, ({ slugs }) => {`,
    `    const now = Date.now();`,
    `    for (const slug of slugs) versions.set(slug, now);`,
    `    for (const listener of listeners) listener(slugs);`,
    `  });`,
    `}`,
    ``,
  ].join("\n");
}

/** What a dev server must do after the lessons were read again. */
export type LessonsUpdate = { kind: "none" } | { kind: "bodies"; slugs: string[] } | { kind: "reload" };

/**
 * Compares the course before and after an edit: only lesson bodies changed → swap those lessons
 * in place; the index (metadata, order, a lesson added or gone) changed → reload the page.
 */
export function lessonsUpdate(before: readonly Lesson[], after: readonly Lesson[]): LessonsUpdate {
  if (indexModule([...before]) !== indexModule([...after])) return { kind: "reload" };
  const old = new Map(before.map((l) => [l.slug, JSON.stringify(l)]));
  const slugs = after.filter((l) => old.get(l.slug) !== JSON.stringify(l)).map((l) => l.slug);
  return slugs.length === 0 ? { kind: "none" } : { kind: "bodies", slugs };
}

/** A local image of a lesson: its address in the HTML and its file, as a root-relative import ("/lessons/x.svg"). */
export interface LessonImage {
  src: string;
  importPath: string;
}

const escapeAttr = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The JavaScript of `virtual:lessons/<slug>`: the whole lesson (JSON.parse is the fastest way to
 * load big literals). Each local image is imported with `?url`, so Vite copies it into the build
 * (hashed) and its `src` in the HTML becomes that URL.
 */
export function lessonModule(lesson: Lesson, images: LessonImage[] = []): string {
  let json = JSON.stringify(lesson);
  const imports: string[] = [];
  const swaps: string[] = [];
  const seen = new Set<string>();
  for (const image of images) {
    if (seen.has(image.src)) continue;
    seen.add(image.src);
    const n = imports.length;
    const placeholder = `__lesson_image_${n}__`;
    for (const written of new Set([image.src, escapeAttr(image.src)])) {
      json = json.split(JSON.stringify(`src="${written}"`).slice(1, -1)).join(JSON.stringify(`src="${placeholder}"`).slice(1, -1));
    }
    imports.push(`import image${n} from ${JSON.stringify(`${image.importPath}?url`)};`);
    swaps.push(`.replaceAll(${JSON.stringify(placeholder)}, JSON.stringify(image${n}).slice(1, -1))`);
  }
  return `${imports.map((l) => `${l}\n`).join("")}export default JSON.parse(${JSON.stringify(json)}${swaps.join("")});\n`;
}

/** An error whose printout is the problem lines alone: no stack trace for an author's mistake. */
function reportError(error: LessonError): Error {
  const plain = new Error(`Malformed lesson${error.problems.length > 1 ? "s" : ""}:\n${error.toString()}`);
  plain.stack = plain.message;
  return plain;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = path.resolve(root, options.dir ?? "lessons");
  let lessons: Lesson[] = [];
  let failure: LessonError | undefined;
  /** Whether the lessons were read at all yet (a dev server may ask for a module before buildStart). */
  let loaded = false;
  /** configResolved already read the lessons for this build; buildStart need not read them again. */
  let loadedForBuild = false;

  const reload = () => {
    loaded = true;
    try {
      lessons = loadLessons(dir, root);
      failure = undefined;
    } catch (e) {
      if (!(e instanceof LessonError)) throw e;
      failure = e;
    }
  };

  const inLessonsDir = (file: string) => path.dirname(path.resolve(file)) === dir;

  const invalidate = (server: ViteDevServer) => {
    const graph = server.environments.client.moduleGraph;
    for (const mod of graph.idToModuleMap.values()) {
      if (mod.id?.startsWith(resolvedPrefix + indexId)) graph.invalidateModule(mod);
    }
  };

  return {
    name: "chanscope:lessons",
    enforce: "pre",

    configResolved(config) {
      root = config.root;
      dir = path.resolve(root, options.dir ?? "lessons");
      if (config.command !== "build") return;
      // Checked before the bundler starts, so the CLI prints the problem lines alone
      // (an error thrown inside the bundle step comes back wrapped, with a stack trace).
      reload();
      loadedForBuild = true;
      if (failure) throw reportError(failure);
    },

    buildStart() {
      if (!loadedForBuild) reload();
      loadedForBuild = false;
      for (const l of lessons) this.addWatchFile(path.resolve(root, l.file));
      if (failure && this.environment.config.command === "build") throw reportError(failure);
    },

    resolveId(id) {
      if (id === indexId || id.startsWith(lessonPrefix)) return resolvedPrefix + id;
      return undefined;
    },

    load(id) {
      if (!id.startsWith(resolvedPrefix + indexId)) return undefined;
      if (!loaded) reload();
      if (failure) throw reportError(failure);
      const name = id.slice(resolvedPrefix.length);
      if (name === indexId) return indexModule(lessons, { hot: this.environment.config.command === "serve" });
      const slug = name.slice(lessonPrefix.length);
      const lesson = lessons.find((l) => l.slug === slug);
      if (!lesson) throw new Error(`No lesson "${slug}" in ${path.relative(root, dir) || "."}`);
      const images = lessonImages(lesson).map((i) => ({
        src: i.href,
        importPath: `/${path.relative(root, imagePath(lesson, i.href, root)).split(path.sep).join("/")}`,
      }));
      return lessonModule(lesson, images);
    },

    configureServer(server) {
      server.watcher.add(dir);
      // A lesson changed, or an image it shows appeared or went away.
      const onChange = (file: string, bodiesMayUpdate: boolean) => {
        if (!inLessonsDir(file)) return;
        const before = failure === undefined ? lessons : undefined;
        reload();
        invalidate(server);
        if (failure) server.config.logger.error(failure.toString(), { timestamp: true });
        const update = before === undefined || failure !== undefined || !bodiesMayUpdate ? ({ kind: "reload" } as const) : lessonsUpdate(before, lessons);
        if (update.kind === "reload") server.ws.send({ type: "full-reload" });
        else if (update.kind === "bodies") server.ws.send({ type: "custom", event: lessonsChangedEvent, data: { slugs: update.slugs } });
      };
      server.watcher.on("add", (file) => onChange(file, false));
      server.watcher.on("change", (file) => {
        if (file.endsWith(".md")) onChange(file, true);
      });
      server.watcher.on("unlink", (file) => onChange(file, false));
    },
  };
}
