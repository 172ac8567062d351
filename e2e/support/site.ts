// Helpers for the site e2e specs: reach a page once the app has rendered it, read the course
// from the page itself (tests never hard-code which lessons exist), and pick a theme.
import { expect, type Page } from "@playwright/test";

export interface OutlineLesson {
  slug: string;
  title: string;
}

/** Go to a path and wait until the page's main heading is there (lazy chunks and lesson loaded). */
export async function gotoReady(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("main h1")).toHaveCount(1);
}

/** The lessons in course order, as the home page lists them. */
export async function outline(page: Page): Promise<OutlineLesson[]> {
  if (new URL(page.url(), "http://x").pathname !== "/" || !(await page.locator(".outline__list").count())) {
    await gotoReady(page, "/");
  }
  const links = page.locator(".outline__list .card__link");
  return links.evaluateAll((as) =>
    as.map((a) => ({
      slug: new URL((a as HTMLAnchorElement).href).pathname.split("/")[2],
      title: (a.textContent ?? "").replace(/^Lesson \d+: /, "").trim(),
    })),
  );
}

export async function firstLesson(page: Page): Promise<OutlineLesson> {
  const all = await outline(page);
  expect(all.length, "the course lists at least one lesson").toBeGreaterThan(0);
  return all[0];
}

/** Store a theme preference the way the switch does, before any page script runs. */
export async function setTheme(page: Page, theme: "light" | "dark" | "system"): Promise<void> {
  await page.addInitScript((t) => {
    if (t === "system") window.localStorage.removeItem("chanscope-theme");
    else window.localStorage.setItem("chanscope-theme", t);
  }, theme);
}
