import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";

// Screenshots of the playground for people to look at (not compared): SCREENSHOTS=1 to take them.
// Opt-in: playwright.config.ts runs this spec only with SCREENSHOTS=1.

const sizes = [
  { name: "desktop", width: 1280, height: 720 },
  { name: "phone", width: 390, height: 844 },
];

for (const theme of ["light", "dark"] as const) {
  for (const size of sizes) {
    test(`playground screenshots: ${theme} ${size.name}`, async ({ page }) => {
      mkdirSync("screenshots", { recursive: true });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.addInitScript((t) => window.localStorage.setItem("chanscope-theme", t), theme);
      await page.goto("/lessons/leaks");
      const playground = page.locator(".playground").first();
      await playground.scrollIntoViewIfNeeded();
      await playground.getByRole("button", { name: "Run", exact: true }).click();
      await expect(playground.getByRole("status")).not.toContainText("Not run yet", { timeout: 10_000 });
      await page.waitForTimeout(300);
      await playground.locator("xpath=ancestor::figure").screenshot({ path: `screenshots/playground-${theme}-${size.name}-run.png` });
      await playground.locator(".code-editor-static").first().click();
      await expect(playground.locator(".monaco-editor")).toBeVisible({ timeout: 15_000 });
      await page.waitForTimeout(1500);
      await playground.locator("xpath=ancestor::figure").screenshot({ path: `screenshots/playground-${theme}-${size.name}-editor.png` });
      await page.goto("/lessons/leaks");
      const exercise = page.locator(".code-block--exercise .playground").first();
      await exercise.scrollIntoViewIfNeeded();
      await exercise.getByRole("button", { name: "Run", exact: true }).click();
      await expect(exercise.getByRole("status")).not.toContainText("Not run yet", { timeout: 10_000 });
      await exercise.locator("xpath=ancestor::figure").screenshot({ path: `screenshots/playground-${theme}-${size.name}-exercise.png` });
      await page.goto("/play");
      const play = page.locator(".playground");
      await play.getByRole("button", { name: "Run", exact: true }).click();
      await expect(play.getByRole("status")).not.toContainText("Not run yet", { timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `screenshots/play-${theme}-${size.name}.png`, fullPage: true });
    });
  }
}
