// Screenshots of the deck for people to look at (not compared): SCREENSHOTS=1 to take them.
// A code slide after Run at projector and laptop sizes in both themes, the presenter window,
// the overview and a phone. They go to screenshots/ (git-ignored).
import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { firstLesson, gotoReady, setTheme } from "./support/site.ts";

// Opt-in: playwright.config.ts runs this spec only with SCREENSHOTS=1.

const current = "section.deck__slide:not([hidden])";

for (const theme of ["light", "dark"] as const) {
  for (const size of [
    { name: "1920x1080", width: 1920, height: 1080 },
    { name: "1280x720", width: 1280, height: 720 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    test(`code slide after Run: ${theme} ${size.name}`, async ({ page }) => {
      mkdirSync("screenshots", { recursive: true });
      await page.setViewportSize({ width: size.width, height: size.height });
      await setTheme(page, theme);
      const lesson = await firstLesson(page);
      const slide = Number(process.env.SLIDE ?? 2);
      await gotoReady(page, `/lessons/${lesson.slug}/slides/${slide}`);
      await page.locator(`${current} button`, { hasText: /^Run$/ }).first().click();
      await expect(page.locator(`${current} [role=status]`).first()).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `screenshots/slides-code-${theme}-${size.name}.png` });
      if (size.name !== "phone") {
        await page.keyboard.press("z");
        await page.waitForTimeout(400);
        await page.screenshot({ path: `screenshots/slides-code-zoom-${theme}-${size.name}.png` });
      }
    });
  }

  test(`presenter window and overview: ${theme}`, async ({ page, context }) => {
    mkdirSync("screenshots", { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await setTheme(page, theme);
    const lesson = await firstLesson(page);
    await gotoReady(page, `/lessons/${lesson.slug}/slides/2`);
    const [presenter] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
    await presenter.setViewportSize({ width: 1280, height: 800 });
    await expect(presenter.getByText("Audience window in sync")).toBeVisible();
    await presenter.getByRole("button", { name: "Start" }).click();
    await presenter.getByRole("button", { name: /^Run / }).first().click();
    await expect(presenter.locator(".presenter__run-status").first()).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
    await presenter.waitForTimeout(1200);
    await presenter.screenshot({ path: `screenshots/slides-presenter-${theme}.png` });
    await page.keyboard.press("o");
    await page.waitForTimeout(500);
    await page.screenshot({ path: `screenshots/slides-overview-${theme}.png` });
    await page.keyboard.press("Escape");
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/slides-prose-${theme}.png` });
  });
}

// Long programs folded to the lines their slide is about (slide-lines), on a projector.
const foldedSlides = (process.env.FOLDED ?? "goroutine-lifecycle/9,goroutine-lifecycle/13,graceful-shutdown/5,udp-handshake/7").split(",");
for (const theme of ["light", "dark"] as const) {
  test(`folded code slides at 1920×1080: ${theme}`, async ({ page }) => {
    mkdirSync("screenshots", { recursive: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await setTheme(page, theme);
    for (const spec of foldedSlides) {
      const [slug, n] = spec.split("/");
      await gotoReady(page, `/lessons/${slug}/slides/${n}`);
      await expect(page.locator(`${current} .slide-sheet`)).toHaveAttribute("style", /--code-font/);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `screenshots/slides-folded-${slug}-${n}-${theme}.png` });
    }
    // The first fold of the last slide, opened from the keyboard (focus ring on the code).
    await page.locator(`${current} .slide-sheet__fold`).first().focus();
    await page.screenshot({ path: `screenshots/slides-folded-focus-${theme}.png` });
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/slides-folded-opened-${theme}.png` });
  });
}
