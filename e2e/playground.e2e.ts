import { expect, test, type Locator, type Page } from "@playwright/test";
import { setCode } from "./support/editor.ts";

// The playground in a real browser against the built site: the sandbox worker, the editor, the
// watchdog, share links and persistence. Lessons are read from the page, never hard-coded,
// except the course's first lesson slug, which the routes contract fixes.

const LESSON = "/lessons/goroutine-lifecycle";

async function firstPlayground(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  await expect(playground).toBeVisible();
  return playground;
}

test("edit → Run → output and outcome appear", async ({ page }) => {
  const playground = await firstPlayground(page);
  await setCode(
    page,
    playground,
    `import { go, chan, sleep } from "chanscope";\nexport default async function main() {\n  const c = chan<string>();\n  go("sender", async () => { await sleep(5); await c.send("hello from sender"); });\n  console.log(await c.recv());\n}\n`,
  );
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const status = playground.getByRole("status");
  await expect(status).toContainText("Finished at 5 ms", { timeout: 10_000 });
  await expect(playground.locator(".playground__console")).toContainText("hello from sender");
  await expect(playground.locator(".playground__console")).toContainText("5 ms");
  await expect(playground.locator(".playground__tasks")).toContainText("sender");
});

/** Opens the lesson with `code` saved as the first example's edit (as if the user had typed it). */
async function withSavedCode(page: Page, code: string): Promise<Locator> {
  const playground = await firstPlayground(page);
  const key = await page.locator("figure.code-block").first().getAttribute("id");
  await page.evaluate(([k, c]) => window.localStorage.setItem(`chanscope:code:${k}`, c), [key, code] as const);
  await page.reload();
  await expect(playground).toBeVisible();
  return playground;
}

test("an endless loop with no await is stopped within 2 s, the page stays responsive, and the next Run works", async ({ page }) => {
  const playground = await withSavedCode(page, `export default async function main() {\n  console.log("before the loop");\n  while (true) {}\n}`);
  const status = playground.getByRole("status");
  // Timestamps taken in the page, when the status changes (Playwright's polling would add its own delay).
  await page.evaluate(() => {
    const el = document.querySelector(".playground [role=status]") as HTMLElement;
    const w = window as unknown as { marks: Record<string, number> };
    w.marks = {};
    new MutationObserver(() => {
      const text = el.textContent ?? "";
      if (text.includes("Running") && !w.marks.running) w.marks.running = performance.now();
      if (text.includes("did not yield") && !w.marks.killed) w.marks.killed = performance.now();
    }).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toContainText("did not yield for 2 s", { timeout: 5000 });
  const marks = await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);
  const elapsed = Math.round(marks.killed - marks.running);
  // The loop starts right after "Running" is shown: the 2 s watchdog, plus a timer's lateness — a
  // few ms on a quiet machine, a few hundred on a starved one (the figure itself is in the report).
  expect(elapsed, `killed ${elapsed} ms after it started running`).toBeGreaterThanOrEqual(1900);
  expect(elapsed, `killed ${elapsed} ms after it started running`).toBeLessThanOrEqual(3000);
  test.info().annotations.push({ type: "measure", description: `endless loop killed ${elapsed} ms after it started running` });
  // The page answers at once: another control works.
  const options = playground.locator(".playground__options");
  await options.locator("summary").click();
  await expect(options).toHaveAttribute("open", "");
  // Output received before the loop is kept.
  await expect(playground.locator(".playground__console")).toContainText("before the loop");
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toContainText("did not yield", { timeout: 4000 });
});

test("Stop kills a running program at once", async ({ page }) => {
  const playground = await withSavedCode(page, `export default async function main() {\n  while (true) {}\n}`);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const stop = playground.getByRole("button", { name: "Stop" });
  await expect(stop).toBeEnabled();
  await stop.click();
  await expect(playground.getByRole("status")).toContainText("you pressed Stop", { timeout: 1000 });
});

test("a memory hog ends with a clear message and the page alive", async ({ page }) => {
  const playground = await withSavedCode(page, `export default async function main() {\n  const a: number[][] = [];\n  for (;;) a.push(new Array(1e6).fill(1));\n}`);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).toContainText(/memory|did not yield|stopped/i, { timeout: 15_000 });
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).not.toContainText("Not run yet");
});

