import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LESSON, runInPlayground } from "./support/timeline.ts";

// The timeline in a real browser against the built site: a lesson example runs, its timeline
// appears; hover, click, zoom, pan, fit, playback and export work by mouse and keyboard.
// The view's state is read from the controller the component registers on window (read only).

// Layout constants of the canvas (src/timeline/scene.ts LAYOUT).
const NAME_W = 184;
const AXIS_H = 34;
const ROW_H = 28;

/** A cancel at 30 ms that wakes a worker which runs 40 ms more: blocked lanes with lines. */
const PROGRAM = `import { go, sleep, context } from "chanscope";
export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  go("worker", async () => {
    await ctx.done()!.recv();
    await sleep(40);
  });
  await sleep(30);
  cancel();
  await sleep(50);
}
`;

interface ViewState {
  x0: number;
  x1: number;
  total: number;
  cursorIdx: number;
  playing: boolean;
}

async function viewOf(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const w = window as unknown as { __chanscopeTimelines: { view: { x0: number; x1: number }; scene: { axis: { total: number } }; getSnapshot(): { cursorIdx: number; playing: boolean } }[] };
    const c = w.__chanscopeTimelines.find((t) => t.scene !== null) ?? w.__chanscopeTimelines[0];
    return { x0: c.view.x0, x1: c.view.x1, total: c.scene.axis.total, cursorIdx: c.getSnapshot().cursorIdx, playing: c.getSnapshot().playing };
  });
}

/** Runs PROGRAM (or `code`) in the lesson's first playground. */
function runProgram(page: Page, code = PROGRAM): ReturnType<typeof runInPlayground> {
  return runInPlayground(page, code);
}

/** Canvas-relative point in the middle of row `row` at fraction `fx` of the plot width. */
async function pointAt(canvas: Locator, row: number, fx: number): Promise<{ x: number; y: number }> {
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the timeline canvas has no box");
  return { x: box.x + NAME_W + (box.width - NAME_W) * fx, y: box.y + AXIS_H + row * ROW_H + ROW_H / 2 };
}

test("a lesson example's run shows its timeline, described in words, with the diagnosis for a leak", async ({ page }) => {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const timeline = playground.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toBeVisible({ timeout: 15_000 });
  await expect(timeline.getByTestId("timeline-canvas")).toHaveAttribute("aria-describedby", /.+/);
  await expect(timeline.locator(".timeline__words p")).toContainText(/\d+ tasks?, [\d,]+ events/);
  // The task table stays as the text alternative.
  await expect(playground.locator(".playground__tasks")).toBeVisible();

  const leaky = `import { go, chan, sleep } from "chanscope";
export default async function main() {
  const c = chan<number>();
  go("stuck", async () => { await c.send(1); });
  await sleep(10);
}
`;
  const run = await runProgram(page, leaky);
  await expect(run.timeline.locator(".timeline__diagnosis")).toContainText("leaked");
  await run.timeline.getByRole("button", { name: /stuck \(chan send, line 4\)/ }).click();
});

test("hover shows a tooltip; a click selects the line in the editor", async ({ page }) => {
  const { playground, timeline, canvas } = await runProgram(page);
  // Rows: ctx withCancel, main, worker. The worker waits on ctx.done() from near its start to the cancel.
  const box = (await canvas.boundingBox()) as { x: number; y: number; width: number };
  let found: string | null = null;
  for (let fx = 0.05; fx < 0.95 && found === null; fx += 0.03) {
    const p = await pointAt(canvas, 2, fx);
    await page.mouse.move(p.x, p.y);
    const tip = timeline.getByRole("tooltip");
    if ((await tip.count()) > 0 && /blocked on chan receive/.test((await tip.textContent()) ?? "")) found = (await tip.textContent()) ?? "";
  }
  expect(found, `no tooltip over the worker's lane (canvas at x=${box.x})`).toContain("worker: blocked on chan receive");
  expect(found).toContain("line 5");
  expect(found).toMatch(/0 ms → 30 ms/);
  // First click opens the editor, the second puts it on the line.
  await page.mouse.down();
  await page.mouse.up();
  await expect(playground.locator(".monaco-editor")).toBeVisible({ timeout: 15_000 });
  await page.mouse.move(box.x + 5, box.y + 5);
  const again = await pointAt(canvas, 2, 0.3);
  await page.mouse.move(again.x, again.y);
  await page.mouse.down();
  await page.mouse.up();
  await expect(playground.locator(".monaco-editor .active-line-number")).toHaveText("5", { timeout: 5000 });
});

