// Helpers for the timeline e2e specs: run a program in a lesson's first playground (saved as its
// edit, as a learner's would be) and return the playground, its timeline region and the canvas.
import { expect, type Locator, type Page } from "@playwright/test";

export const LESSON = "/lessons/goroutine-lifecycle";

/** The lesson's first playground with `code` saved as its edit (as a learner's would be), after a reload. */
export async function playgroundWithCode(page: Page, code: string): Promise<Locator> {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  await expect(playground).toBeVisible({ timeout: 15_000 });
  const key = await page.locator("figure.code-block").first().getAttribute("id");
  await page.evaluate(([k, c]) => window.localStorage.setItem(`chanscope:code:${k}`, c), [key, code] as const);
  await page.reload();
  await expect(playground).toBeVisible({ timeout: 15_000 });
  return playground;
}

export async function runInPlayground(page: Page, code: string): Promise<{ playground: Locator; timeline: Locator; canvas: Locator }> {
  const playground = await playgroundWithCode(page, code);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await expect(playground.getByRole("status")).toContainText(/Finished|leak|deadlock/i, { timeout: 15_000 });
  const timeline = playground.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toBeVisible();
  const canvas = timeline.getByTestId("timeline-canvas");
  await expect(canvas).toBeVisible();
  // Mouse coordinates are the viewport's: bring the canvas into it.
  await canvas.scrollIntoViewIfNeeded();
  return { playground, timeline, canvas };
}
