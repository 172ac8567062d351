import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { firstLesson, gotoReady, setTheme } from "./support/site.ts";

// Screenshots of the shell for people to look at (not compared): SCREENSHOTS=1 to take them.
// They go to screenshots/ (git-ignored); the README's picture is copied from there by hand.
// Opt-in: playwright.config.ts runs this spec only with SCREENSHOTS=1.

const sizes = [
  { name: "desktop", width: 1280, height: 720 },
  { name: "phone", width: 390, height: 844 },
  { name: "projector", width: 1920, height: 1080 },
];

for (const theme of ["light", "dark"] as const) {
  for (const size of sizes) {
    test(`screenshots: ${theme} ${size.name}`, async ({ page }) => {
      mkdirSync("screenshots", { recursive: true });
      await page.setViewportSize({ width: size.width, height: size.height });
      await setTheme(page, theme);
      await gotoReady(page, "/");
      await page.screenshot({ path: `screenshots/home-${theme}-${size.name}.png` });
      await page.screenshot({ path: `screenshots/home-${theme}-${size.name}-full.png`, fullPage: true });
      const lesson = await firstLesson(page);
      await gotoReady(page, `/lessons/${lesson.slug}`);
      await page.screenshot({ path: `screenshots/lesson-${theme}-${size.name}.png` });
      const firstExample = await page.locator("figure.code-block").first().getAttribute("id");
      await gotoReady(page, `/lessons/${lesson.slug}#${firstExample}`);
      await page.waitForTimeout(300); // let the table of contents mark the current section
      await page.screenshot({ path: `screenshots/lesson-${theme}-${size.name}-example.png` });
      await gotoReady(page, `/lessons/${lesson.slug}/slides/2`);
      await page.screenshot({ path: `screenshots/slides-${theme}-${size.name}.png` });
      await gotoReady(page, "/no-such-page");
      await page.screenshot({ path: `screenshots/404-${theme}-${size.name}.png` });
    });
  }
}

test("screenshot for the README: a short example after Run, light, 1280×900", async ({ page }) => {
  mkdirSync("screenshots", { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await setTheme(page, "light");
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  // The shortest example with a Go original: its code, controls and result fit in one view.
  const id = await page.locator("figure.code-block[id^='example-']").evaluateAll((fs) => {
    const withGo = fs.filter((f) => [...f.querySelectorAll("[role=tab]")].some((t) => t.textContent === "Go"));
    const lines = (f: Element) => (f.querySelector("pre")?.textContent ?? "").split("\n").length;
    return withGo.sort((a, b) => lines(a) - lines(b))[0]?.id ?? fs[0]?.id ?? "";
  });
  await gotoReady(page, "/");
  await gotoReady(page, `/lessons/${lesson.slug}#${id}`);
  const block = page.locator(`[id="${id}"]`);
  const run = block.getByRole("button", { name: "Run", exact: true });
  if (await run.count()) {
    await run.click();
    await expect(block.getByRole("status").first()).not.toBeEmpty();
    await page.waitForTimeout(500);
  }
  await block.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 150));
  await page.waitForTimeout(300);
  await page.screenshot({ path: "screenshots/readme-lesson.png" });
});