test("zoom, pan and fit by keyboard and by mouse", async ({ page }) => {
  const { timeline, canvas } = await runProgram(page);
  const full = await viewOf(page);
  expect(full.x0).toBe(0);
  expect(full.x1).toBeCloseTo(full.total, 6);

  await canvas.focus();
  await page.keyboard.press("+");
  const zoomed = await viewOf(page);
  expect(zoomed.x1 - zoomed.x0).toBeLessThan((full.x1 - full.x0) * 0.75);
  await page.keyboard.press("ArrowRight");
  const panned = await viewOf(page);
  expect(panned.x0).toBeGreaterThan(zoomed.x0);
  await page.keyboard.press("0");
  expect(await viewOf(page)).toMatchObject({ x0: 0 });

  // Ctrl + wheel zooms about the pointer; a drag pans; "Fit all" restores.
  const p = await pointAt(canvas, 1, 0.5);
  await page.mouse.move(p.x, p.y);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -400);
  await page.keyboard.up("Control");
  const wheeled = await viewOf(page);
  expect(wheeled.x1 - wheeled.x0).toBeLessThan(full.total * 0.8);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x - 150, p.y, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewOf(page);
  expect(dragged.x0).toBeGreaterThan(wheeled.x0);
  await timeline.getByRole("button", { name: "Fit all" }).click();
  expect(await viewOf(page)).toMatchObject({ x0: 0 });

  // Double-click a segment fits it.
  const seg = await pointAt(canvas, 2, 0.5);
  await page.mouse.dblclick(seg.x, seg.y);
  const fitted = await viewOf(page);
  expect(fitted.x1 - fitted.x0).toBeLessThan(full.total);
});

test("playback and stepping move the cursor, and the readout follows", async ({ page }) => {
  const { timeline, canvas } = await runProgram(page);
  const readout = timeline.locator(".timeline__readout");
  await timeline.getByRole("button", { name: "Step forward one event" }).click();
  await expect(readout).toContainText("event 1/");
  await canvas.focus();
  await page.keyboard.press(".");
  await page.keyboard.press(".");
  await expect(readout).toContainText("event 3/");
  await page.keyboard.press(",");
  await expect(readout).toContainText("event 2/");
  // n jumps to the next notable event (a block, close, cancel or leak).
  await page.keyboard.press("n");
  await expect(readout).toContainText("blocks on");

  // At ½× the whole run takes 8 s to play: time to see the cursor move, then pause it.
  await timeline.getByRole("combobox", { name: "Playback speed" }).selectOption("0.5");
  await timeline.getByRole("button", { name: "Play" }).click();
  await expect(timeline.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(async () => (await viewOf(page)).cursorIdx, { timeout: 5000 }).toBeGreaterThan(5);
  await timeline.getByRole("button", { name: "Pause" }).click();
  const paused = (await viewOf(page)).cursorIdx;
  await page.waitForTimeout(300);
  expect((await viewOf(page)).cursorIdx).toBe(paused);
  expect((await viewOf(page)).playing).toBe(false);
  // Space plays from the keyboard; at 4× the run plays to its end and stops by itself.
  await timeline.getByRole("combobox", { name: "Playback speed" }).selectOption("4");
  await canvas.focus();
  await page.keyboard.press(" ");
  await expect(timeline.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 8000 });
  await expect(readout).toContainText(/event (\d+)\/\1\b/);

  // Clicking the time axis places the cursor there.
  const box = (await canvas.boundingBox()) as { x: number; y: number; width: number };
  await page.mouse.click(box.x + box.width - 20, box.y + 10);
  expect((await viewOf(page)).cursorIdx).toBeGreaterThan(paused - 1);
});