test("a task bomb ends with a clear message", async ({ page }) => {
  const playground = await withSavedCode(page, `import { go, sleep } from "chanscope";\nexport default async function main() {\n  for (;;) go(async () => { await sleep(1e9); });\n}`);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).toContainText(/limit|did not yield/i, { timeout: 15_000 });
  await expect(playground.locator(".playground__report")).toContainText(/task/i);
});

test("network, storage and code loading fail inside the sandbox", async ({ page }) => {
  const code = `export default async function main() {
  const g = globalThis as unknown as Record<string, (...a: unknown[]) => unknown>;
  const tries: [string, () => unknown][] = [
    ["fetch", () => g.fetch("/")],
    ["XMLHttpRequest", () => new (g.XMLHttpRequest as unknown as new () => unknown)()],
    ["WebSocket", () => new (g.WebSocket as unknown as new (u: string) => unknown)("ws://localhost:1")],
    ["importScripts", () => g.importScripts("/favicon.svg")],
    ["indexedDB", () => (g.indexedDB as unknown as { open(n: string): unknown }).open("x")],
    ["postMessage", () => g.postMessage({ type: "result" })],
  ];
  for (const [name, f] of tries) {
    try { await f(); console.log(name, "WORKS"); } catch (e) { console.log(name, "blocked"); }
  }
}`;
  const playground = await withSavedCode(page, code);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const out = playground.locator(".playground__console");
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "importScripts", "indexedDB", "postMessage"]) {
    await expect(out).toContainText(`${name} blocked`);
  }
  await expect(out).not.toContainText("WORKS");
});

test("a compile error is reported at its line and marked in the editor", async ({ page }) => {
  const playground = await withSavedCode(page, `export default async function main() {\n  const x = 1 +;\n}`);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).toContainText("Does not compile: line 2, column 16");
  await playground.locator(".code-editor-static").first().click();
  await expect(playground.locator(".monaco-editor")).toBeVisible({ timeout: 15_000 });
  // Our marker (and TypeScript's own diagnostics) draw a squiggle under line 2.
  await expect(playground.locator(".monaco-editor .squiggly-error").first()).toBeVisible({ timeout: 10_000 });
  // Line 2 starts 16 px (padding) + 22 px (line 1) below the editor's top.
  const box = await playground.locator(".monaco-editor").boundingBox();
  const squiggle = await playground.locator(".monaco-editor .squiggly-error").first().boundingBox();
  expect(box).not.toBeNull();
  expect(squiggle).not.toBeNull();
  const offset = (squiggle?.y ?? 0) - (box?.y ?? 0);
  expect(offset).toBeGreaterThanOrEqual(38);
  expect(offset).toBeLessThan(60);
});

test("edits survive a reload and show as modified; Reset asks, then offers undo", async ({ page }) => {
  const playground = await firstPlayground(page);
  await playground.locator(".code-editor-static").first().click();
  await expect(playground.locator(".monaco-editor")).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n// my note that must survive");
  await expect(playground.getByText("Edited")).toBeVisible();
  await page.waitForTimeout(600); // the save is debounced
  await page.reload();
  const again = page.locator(".playground").first();
  await expect(again.locator(".code-editor-static")).toContainText("my note that must survive");
  await expect(again.getByText("Edited")).toBeVisible();
  await again.getByRole("button", { name: "Reset" }).click();
  await again.getByRole("button", { name: "Discard edits" }).click();
  await expect(again.locator(".code-editor-static")).not.toContainText("my note that must survive");
  await again.getByRole("button", { name: "Undo" }).click();
  await expect(again.locator(".code-editor-static")).toContainText("my note that must survive");
});

test("keyboard only: reach the code, edit, run with Ctrl+Enter, leave the editor with Esc", async ({ page }) => {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  const code = playground.locator(".code-editor-static").first();
  // Tab passes over the highlighted code without opening the editor; Enter opens it with the caret in it.
  await code.focus();
  await page.keyboard.press("Tab");
  await expect(code).not.toBeFocused();
  await expect(playground.locator(".monaco-editor")).toHaveCount(0);
  await code.focus();
  await page.keyboard.press("Enter");
  const editor = playground.locator(".monaco-editor");
  await expect(editor).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest(".monaco-editor"))).toBe(true);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n// typed with the keyboard");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(playground.getByRole("status")).not.toContainText(/Not run yet|Compiling|Running/, { timeout: 10_000 });
  await page.keyboard.press("Escape");
  const run = playground.getByRole("button", { name: "Run", exact: true });
  await expect(run).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(run).not.toBeFocused(); // focus moves on: nothing traps it
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(playground.getByRole("status")).not.toContainText("Not run yet");
});

