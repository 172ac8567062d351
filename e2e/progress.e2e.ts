import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loadSolution, runBlock } from "./support/run-block.ts";
import { gotoReady, outline, setTheme, type OutlineLesson } from "./support/site.ts";

// Course progress against the built site: reading a lesson to its end, solving an exercise,
// Continue, Reset, other tabs, and storage that holds garbage. Lessons are read from the page.

const KEY = "chanscope:progress:v1";

function card(page: Page, title: string) {
  return page.locator(".outline__list > li").filter({ has: page.locator(".card__link", { hasText: title }) });
}

function progressLine(page: Page, title: string) {
  return card(page, title).locator(".lesson-progress");
}

/** Back to the outline the way a learner goes, in the same document (client-side navigation). */
async function toOutline(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Course" }).click();
  await expect(page.locator(".outline__list")).toBeVisible();
}

async function scrollToEnd(page: Page): Promise<void> {
  // Step down the page as a reader would, so every section passes the reading line on the way.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight * 0.8) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
}

/** The sections the contents list offers, in order: [id, text]. */
async function sections(page: Page): Promise<{ id: string; text: string }[]> {
  return page
    .getByRole("navigation", { name: "On this page" })
    .locator("a[href^='#']")
    .evaluateAll((as) => as.map((a) => ({ id: decodeURIComponent((a as HTMLAnchorElement).hash.slice(1)), text: (a.textContent ?? "").trim() })));
}

async function lessonWithExercise(page: Page): Promise<{ lesson: OutlineLesson; exercises: number }> {
  const lessons = await outline(page);
  for (const lesson of lessons) {
    const text = (await card(page, lesson.title).locator(".meta-list").textContent()) ?? "";
    const m = /(\d+) exercises?/.exec(text);
    if (m) return { lesson, exercises: Number(m[1]) };
  }
  throw new Error("no lesson on the outline lists an exercise");
}

test("a new visitor sees no progress, no Continue and no Reset", async ({ page }) => {
  await gotoReady(page, "/");
  await expect(page.locator(".lesson-progress")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Continue:/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset progress" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start with lesson 1" })).toBeVisible();
});

test("opening a lesson marks it in progress; reading it to the end marks it read, and a reload keeps it", async ({ page }) => {
  const [first, second] = await outline(page);
  await gotoReady(page, `/lessons/${first.slug}`);
  await toOutline(page);
  await expect(progressLine(page, first.title)).toContainText("In progress");
  await expect(progressLine(page, second.title)).toHaveText(/Not started/);

  await gotoReady(page, `/lessons/${first.slug}`);
  await scrollToEnd(page);
  await toOutline(page);
  const line = progressLine(page, first.title);
  await expect(line).toContainText(/^.?Read/);
  await expect(line).toHaveAttribute("data-progress", "read");
  await page.reload();
  await expect(progressLine(page, first.title)).toContainText(/^.?Read/);
});