test("Export trace downloads Chrome Trace Event JSON", async ({ page }) => {
  const { timeline } = await runProgram(page);
  const [download] = await Promise.all([page.waitForEvent("download"), timeline.getByRole("button", { name: "Export trace" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.trace\.json$/);
  const path = await download.path();
  const json = JSON.parse(readFileSync(path, "utf8")) as { traceEvents: { name: string; ph: string }[] };
  expect(json.traceEvents.length).toBeGreaterThan(5);
  expect(json.traceEvents.some((e) => e.ph === "M" && e.name === "thread_name")).toBe(true);
  expect(json.traceEvents.some((e) => e.ph === "X" && e.name === "chan receive")).toBe(true);
});

test("a live (paced) run's timeline grows while it streams and keeps showing the whole run", async ({ page }) => {
  const ticking = `import { go, sleep } from "chanscope";
export default async function main() {
  go("ticker", async () => { for (let i = 0; i < 100; i++) await sleep(50); });
  for (let i = 0; i < 100; i++) await sleep(50);
}
`;
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  const key = await page.locator("figure.code-block").first().getAttribute("id");
  await page.evaluate(([k, c]) => window.localStorage.setItem(`chanscope:code:${k}`, c), [key, ticking] as const);
  await page.reload();
  const options = playground.locator(".playground__options");
  await options.locator("summary").click();
  await options.getByLabel("Live").check();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const timeline = playground.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toBeVisible({ timeout: 10_000 });
  // While the run streams (5 s of virtual time at 1×), the axis grows and the view follows it.
  const first = await viewOf(page);
  await expect.poll(async () => (await viewOf(page)).total, { timeout: 5000 }).toBeGreaterThan(first.total);
  const later = await viewOf(page);
  expect(later.x0).toBe(0);
  expect(later.x1).toBeCloseTo(later.total, 6);
  await expect(playground.getByRole("status")).toContainText(/Finished/i, { timeout: 15_000 });
});

test("the event log, opened, moves the timeline cursor with the keyboard and follows its steps", async ({ page }) => {
  const { timeline } = await runProgram(page);
  await timeline.getByText(/^Event log/).click();
  const log = timeline.getByRole("listbox", { name: /Events of the run/ });
  await expect(log).toBeVisible();
  await expect(log.getByRole("option", { name: /ctx withCancel cancelled: context canceled/ })).toHaveCount(1);
  await log.focus();
  await page.keyboard.press("Home");
  await expect(timeline.locator(".timeline__readout-time")).toContainText("event 1/");
  await page.keyboard.press("ArrowDown");
  await expect(timeline.locator(".timeline__readout-time")).toContainText("event 2/");
  expect((await viewOf(page)).cursorIdx).toBe(1);
  await expect(log.getByRole("option", { selected: true })).toHaveAttribute("data-idx", "1");
  // The other way: stepping the timeline highlights the next entry.
  await timeline.getByRole("button", { name: "Step forward one event" }).click();
  await expect(log.getByRole("option", { selected: true })).toHaveAttribute("data-idx", "2");
  await log.focus();
  await page.keyboard.press("End");
  const { total } = await page.evaluate(() => ({ total: document.querySelectorAll(".timeline__log-item").length }));
  await expect(timeline.locator(".timeline__readout-time")).toContainText(`event ${total}/${total}`);
});

/** The axis point at fraction `f` of the plot of a view. */
function axisAt(v: { x0: number; x1: number }, f: number): number {
  return v.x0 + (v.x1 - v.x0) * f;
}

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });

  test("on a phone, a tap's tooltip opens below the tapped lane and shows whole, even past a two-lane canvas", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const twoLanes = `import { go, chan } from "chanscope";
export default async function main() {
  const results = chan<number>(0, "results");
  const done = chan<void>(0, "done");
  go("worker", async () => { await results.send(42); await done.recv(); });
  await done.recv();
}
`;
    const { timeline, canvas } = await runProgram(page, twoLanes);
    const box = await canvas.boundingBox();
    if (box === null) throw new Error("the timeline canvas has no box");
    const tapY = box.y + box.height - 14;
    await page.touchscreen.tap(box.x + box.width * 0.85, tapY);
    const tip = timeline.getByRole("tooltip");
    await expect(tip).toContainText("worker stuck");
    const tipBox = await tip.boundingBox();
    if (tipBox === null) throw new Error("the tooltip has no box");
    // Under the finger's lane, not over the lanes being read; taller than room left in the canvas.
    expect(tipBox.y).toBeGreaterThan(tapY);
    expect(tipBox.y + tipBox.height).toBeGreaterThan(box.y + box.height);
    // Nothing between it and the timeline clips what spills out.
    const clipped = await tip.evaluate((el) => {
      const b = el.getBoundingClientRect();
      for (let p = el.parentElement; p !== null && !p.classList.contains("timeline"); p = p.parentElement) {
        const style = getComputedStyle(p);
        const r = p.getBoundingClientRect();
        if (style.overflowY !== "visible" && b.bottom > r.bottom + 0.5) return p.className;
      }
      return null;
    });
    expect(clipped).toBeNull();
  });

  test("two fingers pinch: the view zooms about their midpoint and pans with it; one finger pans; the page does not zoom", async ({ page }) => {
    const { canvas } = await runProgram(page);
    // All lanes in view: a vertical swipe is the page's, and nothing else is.
    await expect(canvas).toHaveCSS("touch-action", "pan-y");
    const box = await canvas.boundingBox();
    if (box === null) throw new Error("the timeline canvas has no box");
    const plotW = box.width - NAME_W;
    const y = box.y + AXIS_H + ROW_H * 1.5;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: [number, number][]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, yy], id) => ({ x, y: yy, id, radiusX: 2, radiusY: 2, force: 1 })) });

    // Fingers 100 px apart around 40 % of the plot, spread to 300 px apart around 60 %.
    const full = await viewOf(page);
    const mid0 = box.x + NAME_W + plotW * 0.4;
    const mid1 = box.x + NAME_W + plotW * 0.6;
    await touch("touchStart", [[mid0 - 50, y], [mid0 + 50, y]]);
    for (let s = 1; s <= 8; s++) {
      const m = mid0 + ((mid1 - mid0) * s) / 8;
      const half = 50 + (100 * s) / 8;
      await touch("touchMove", [[m - half, y], [m + half, y]]);
    }
    await touch("touchEnd", []);
    const pinched = await viewOf(page);
    // 3× closer, and the run's point that was under the fingers' midpoint is under it now.
    expect((full.x1 - full.x0) / (pinched.x1 - pinched.x0)).toBeCloseTo(3, 1);
    expect(axisAt(pinched, 0.6)).toBeCloseTo(axisAt(full, 0.4), 1);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

    // One finger dragged left shows later times (a pan, same zoom).
    await touch("touchStart", [[mid1, y]]);
    for (let s = 1; s <= 5; s++) await touch("touchMove", [[mid1 - 30 * s, y]]);
    await touch("touchEnd", []);
    const panned = await viewOf(page);
    expect(panned.x1 - panned.x0).toBeCloseTo(pinched.x1 - pinched.x0, 6);
    expect(panned.x0).toBeGreaterThan(pinched.x0);

    // A finger swiping up over the timeline scrolls the page and leaves the view alone.
    const scrolled = await page.evaluate(() => window.scrollY);
    await touch("touchStart", [[mid1, y + 40]]);
    for (let s = 1; s <= 8; s++) await touch("touchMove", [[mid1, y + 40 - 20 * s]]);
    await touch("touchEnd", []);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 50);
    expect(await viewOf(page)).toMatchObject({ x0: panned.x0, x1: panned.x1 });
  });

  test("a tap shows the tooltip there is no hover for, and it stays after the finger lifts", async ({ page }) => {
    const { timeline, canvas } = await runProgram(page);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (box === null) throw new Error("the timeline canvas has no box");
    await page.touchscreen.tap(box.x + 30, box.y + AXIS_H + 2 * ROW_H + ROW_H / 2);
    const tip = timeline.getByRole("tooltip");
    await expect(tip).toContainText('"worker"');
    await page.waitForTimeout(300);
    await expect(tip).toBeVisible();
  });
});

