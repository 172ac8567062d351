import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LEAK_FIXED, SEEDED } from "../src/timeline/compare-fixtures.ts";
import { LEAK } from "../src/timeline/fixtures.ts";
import { setCode } from "./support/editor.ts";
import { setTheme } from "./support/site.ts";
import { runInPlayground } from "./support/timeline.ts";

// Comparing two runs in a lesson's playground: keep a run, run another seed (or edit and run
// again), and both runs are drawn one above the other on one time axis that moves as one.
// SEEDED ends ok at 100 ms with seed 1 and deadlocks at 300 ms with seed 2.

interface ViewState {
  views: { x0: number; x1: number }[];
  totals: number[];
  cursorMs: number[];
}

/** The view of every timeline on the page (the controllers the page exposes for tests). */
async function views(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    type C = { view: { x0: number; x1: number }; scene: { axis: { total: number } }; getSnapshot(): { cursorMs: number } };
    const cs = (window as unknown as { __chanscopeTimelines: C[] }).__chanscopeTimelines;
    return { views: cs.map((c) => ({ ...c.view })), totals: cs.map((c) => c.scene.axis.total), cursorMs: cs.map((c) => c.getSnapshot().cursorMs) };
  });
}

/** CSS px from the left of timeline `which`'s canvas where the shared clock puts `ms`. */
async function pxOfMs(page: Page, which: number, ms: number): Promise<number> {
  return page.evaluate(
    ([i, t]) => {
      type C = { view: { x0: number; x1: number }; width: number; scale: number; scene: { axis: { clock: { t: Float64Array; x: Float64Array } } } };
      const c = (window as unknown as { __chanscopeTimelines: C[] }).__chanscopeTimelines[i];
      const nameW = Math.round(Math.min(184, Math.max(92, c.width * 0.28)));
      const x = c.scene.axis.clock.x[[...c.scene.axis.clock.t].indexOf(t)];
      return (nameW + ((x - c.view.x0) * (c.width - nameW)) / (c.view.x1 - c.view.x0)) * c.scale;
    },
    [which, ms] as const,
  );
}

async function compareSeeds(page: Page): Promise<{ playground: Locator; compare: Locator }> {
  const { playground } = await runInPlayground(page, SEEDED);
  await expect(playground.getByRole("status")).toContainText("100 ms");
  await playground.getByRole("button", { name: "Compare with seed 2" }).click();
  await expect(playground.getByRole("status")).toContainText(/deadlock/i, { timeout: 15_000 });
  const compare = playground.getByRole("region", { name: /Two runs compared/ });
  await expect(compare).toBeVisible();
  return { playground, compare };
}

