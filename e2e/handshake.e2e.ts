import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { setTheme } from "./support/site.ts";

// The udp-handshake lesson in a real browser against the built site: the statechart view of a
// run with a state machine, the active state following the timeline's cursor, and "Run until it
// fails" finding the race of the first example. Screenshots go to screenshots/ (git-ignored).

const LESSON = "/lessons/udp-handshake";

// Stepping through a run event by event is slow on a machine busy with builds.
test.describe.configure({ timeout: 90_000 });

async function example(page: Page, id: string): Promise<Locator> {
  await page.goto(`${LESSON}#example-${id}`);
  const figure = page.locator(`figure#example-${id}`);
  await expect(figure).toBeVisible();
  return figure;
}

async function activeState(chart: Locator): Promise<string | null> {
  return chart.locator("[data-active=true]").getAttribute("data-state", { timeout: 1000 }).catch(() => null);
}

test("the statechart of a run is drawn: every state, the transitions with their delays, the final state active", async ({ page }) => {
  const figure = await example(page, "handshake-statechart");
  await figure.getByRole("button", { name: "Run", exact: true }).click();
  await expect(figure.getByRole("status")).toContainText("Finished at 16000 ms", { timeout: 15_000 });
  const chart = figure.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart).toBeVisible({ timeout: 15_000 });
  const svg = chart.locator("svg.statechart__svg");
  await expect(svg).toBeVisible({ timeout: 15_000 });
  await expect(svg.locator("[data-state]")).toHaveCount(3);
  for (const state of ["synSent", "established", "down"]) await expect(svg.locator(`[data-state="${state}"]`)).toBeVisible();
  // The retry is an arrow labelled with its delay, drawn although no retry is taken on this seed.
  await expect(svg.locator(".statechart__label", { hasText: "after 3000 ms" })).toHaveCount(1);
  await expect(svg.locator(".statechart__label", { hasText: "after 2000 ms" })).toHaveCount(1);
  await expect(svg.locator(".statechart__label", { hasText: "SYN_ACK" })).toHaveCount(1);
  // At the end of the run: down, reached by LINK_DOWN at 8000 ms; that arrow is marked as taken.
  await expect(svg.locator('[data-state="down"]')).toHaveAttribute("data-active", "true");
  await expect(chart.locator("figcaption")).toHaveText("session: down since 8000 ms (LINK_DOWN)");
  await expect(svg.locator(".statechart__edge--taken .statechart__label")).toHaveText("LINK_DOWN");

  await page.setViewportSize({ width: 1280, height: 720 });
  await chart.scrollIntoViewIfNeeded();
  await figure.screenshot({ path: "screenshots/handshake-statechart-light.png" });
  await chart.screenshot({ path: "screenshots/handshake-chart-light.png" });
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await figure.screenshot({ path: "screenshots/handshake-statechart-dark.png" });
  await chart.screenshot({ path: "screenshots/handshake-chart-dark.png" });
});

test("the active state follows the timeline's cursor, step by step, in the order the run took", async ({ page }) => {
  const figure = await example(page, "handshake-statechart");
  await figure.getByRole("button", { name: "Run", exact: true }).click();
  await expect(figure.getByRole("status")).toContainText("Finished", { timeout: 15_000 });
  const chart = figure.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart.locator("svg.statechart__svg")).toBeVisible({ timeout: 15_000 });
  const timeline = figure.getByRole("region", { name: /^Timeline/ });
  const next = timeline.getByRole("button", { name: "Step forward one event" });
  const seen: string[] = [];
  for (let i = 0; i < 400 && seen[seen.length - 1] !== "down"; i++) {
    await next.click();
    const state = await activeState(chart);
    if (state !== null && state !== seen[seen.length - 1]) seen.push(state);
  }
  expect(seen).toEqual(["synSent", "established", "down"]);
  // And back: stepping backwards leaves "down" again.
  await timeline.getByRole("button", { name: "Step back one event" }).click();
  await expect(chart.locator('[data-state="established"]')).toHaveAttribute("data-active", "true");
  // The last step before "down" is the probe's re-entry of established at 7000 ms.
  await expect(chart.locator("figcaption")).toHaveText(/^session: established since 3000 ms \(SYN_ACK\), re-entered at 7000 ms \(after 2000 ms\)$/);
  await expect(chart.locator(".statechart__edge--taken .statechart__label")).toHaveText("after 2000 ms");
});

