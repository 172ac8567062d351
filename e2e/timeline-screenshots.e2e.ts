import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CANCEL_TREE, DEADLOCK, LEAK } from "../src/timeline/fixtures.ts";
import { setTheme } from "./support/site.ts";
import { runInPlayground } from "./support/timeline.ts";

// Screenshots of the timeline in the real playground, for people to look at (screenshots/ is
// git-ignored): a deadlock, a leak and a cancelled context tree, light and dark, desktop and phone.
// Each page is also checked with axe: the timeline adds no accessibility violations.

const DIR = "screenshots";

const PROGRAMS: Record<string, string> = { deadlock: DEADLOCK, leak: LEAK, "cancel-tree": CANCEL_TREE };

async function runAndShow(page: Page, code: string): Promise<Locator> {
  const { timeline } = await runInPlayground(page, code);
  await timeline.scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);
  return timeline;
}

for (const theme of ["light", "dark"] as const) {
  for (const [name, code] of Object.entries(PROGRAMS)) {
    test(`timeline screenshot: ${name}, ${theme}`, async ({ page }) => {
      mkdirSync(DIR, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 720 });
      await setTheme(page, theme);
      const timeline = await runAndShow(page, code);
      await timeline.screenshot({ path: `${DIR}/timeline-page-${name}-${theme}.png` });
      const axe = await new AxeBuilder({ page }).include(".timeline").analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
}

test("timeline screenshot: phone, leak, light", async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await setTheme(page, "light");
  const timeline = await runAndShow(page, PROGRAMS.leak);
  await timeline.screenshot({ path: `${DIR}/timeline-page-leak-phone.png` });
  // Nothing of the timeline sticks out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