test("compare with another seed: both runs stacked, labelled, the difference in words, on one time axis", async ({ page }) => {
  const { compare } = await compareSeeds(page);
  const runA = compare.getByRole("group", { name: /Run A/ });
  const runB = compare.getByRole("group", { name: /Run B/ });
  await expect(runA).toContainText("seed 1 — ok at 100 ms");
  await expect(runB).toContainText("seed 2 — deadlock at 300 ms");
  const differences = compare.getByRole("list", { name: "What differs" });
  await expect(differences).toContainText("A finishes ok at 100 ms; B deadlocks at 300 ms.");
  await expect(differences).toContainText("Stuck at the end only in B: main (chan receive, line 14).");
  // A above B.
  const [groupA, groupB] = [await runA.boundingBox(), await runB.boundingBox()];
  expect(groupA && groupB && groupA.y + groupA.height <= groupB.y + 1).toBe(true);

  // The same ms at the same x: A's event at 100 ms sits where B's axis puts 100 ms (B has no event then).
  const placed = await page.evaluate(() => {
    type Axis = { pos: Float64Array; time: Float64Array; clock: { t: Float64Array; x: Float64Array } };
    const [a, b] = (window as unknown as { __chanscopeTimelines: { scene: { axis: Axis } }[] }).__chanscopeTimelines.map((c) => c.scene.axis);
    const first100 = [...a.time].indexOf(100);
    const slot = [...b.clock.t].indexOf(100);
    return { aAt100: a.pos[first100], bAt100: b.clock.x[slot], bHas100: [...b.time].includes(100), totals: [a.pos[a.pos.length - 1], b.pos[b.pos.length - 1]] };
  });
  expect(placed.bHas100).toBe(false);
  expect(placed.aAt100).toBeCloseTo(placed.bAt100, 9);
  expect(placed.totals[0]).toBe(placed.totals[1]);

  // The pointer over B at 300 ms (B's deadlock): A marks that moment too, with its time.
  const canvasB = runB.getByTestId("timeline-canvas");
  await canvasB.scrollIntoViewIfNeeded();
  const boxB = await canvasB.boundingBox();
  if (boxB === null) throw new Error("run B's canvas has no box");
  const at300 = await pxOfMs(page, 1, 300);
  await page.mouse.move(boxB.x + at300 + 1, boxB.y + boxB.height - 10);
  await expect(runA.locator(".compare__ghost")).toHaveText("300 ms");
  await expect(runB.locator(".compare__ghost")).toHaveCount(0);
  await page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height + 60);
  await expect(runA.locator(".compare__ghost")).toHaveCount(0);

  // "Show where the runs part": both cursors at the select that took another value.
  await compare.getByRole("button", { name: "Show where the runs part" }).click();
  await expect(runA.locator(".compare__readout")).toContainText("fast");
  await expect(runB.locator(".compare__readout")).toContainText("slow");

  // The cursor placed on A's time axis reads the same ms in both runs, and both readouts say so.
  const canvasA = runA.getByTestId("timeline-canvas");
  await canvasA.scrollIntoViewIfNeeded();
  const box = await canvasA.boundingBox();
  if (box === null) throw new Error("run A's canvas has no box");
  await page.mouse.click(box.x + box.width * 0.8, box.y + 10);
  const placedCursor = await views(page);
  expect(placedCursor.cursorMs[0]).toBeGreaterThan(100);
  expect(placedCursor.cursorMs[1]).toBe(placedCursor.cursorMs[0]);
  const ms = `${Math.round(placedCursor.cursorMs[0])}`;
  await expect(runA.locator(".compare__readout")).toContainText(`${ms} ms`);
  await expect(runB.locator(".compare__readout")).toContainText(`${ms} ms`);
});

test("zooming or panning either run moves both; Fit all and Stop comparing", async ({ page }) => {
  const { playground, compare } = await compareSeeds(page);
  const before = await views(page);
  expect(before.views).toHaveLength(2);
  expect(before.views[1]).toEqual(before.views[0]);

  // Keyboard zoom on A's canvas.
  const canvasA = compare.getByRole("group", { name: /Run A/ }).getByTestId("timeline-canvas");
  await canvasA.focus();
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  const zoomed = await views(page);
  expect(zoomed.views[0].x1 - zoomed.views[0].x0).toBeLessThan(before.views[0].x1 - before.views[0].x0);
  expect(zoomed.views[1]).toEqual(zoomed.views[0]);

  // Ctrl+wheel on B, then dragging B, move A too.
  const canvasB = compare.getByRole("group", { name: /Run B/ }).getByTestId("timeline-canvas");
  await canvasB.scrollIntoViewIfNeeded();
  const box = await canvasB.boundingBox();
  if (box === null) throw new Error("run B's canvas has no box");
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height - 12);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect.poll(async () => (await views(page)).views[0].x1 - (await views(page)).views[0].x0).toBeLessThan(zoomed.views[0].x1 - zoomed.views[0].x0);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height - 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height - 12, { steps: 4 });
  await page.mouse.up();
  const moved = await views(page);
  expect(moved.views[0]).toEqual(moved.views[1]);

  await compare.getByRole("button", { name: "Fit all" }).click();
  const fit = await views(page);
  expect(fit.views[0]).toEqual({ x0: 0, x1: fit.totals[0] });
  expect(fit.views[1]).toEqual(fit.views[0]);

  // One Text size for both runs, so their rows and axes stay aligned.
  const scales = () => page.evaluate(() => (window as unknown as { __chanscopeTimelines: { scale: number }[] }).__chanscopeTimelines.map((c) => c.scale));
  const [scaleBefore] = await scales();
  await compare.getByLabel("Text size").selectOption("1.5");
  await expect.poll(scales).toEqual([scaleBefore * 1.5, scaleBefore * 1.5]);

  await compare.getByRole("button", { name: "Stop comparing" }).click();
  await expect(compare).toHaveCount(0);
  await expect(playground.getByRole("region", { name: /^Timeline/ })).toBeVisible();
  expect((await views(page)).views).toHaveLength(1);
});

