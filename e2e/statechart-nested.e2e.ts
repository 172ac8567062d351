import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LINK_PROGRAM } from "../src/fsm/fixtures.ts";
import { runInPlayground } from "./support/timeline.ts";

// A machine with nested states in the statechart view: compound states drawn as containers around
// their children, the active leaf and every container around it outlined, following the cursor.

test.describe.configure({ timeout: 90_000 });

test("nested states are drawn as containers; the active leaf and its ancestors are outlined as the cursor moves", async ({ page }) => {
  const { playground, timeline } = await runInPlayground(page, LINK_PROGRAM);
  await expect(playground.locator(".playground__console")).toContainText('{"connected":{"open":"waiting"}}');
  const chart = playground.getByRole("region", { name: "Statechart", exact: true });
  const svg = chart.locator("svg.statechart__svg");
  await expect(svg).toBeVisible({ timeout: 15_000 });
  await expect(svg.locator("[data-group]")).toHaveCount(2);
  await expect(svg.locator("[data-state]")).toHaveCount(4);
  // Inside a container a state is named by its own key.
  await expect(svg.locator('[data-state="connected.open.waiting"] text')).toHaveText("● waiting");
  await expect(svg.locator('[data-group="connected.open"] .statechart__group-name')).toHaveText("open");
  // Each child's box lies inside its container's box.
  const box = async (sel: string) => (await svg.locator(`${sel} > rect`).first().boundingBox()) as { x: number; y: number; width: number; height: number };
  const within = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
  expect(within(await box('[data-state="connected.handshaking"]'), await box('[data-group="connected"]'))).toBe(true);
  expect(within(await box('[data-group="connected.open"]'), await box('[data-group="connected"]'))).toBe(true);
  expect(within(await box('[data-state="connected.open.idle"]'), await box('[data-group="connected.open"]'))).toBe(true);
  expect(within(await box('[data-state="down"]'), await box('[data-group="connected"]'))).toBe(false);
  // At the end: waiting, inside open, inside connected — all three outlined.
  await expect(svg.locator("[data-active=true]")).toHaveCount(3);
  for (const id of ["connected", "connected.open"]) await expect(svg.locator(`[data-group="${id}"]`)).toHaveAttribute("data-active", "true");
  await expect(svg.locator('[data-state="connected.open.waiting"]')).toHaveAttribute("data-active", "true");

  // The RESTART at 4000 ms is the container's own arrow: pick it in the event log and it lights up.
  await timeline.getByText(/^Event log/).click();
  await timeline.getByRole("option", { name: /^t=4 s link: connected\.open\.idle → connected\.handshaking on RESTART$/ }).click();
  await expect(svg.locator('[data-state="connected.handshaking"]')).toHaveAttribute("data-active", "true");
  await expect(svg.locator('[data-group="connected.open"]')).not.toHaveAttribute("data-active", "true");
  await expect(svg.locator('[data-group="connected"]')).toHaveAttribute("data-active", "true");
  await expect(svg.locator(".statechart__edge--taken")).toHaveAttribute("data-edge", "connected->connected:RESTART");

  await page.setViewportSize({ width: 1280, height: 720 });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: `screenshots/statechart-nested-${theme}.png` });
    const axe = await new AxeBuilder({ page }).include(".statechart").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});

test("on a phone the nested chart scrolls inside its box, which takes keyboard focus to scroll; the page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { playground } = await runInPlayground(page, LINK_PROGRAM);
  const chart = playground.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart.locator("svg.statechart__svg")).toBeVisible({ timeout: 15_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = chart.locator(".statechart__scroll");
  await expect(box).toHaveAttribute("tabindex", "0");
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/statechart-nested-phone.png" });
});