test("Safari's trackpad pinch (gesture events with a scale) zooms about the pointer and is kept from zooming the page", async ({ page }) => {
  const { canvas } = await runProgram(page);
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the timeline canvas has no box");
  const full = await viewOf(page);
  // Chromium has no gesture events: these are built as Safari sends them (type, scale, clientX).
  const prevented = await canvas.evaluate((el, clientX) => {
    const fire = (type: string, scale: number): boolean => {
      const e = new UIEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, "scale", { value: scale });
      Object.defineProperty(e, "clientX", { value: clientX });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    };
    return [fire("gesturestart", 1), fire("gesturechange", 1.5), fire("gesturechange", 2), fire("gestureend", 2)];
  }, box.x + NAME_W + (box.width - NAME_W) * 0.3);
  expect(prevented).toEqual([true, true, true, true]);
  const v = await viewOf(page);
  expect((full.x1 - full.x0) / (v.x1 - v.x0)).toBeCloseTo(2, 6);
  expect(Math.abs(axisAt(v, 0.3) - axisAt(full, 0.3))).toBeLessThan(full.total / (box.width - NAME_W));
});

test("a trackpad pinch (Ctrl + small wheel deltas) zooms smoothly about the pointer, in proportion to the deltas", async ({ page }) => {
  const { canvas } = await runProgram(page);
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the timeline canvas has no box");
  const x = box.x + NAME_W + (box.width - NAME_W) * 0.3;
  const y = box.y + AXIS_H + ROW_H * 1.5;
  const cdp = await page.context().newCDPSession(page);
  // Chromium reports a trackpad pinch as wheel events with the Ctrl modifier (2).
  const pinchStep = (deltaY: number) => cdp.send("Input.dispatchMouseEvent", { type: "mouseWheel", x, y, deltaX: 0, deltaY, modifiers: 2 });
  const full = await viewOf(page);
  await pinchStep(-4);
  await expect.poll(async () => (await viewOf(page)).x1).toBeLessThan(full.x1);
  const one = await viewOf(page);
  // One small step zooms a little (e^0.04), not a fixed notch.
  expect((full.x1 - full.x0) / (one.x1 - one.x0)).toBeCloseTo(Math.exp(0.04), 2);
  for (let i = 0; i < 9; i++) await pinchStep(-4);
  await expect.poll(async () => (full.x1 - full.x0) / ((await viewOf(page)).x1 - (await viewOf(page)).x0)).toBeCloseTo(Math.exp(0.4), 2);
  const ten = await viewOf(page);
  // The point under the pointer stayed put (within a pixel's worth of the run).
  expect(Math.abs(axisAt(ten, 0.3) - axisAt(full, 0.3))).toBeLessThan(full.total / (box.width - NAME_W));
});