test("keep a run, edit the code and run again: 'before edit' above 'after edit', the fixed leak named", async ({ page }) => {
  const { playground } = await runInPlayground(page, LEAK);
  await playground.getByRole("button", { name: "Keep this run to compare" }).click();
  await expect(playground.getByRole("group", { name: "Compare runs" })).toContainText("Run A (seed 1) is kept");
  await setCode(page, playground, LEAK_FIXED);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const compare = playground.getByRole("region", { name: /Two runs compared/ });
  await expect(compare).toBeVisible({ timeout: 15_000 });
  await expect(compare.getByRole("group", { name: /Run A/ })).toContainText("seed 1, before edit — ok at 400 ms, 1 leaked task");
  await expect(compare.getByRole("group", { name: /Run B/ })).toContainText("seed 1, after edit — ok at 400 ms");
  await expect(compare.getByRole("list", { name: "What differs" })).toContainText("Leaked only in A: search (chan send, line 4).");
});

for (const [name, size] of [
  ["desktop", { width: 1280, height: 720 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`screenshot and axe: two seeds compared, ${name}, ${theme}`, async ({ page }) => {
      mkdirSync("screenshots", { recursive: true });
      await page.setViewportSize(size);
      await setTheme(page, theme);
      const { compare } = await compareSeeds(page);
      await compare.scrollIntoViewIfNeeded();
      // Point at B's deadlock: B's tooltip says what is stuck, A marks the same moment.
      const canvasB = compare.getByRole("group", { name: /Run B/ }).getByTestId("timeline-canvas");
      await canvasB.scrollIntoViewIfNeeded();
      const boxB = await canvasB.boundingBox();
      if (boxB === null) throw new Error("run B's canvas has no box");
      await page.mouse.move(boxB.x + (await pxOfMs(page, 1, 300)) + 2, boxB.y + boxB.height * 0.55);
      await expect(compare.locator(".compare__ghost")).toHaveCount(1);
      await page.waitForTimeout(150);
      await compare.screenshot({ path: `screenshots/timeline-compare-${name}-${theme}.png` });
      const axe = await new AxeBuilder({ page }).include(".compare").analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
}

test("Prev and Next step through the events of both runs in time order, both cursors at the same ms", async ({ page }) => {
  const { compare } = await compareSeeds(page);
  const next = compare.getByRole("button", { name: "Step forward one event (either run)" });
  const prev = compare.getByRole("button", { name: "Step back one event (either run)" });
  const seen: number[] = [];
  // Many events happen at 0 ms; step on until the cursor has moved on in time.
  for (let i = 0; i < 80 && (seen.length === 0 || seen[seen.length - 1] === 0); i++) {
    await next.click();
    const { cursorMs } = await views(page);
    // One cursor for two runs: the same moment in both.
    expect(cursorMs[0]).toBe(cursorMs[1]);
    seen.push(cursorMs[0]);
  }
  // Time never goes back while stepping forward, and the steps reach past the first instant.
  expect(seen).toEqual([...seen].sort((x, y) => x - y));
  expect(seen[seen.length - 1]).toBeGreaterThan(0);
  await prev.click();
  const back = (await views(page)).cursorMs;
  expect(back[0]).toBe(back[1]);
  expect(back[0]).toBeLessThanOrEqual(seen[seen.length - 1]);
});

test("each run has its event log and channel view; picking an entry in B's log moves both cursors there", async ({ page }) => {
  const { compare } = await compareSeeds(page);
  const runB = compare.getByRole("group", { name: /Run B/ });
  await runB.getByText(/^Event log \([\d,]+ events\)$/).click();
  const log = runB.getByRole("listbox");
  await expect(log).toBeVisible();
  await log.focus();
  await page.keyboard.press("End");
  const { cursorMs } = await views(page);
  // B's last event is its deadlock at 300 ms; A's cursor stands at the same moment.
  expect(cursorMs[1]).toBe(300);
  expect(cursorMs[0]).toBe(cursorMs[1]);
  await runB.getByText(/^Channels \(\d+\)$/).click();
  await expect(runB.getByRole("table", { name: /Channels of this run/ })).toBeVisible();
  await expect(compare.getByRole("group", { name: /Run A/ }).getByRole("table")).toHaveCount(0);
});
