// `npm run size` (after `vite build`): the gzip size of the JavaScript a lesson page loads before
// any editor opens, against the 250 kB budget of DESIGN §8. What counts:
//   - the scripts index.html loads (module entry, modulepreloads, classic scripts like theme-boot.js),
//   - the entry chunk's static imports, followed to the end,
//   - the lesson page chunk (src/app/pages/LessonPage.tsx) and its static imports,
//   - the largest lesson data chunk (virtual:lessons/<slug>): the worst lesson.
// Dynamic imports (Monaco, the other pages, other lessons) are not counted: they load later or elsewhere.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const budgetBytes = 250 * 1000;

/** One entry of Vite's `.vite/manifest.json` (the fields used here). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const lessonPagePattern = /(^|\/)LessonPage\.tsx?$/;
export const lessonDataPrefix = "virtual:lessons/";

/** The files a chunk loads with it: itself and its static imports, transitively, in load order. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk "${key}"`);
  const files = (chunk.imports ?? []).flatMap((k) => staticClosure(manifest, k, seen));
  return [...files, chunk.file];
}

export interface LessonPageChunks {
  /** The entry and everything it imports statically. */
  shell: string[];
  /** Added by the lesson page chunk; undefined when the page is bundled into the entry. */
  page?: string[];
  /** Each lesson's data chunk, by slug (the page loads exactly one). */
  lessons: Record<string, string>;
}

/** Which JS files of a build make up a lesson page; pure, on the manifest alone. */
export function lessonPageChunks(manifest: Manifest): LessonPageChunks {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk in the build manifest, found ${entries.length}`);
  const seen = new Set<string>();
  const shell = staticClosure(manifest, entries[0][0], seen);
  const pageKey = Object.keys(manifest).find((k) => lessonPagePattern.test(k));
  const page = pageKey ? staticClosure(manifest, pageKey, seen) : undefined;
  const lessons = Object.fromEntries(
    Object.entries(manifest)
      .filter(([k]) => k.startsWith(lessonDataPrefix))
      .map(([k, c]) => [k.slice(lessonDataPrefix.length), c.file]),
  );
  return { shell, page, lessons };
}

/** Script URLs in a built index.html: module and classic scripts, and modulepreload links. */
export function htmlScripts(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) urls.push(href[1]);
  }
  return urls.filter((u) => !/^[a-z]+:/i.test(u) && !u.startsWith("//"));
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

interface Console {
  log(line: string): void;
  error(line: string): void;
}

/** Measures the build in `dist`, prints the breakdown and returns the exit code (1 over budget). */
export function checkSize(dist: string, out: Console = console): number {
  const manifestPath = path.join(dist, ".vite", "manifest.json");
  if (!existsSync(manifestPath)) {
    out.error(`size: ${manifestPath} not found; run "npm run build" first (vite.config.ts must keep build.manifest: true)`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(path.join(dist, file))).length;
      gz.set(file, n);
    }
    return n;
  };

  const chunks = lessonPageChunks(manifest);
  const fromHtml = htmlScripts(readFileSync(path.join(dist, "index.html"), "utf8")).map((u) => u.replace(/^\//, ""));
  const shell = [...new Set([...fromHtml, ...chunks.shell])].filter((f) => f.endsWith(".js"));
  const page = (chunks.page ?? []).filter((f) => !shell.includes(f));
  const lessonSizes = Object.entries(chunks.lessons).map(([slug, file]) => ({ slug, file, size: gzipOf(file) }));
  const worst = lessonSizes.sort((a, b) => b.size - a.size)[0];

  const rows: [string, string, number][] = [
    ...shell.map((f): [string, string, number] => ["app shell", f, gzipOf(f)]),
    ...page.map((f): [string, string, number] => ["lesson page", f, gzipOf(f)]),
    ...(worst ? [["lesson data", `${worst.file} (largest of ${lessonSizes.length}: ${worst.slug})`, worst.size] as [string, string, number]] : []),
  ];
  const total = rows.reduce((sum, [, , n]) => sum + n, 0);

  out.log("JavaScript a lesson page loads before any editor opens (gzip):");
  for (const [what, file, n] of rows) out.log(`  ${kB(n).padStart(9)}  ${what.padEnd(12)} ${file}`);
  if (!chunks.page) out.log("  (no separate LessonPage chunk: the lesson page is part of the app shell)");
  out.log(`  ${kB(total).padStart(9)}  total, budget ${kB(budgetBytes)}`);
  if (total > budgetBytes) {
    const biggest = [...rows].sort((a, b) => b[2] - a[2])[0];
    out.error(
      `size: a lesson page loads ${kB(total)} of JavaScript (gzip), over the ${kB(budgetBytes)} budget (DESIGN §8); ` +
        `the largest part is ${biggest[1]} (${kB(biggest[2])}): load it with a dynamic import() or make it smaller`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = checkSize(process.argv[2] ?? "dist");
}