test("a share link round-trips the code to /play and does not run it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const marker = `// shared at ${Date.now()} ✓`;
  const playground = await withSavedCode(page, `${marker}\nimport { sleep } from "chanscope";\nexport default async function main() {\n  await sleep(1);\n  console.log("ran the shared program");\n}`);
  await playground.getByRole("button", { name: "Share" }).click();
  const url = await playground.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(new URL(url).pathname).toBe("/play");
  expect(new URL(url).hash).toMatch(/^#code=[A-Za-z0-9_-]+$/);
  await page.goto(url);
  const shared = page.locator(".playground");
  await expect(shared.locator(".code-editor-static")).toContainText(marker);
  await expect(page.getByText("came from a share link")).toBeVisible();
  await expect(shared.getByRole("status")).toContainText("Not run yet");
  await page.waitForTimeout(500);
  await expect(shared.getByRole("status")).toContainText("Not run yet");
  await shared.getByRole("button", { name: "Run", exact: true }).click();
  await expect(shared.locator(".playground__console")).toContainText("ran the shared program");
});

test("a damaged or cut-off share link says so and still offers the playground", async ({ page }) => {
  await page.goto("/play#code=abc$def");
  await expect(page.getByRole("alert")).toContainText("damaged");
  await expect(page.locator(".playground")).toBeVisible();
  await page.goto("/play");
  const picker = page.getByLabel("Program");
  await expect(picker).toBeVisible();
  const options = await picker.locator("option").count();
  expect(options).toBeGreaterThan(10); // every example and exercise of the course
  // A real link, cut in half as a chat client might.
  const value = await page.evaluate(async () => {
    const bytes = new TextEncoder().encode("export default async function main() { console.log('a program long enough to be cut'); }\n".repeat(4));
    const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
    return btoa(String.fromCharCode(...compressed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  });
  await page.goto(`/play#code=${value.slice(0, Math.floor(value.length / 2))}`);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText(/incomplete|damaged/);
});

test("runs and edits under the site's Content-Security-Policy with no console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const response = await page.goto(LESSON);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' blob:");
  await page.evaluate(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  const playground = page.locator(".playground").first();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).not.toContainText(/Not run yet|Compiling|Running/, { timeout: 10_000 });
  await playground.locator(".code-editor-static").first().click();
  await expect(playground.locator(".monaco-editor")).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(2000); // the TypeScript worker starts and checks the code
  expect(problems).toEqual([]);
});

test("Shift+Alt+F formats the code", async ({ page }) => {
  const playground = await withSavedCode(page, `export default async function main() {\nconst   x=1\nconsole.log( x )\n}`);
  await playground.locator(".code-editor-static").first().click();
  const editor = playground.locator(".monaco-editor");
  await expect(editor).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest(".monaco-editor"))).toBe(true);
  await page.waitForTimeout(1500); // the TypeScript worker, which formats, is up
  await page.keyboard.press("Shift+Alt+F");
  await expect(editor.locator(".view-lines")).toContainText("const x = 1", { timeout: 10_000 });
});

test("a live run follows the wall clock and stops gracefully on Send SIGTERM", async ({ page }) => {
  await page.goto("/lessons/graceful-shutdown#example-shutdown-sigterm-live");
  const figure = page.locator("#example-shutdown-sigterm-live");
  const playground = figure.locator(".playground");
  await expect(playground).toBeVisible();
  const send = playground.getByRole("button", { name: "Send SIGTERM" });
  await expect(send).toBeDisabled();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).toContainText("Running live");
  await expect(playground.locator(".playground__console")).toContainText("request 1 started", { timeout: 5000 });
  await expect(send).toBeEnabled();
  await send.click();
  await expect(playground.getByRole("status")).toContainText("Finished", { timeout: 10_000 });
  const out = playground.locator(".playground__console");
  await expect(out).toContainText("SIGTERM: stop accepting, drain");
  await expect(out).toContainText("log flushed, bye");
});