test("solving an exercise (its solution, Run, all goals met) shows on the outline and survives a reload", async ({ page }) => {
  const { lesson, exercises } = await lessonWithExercise(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const figure = page.locator("figure.code-block--exercise").first();
  await loadSolution(figure);
  await runBlock(figure);
  await expect(figure.locator(".playground__goals-title")).toHaveText("All goals met. Well done.");

  await toOutline(page);
  const solved = `1 of ${exercises} ${exercises === 1 ? "exercise" : "exercises"} solved`;
  await expect(progressLine(page, lesson.title)).toContainText(solved);
  await expect(card(page, lesson.title).locator(".lesson-progress__pip--solved")).toHaveCount(1);
  await page.reload();
  await expect(progressLine(page, lesson.title)).toContainText(solved);
});

test("the starting code of an exercise does not count as solved", async ({ page }) => {
  const { lesson } = await lessonWithExercise(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const figure = page.locator("figure.code-block--exercise").first();
  await runBlock(figure);
  await expect(figure.locator(".playground__goal--open").first()).toBeVisible();
  await toOutline(page);
  await expect(progressLine(page, lesson.title)).toContainText(" 0 of ");
});

test("Continue leads back to the lesson and section where the learner stopped", async ({ page }) => {
  const lessons = await outline(page);
  const lesson = lessons[Math.min(1, lessons.length - 1)];
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const all = await sections(page);
  expect(all.length, "the lesson has sections").toBeGreaterThan(2);
  const target = all[Math.floor(all.length / 2)];
  // Put the heading just under the sticky header: the section being read is then this one.
  await page.locator(`[id="${target.id}"]`).evaluate((el) => {
    const header = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
    window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - header - 20, behavior: "instant" });
  });
  const current = page.getByRole("navigation", { name: "On this page" }).locator("a[aria-current='location']");
  await expect(current).toHaveText(target.text);
  const reading = target.text;

  // A new document: Playwright's click on the sticky header link would first scroll the page
  // ("scrolling into view if needed"), which a learner's click does not.
  await gotoReady(page, "/");
  const resume = page.getByRole("link", { name: `Continue: ${lesson.title} — ${reading}` });
  await expect(resume).toBeVisible();
  await page.reload();
  await resume.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}#`));
  await expect(page.locator("main h1")).toHaveText(lesson.title);
  const heading = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`);
  await expect(heading).toHaveText(reading);
  await expect(heading).toBeInViewport();
});

test("after a lesson is read to its end, Continue offers the next lesson", async ({ page }) => {
  const [first, second] = await outline(page);
  if (!second) throw new Error("the course needs a second lesson for Continue to offer");
  await gotoReady(page, `/lessons/${first.slug}`);
  await scrollToEnd(page);
  await toOutline(page);
  await page.getByRole("link", { name: new RegExp(`^Continue: ${second.title}`) }).click();
  await expect(page.locator("main h1")).toHaveText(second.title);
});

test("Reset progress asks first, then forgets everything", async ({ page }) => {
  const [first] = await outline(page);
  await gotoReady(page, `/lessons/${first.slug}`);
  await scrollToEnd(page);
  await toOutline(page);
  await expect(progressLine(page, first.title)).toContainText(/^.?Read/);

  await page.getByRole("button", { name: "Reset progress" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("Forget which lessons you read");
  await expect(confirm.getByRole("button", { name: "Reset", exact: true })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Reset progress" })).toBeFocused();
  await expect(progressLine(page, first.title)).toContainText(/^.?Read/);
  await page.keyboard.press("Enter");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset progress" })).toBeFocused();

  await page.getByRole("button", { name: "Reset progress" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset", exact: true }).click();
  await expect(page.locator(".lesson-progress")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Continue:/ })).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Progress reset");
  await expect(page.getByRole("status")).toBeFocused();
  expect(await page.evaluate((k) => window.localStorage.getItem(k), KEY)).toBeNull();
  await page.reload();
  await expect(page.locator(".lesson-progress")).toHaveCount(0);
});

test("progress made in another tab appears on an open outline without a reload", async ({ page, context }) => {
  const [first] = await outline(page);
  const other = await context.newPage();
  await gotoReady(other, `/lessons/${first.slug}`);
  await scrollToEnd(other);
  await expect(progressLine(page, first.title)).toContainText(/^.?Read/);
  await other.close();
});

test("storage holding garbage or another version shows no progress and breaks nothing", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const value of ["{not json", JSON.stringify({ version: 99, lessons: { x: { read: true } } }), "null"]) {
    await page.addInitScript(([k, v]) => window.localStorage.setItem(k, v), [KEY, value] as const);
    await gotoReady(page, "/");
    await expect(page.locator(".outline__list > li").first()).toBeVisible();
    await expect(page.locator(".lesson-progress")).toHaveCount(0);
  }
  // And a visit then writes a good value over the garbage.
  const [first] = await outline(page);
  await gotoReady(page, `/lessons/${first.slug}`);
  const stored = await page.evaluate((k) => JSON.parse(window.localStorage.getItem(k) ?? "null") as unknown, KEY);
  expect(stored).toMatchObject({ version: 1, last: first.slug });
  expect(errors).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`the outline with progress, Continue and the reset question has no axe violations (${theme})`, async ({ page }) => {
    test.setTimeout(60_000);
    await setTheme(page, theme);
    const [first, second] = await outline(page);
    await gotoReady(page, `/lessons/${first.slug}`);
    await scrollToEnd(page);
    if (second) await gotoReady(page, `/lessons/${second.slug}`);
    await gotoReady(page, "/");
    await expect(page.getByRole("link", { name: /^Continue:/ })).toBeVisible();
    await page.getByRole("button", { name: "Reset progress" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
