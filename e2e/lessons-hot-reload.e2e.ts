import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm run dev` for lesson authors: saving a lesson's text swaps it into the open page (no reload:
// scroll position, runs and edits stay); changing its front matter reloads the page. Runs its own
// dev server on a copy of the lessons, so the real files are never touched.

const ROOT = path.resolve(import.meta.dirname, "..");
// Not 5173: that is where `npm run dev` itself listens.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1100;
const COPY = path.join(ROOT, ".tmp", `hot-lessons-${PORT}`);
const FILE = path.join(COPY, "goroutine-lifecycle.md");
const BEFORE = "A Go program ends when `main` returns.";
const AFTER = "A Go program ends the moment `main` returns.";
/** As the page shows them (the backticks become code). */
const shown = (markdown: string) => markdown.replaceAll("`", "");

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(path.dirname(COPY), { recursive: true });
  cpSync(path.join(ROOT, "lessons"), COPY, { recursive: true });
  server = spawn("npx", ["vite", "--port", String(PORT), "--strictPort"], {
    cwd: ROOT,
    env: { ...process.env, CHANSCOPE_LESSONS: path.relative(ROOT, COPY) },
    stdio: "ignore",
    detached: true,
  });
  await expect
    .poll(async () => fetch(`http://localhost:${PORT}/`).then((r) => r.status, () => 0), { timeout: 90_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(() => {
  // The dev server runs in its own process group: stop it and its children.
  if (server?.pid !== undefined) process.kill(-server.pid, "SIGTERM");
  rmSync(COPY, { recursive: true, force: true });
});

test("in dev, an edited lesson is swapped into the open page; a front-matter change reloads it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`http://localhost:${PORT}/lessons/goroutine-lifecycle`);
  const article = page.locator("main");
  await expect(article).toContainText(shown(BEFORE), { timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  writeFileSync(FILE, readFileSync(FILE, "utf8").replace(BEFORE, AFTER));
  await expect(article).toContainText(shown(AFTER), { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  const reload = page.waitForEvent("load", { timeout: 30_000 });
  writeFileSync(FILE, readFileSync(FILE, "utf8").replace("minutes: 30", "minutes: 35"));
  await reload;
  await expect(article).toContainText("35 min", { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBeUndefined();
});