test("a retry shows: the event log names the re-entry, the statechart lights the self-loop, the machine lane marks it", async ({ page }) => {
  const figure = await example(page, "handshake-statechart");
  // On seed 2 the retry wins the race at 3000 ms: synSent is re-entered before the SYN-ACK.
  await figure.locator("details.playground__options summary").click();
  await figure.getByLabel("Seed").fill("2");
  await figure.getByRole("button", { name: "Run", exact: true }).click();
  await expect(figure.getByRole("status")).toContainText("Finished at 16000 ms", { timeout: 15_000 });
  const chart = figure.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart.locator("svg.statechart__svg")).toBeVisible({ timeout: 15_000 });
  const timeline = figure.getByRole("region", { name: /^Timeline/ });
  await timeline.getByText(/^Event log/).click();
  const retry = timeline.getByRole("option", { name: /^t=3 s session: synSent re-entered on xstate\.after\.3000\.session\.synSent$/ });
  await expect(retry).toHaveCount(1);
  await retry.click();
  await expect(chart.locator('[data-state="synSent"]')).toHaveAttribute("data-active", "true");
  await expect(chart.locator("figcaption")).toHaveText("session: synSent (initial state), re-entered at 3000 ms (after 3000 ms)");
  await expect(chart.locator(".statechart__edge--taken .statechart__label")).toHaveText("after 3000 ms");
  await expect(chart.locator(".statechart__edge--taken")).toHaveAttribute("data-edge", "synSent->synSent:after 3000 ms");

  await page.setViewportSize({ width: 1280, height: 720 });
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await timeline.scrollIntoViewIfNeeded();
    await timeline.screenshot({ path: `screenshots/handshake-retry-timeline-${theme}.png` });
    await chart.screenshot({ path: `screenshots/handshake-retry-chart-${theme}.png` });
  }
});

test("two machines in one run get a chart each, both at their final states", async ({ page }) => {
  const figure = await example(page, "handshake-two-machines");
  await figure.getByRole("button", { name: "Run", exact: true }).click();
  await expect(figure.getByRole("status")).toContainText("Finished at 5500 ms", { timeout: 15_000 });
  const chart = figure.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart.locator("svg.statechart__svg")).toHaveCount(2, { timeout: 15_000 });
  await expect(chart.locator("figcaption")).toHaveText(["sender: established since 3040 ms (SYN_ACK), re-entered at 5040 ms (after 1000 ms)", "receiver: established since 3060 ms (ACK)"]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await chart.screenshot({ path: "screenshots/handshake-two-machines-light.png" });
});

test("Run until it fails finds a seed on which the first handler breaks, and loads that run", async ({ page }) => {
  const figure = await example(page, "handshake-naive-timeout");
  const hunt = figure.getByRole("button", { name: "Run until it fails" });
  await expect(hunt).toBeVisible();
  await hunt.click();
  const found = figure.locator(".hunt__status");
  await expect(found).toHaveText(/^Seed (\d+) fails \(ended with outcome panic\) — found after \d+ tr(y|ies); its run is loaded below\.$/, { timeout: 20_000 });
  const seed = /^Seed (\d+)/.exec((await found.textContent()) ?? "")?.[1];
  // The hunt starts after the declared seed (2) and the found seed is what the playground ran.
  expect(Number(seed)).toBeGreaterThan(2);
  await expect(figure.getByRole("status")).toContainText("panic", { timeout: 15_000 });
  await expect(figure.locator(".playground__console")).toContainText("SYN(7) while ESTABLISHED");
  await figure.locator("details.playground__options summary").click();
  await expect(figure.getByLabel("Seed")).toHaveValue(String(seed));

  await page.setViewportSize({ width: 1280, height: 720 });
  await figure.screenshot({ path: "screenshots/handshake-hunt-light.png" });
});

test("on a phone the statechart scrolls inside its box and the hunt button wraps", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const figure = await example(page, "handshake-statechart");
  await figure.getByRole("button", { name: "Run", exact: true }).click();
  const chart = figure.getByRole("region", { name: "Statechart", exact: true });
  await expect(chart.locator("svg.statechart__svg")).toBeVisible({ timeout: 15_000 });
  // The page itself never scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/handshake-statechart-phone.png" });
  const naive = await example(page, "handshake-naive-timeout");
  await naive.getByRole("button", { name: "Run until it fails" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/handshake-hunt-phone.png" });
});

for (const theme of ["light", "dark"] as const) {
  test(`the statechart and the hunt button have no accessibility violations (${theme})`, async ({ page }) => {
    test.setTimeout(60_000);
    await setTheme(page, theme);
    const figure = await example(page, "handshake-statechart");
    await figure.getByRole("button", { name: "Run", exact: true }).click();
    await expect(figure.getByRole("region", { name: "Statechart", exact: true }).locator("svg.statechart__svg")).toBeVisible({ timeout: 15_000 });
    const result = await new AxeBuilder({ page }).include("#example-handshake-statechart").include("#example-handshake-naive-timeout").analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    expect(summary).toEqual([]);
  });
}