interface ScaleState {
  scale: number;
  width: number;
  cssHeight: number;
}

async function scaleOf(page: Page): Promise<ScaleState> {
  return page.evaluate(() => {
    const w = window as unknown as { __chanscopeTimelines: { scale: number; width: number; scene: unknown }[] };
    const c = w.__chanscopeTimelines.find((t) => t.scene !== null) ?? w.__chanscopeTimelines[0];
    const canvas = document.querySelector<HTMLCanvasElement>("[data-testid='timeline-canvas']");
    return { scale: c.scale, width: c.width, cssHeight: canvas?.getBoundingClientRect().height ?? 0 };
  });
}

test("Text size and a container's --tl-text-size draw rows, labels and markers bigger; hovering follows the scale", async ({ page }) => {
  const { timeline, canvas } = await runProgram(page);
  const one = await scaleOf(page);
  expect(one.scale).toBe(1);
  await timeline.getByLabel("Text size").selectOption("2");
  await expect.poll(async () => (await scaleOf(page)).scale).toBe(2);
  const two = await scaleOf(page);
  // Twice as tall for the same rows, half as many layout units across.
  expect(two.cssHeight - 2).toBeCloseTo((one.cssHeight - 2) * 2, 0);
  expect(two.width).toBeCloseTo(one.width / 2, 0);
  // Row 2 (worker) is where it is drawn at 2×: its name's tooltip, not nothing.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the timeline canvas has no box");
  await page.mouse.move(box.x + 40, box.y + (AXIS_H + 2 * ROW_H + ROW_H / 2) * 2);
  await expect(timeline.getByRole("tooltip")).toContainText('"worker"');
  // The choice is kept for the next page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem("chanscope:timeline-text-size"))).toBe("2");

  // A container asks for bigger text in CSS; the option multiplies it.
  const again = await runProgram(page);
  await again.timeline.getByLabel("Text size").selectOption("1");
  await page.evaluate(() => document.documentElement.style.setProperty("--tl-text-size", "19.5px"));
  await expect.poll(async () => (await scaleOf(page)).scale).toBeCloseTo(1.5, 6);
  await again.timeline.getByLabel("Text size").selectOption("1.25");
  await expect.poll(async () => (await scaleOf(page)).scale).toBeCloseTo(1.875, 6);
});

