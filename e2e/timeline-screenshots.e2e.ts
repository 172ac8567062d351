import { mkdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { BUFFERED_VS_UNBUFFERED, CANCEL_TREE, DEADLOCK, LEAK } from "../src/timeline/fixtures.ts";
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

for (const theme of ["light", "dark"] as const) {
  for (const [name, code] of Object.entries({ "cancel-tree": CANCEL_TREE, buffered: BUFFERED_VS_UNBUFFERED })) {
    test(`timeline screenshot: the SVG export under the canvas, ${name}, ${theme}`, async ({ page }) => {
      mkdirSync(DIR, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 720 });
      await setTheme(page, theme);
      const timeline = await runAndShow(page, code);
      const png = (await timeline.getByTestId("timeline-canvas").screenshot()).toString("base64");
      const [download] = await Promise.all([page.waitForEvent("download"), timeline.getByRole("button", { name: "SVG" }).click()]);
      const svg = readFileSync(await download.path(), "utf8");
      // The two pictures one above the other, as a slide author would compare them.
      await page.setContent(
        `<body style="margin:8px;font:14px sans-serif;background:${theme === "dark" ? "#0d1117;color:#e6edf3" : "#fff"}"><p>canvas (PNG of the view)</p><img id="png" src="data:image/png;base64,${png}" style="display:block;width:1200px"><p>SVG export</p><img id="svg" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}" style="display:block;width:1200px"></body>`,
      );
      await expect.poll(() => page.evaluate(() => (document.getElementById("svg") as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await page.screenshot({ path: `${DIR}/timeline-svg-vs-canvas-${name}-${theme}.png`, fullPage: true });
    });
  }
}

test("timeline screenshot: Text size 200 %, cancel tree, dark; phone, cancel tree, dark", async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await setTheme(page, "dark");
  const timeline = await runAndShow(page, CANCEL_TREE);
  await timeline.getByLabel("Text size").selectOption("2");
  await page.waitForTimeout(150);
  await timeline.screenshot({ path: `${DIR}/timeline-page-cancel-tree-text200-dark.png` });
  await timeline.getByLabel("Text size").selectOption("1");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  await timeline.screenshot({ path: `${DIR}/timeline-page-cancel-tree-phone-dark.png` });
});