/** A hand-off, a timer's value and a cancel the worker notices, then runs 40 ms more. */
const MESSAGES = `import { go, chan, sleep, after, context } from "chanscope";
export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  const results = chan<number>(0, "results");
  go("worker", async () => {
    await results.send(1);
    await ctx.done()!.recv();
    await sleep(40);
  });
  console.log(await results.recv());
  await after(10).recv();
  await sleep(20);
  cancel();
  await sleep(50);
}
`;

test("the SVG download draws the message arrows and the cancellation wave, and opens as an image", async ({ page }) => {
  const { timeline } = await runProgram(page, MESSAGES);
  const [download] = await Promise.all([page.waitForEvent("download"), timeline.getByRole("button", { name: "SVG" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = readFileSync(await download.path(), "utf8");
  expect(svg).toContain("ran 40 ms after cancel");
  expect(svg).toContain("context canceled at 30 ms");
  expect(svg).toMatch(/<g class="wave" data-task="\d+"><title>cancellation reached worker<\/title>/);
  expect(svg).toMatch(/<g class="arrows arrows--handoff"[^>]*>\n<g><title>results: 1 \(hand-off\)<\/title><line /);
  expect(svg).toMatch(/<g class="arrows arrows--timer"[^>]*>\n<g><title>[^<]*\(timer\)<\/title><line [^>]*stroke-dasharray="1.5 3"/);
  // It parses as XML, and the browser decodes it as an image of its declared size (a data: URL:
  // the site's CSP allows no blob: images).
  const size = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror") !== null) return { w: -1, h: -1 };
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, svg);
  expect(size.w).toBeGreaterThan(300);
  expect(size.h).toBeGreaterThan(AXIS_H + ROW_H * 2);
});
