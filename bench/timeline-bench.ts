// `npm run bench:timeline`: the timeline in Chromium on real runtime traces — time to first draw
// for ~1 000, ~10 000 and ~100 000 events and for 10 000 lanes, frame times during a scripted
// pan/zoom, and the JS heap. `--screenshots` also writes the teaching screenshots (deadlock, leak,
// cancelled context tree; light and dark) to screenshots/.
//
// The harness page (bench/timeline-bench.html) is built with Vite into a temporary folder and
// served by Vite's preview server; traces come from runUserSource, the same path as the lessons.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import react from "@vitejs/plugin-react";
import { build, preview } from "vite";
import type { RunResult } from "../src/runtime/run.ts";
import { runUserSource } from "../src/sandbox/node-runner.ts";
import { CANCEL_TREE, DEADLOCK, LEAK, manyEvents } from "../src/timeline/fixtures.ts";
import { chromiumArgs, findChromium } from "../scripts/find-browser.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = process.env.TIMELINE_BENCH_DIST ?? "/tmp/chanscope-timeline-bench";
const PORT = Number(process.env.TIMELINE_BENCH_PORT ?? 4189);
const screenshotsOnly = process.argv.includes("--screenshots-only");
const screenshots = screenshotsOnly || process.argv.includes("--screenshots");

async function traceOf(source: string): Promise<RunResult> {
  const r = await runUserSource(source, { limits: { tasks: 200_000 } });
  if (!r.ok) throw new Error(`bench program does not compile: ${r.error.message}`);
  return r.result;
}

/** 10 000 tasks, each sending one value that main receives. */
const MANY_LANES = `import { go, chan } from "chanscope";
export default async function main() {
  const c = chan<number>(0, "results");
  for (let i = 0; i < 10000; i++) go("task-" + i, async () => { await c.send(i); });
  let sum = 0;
  for (let i = 0; i < 10000; i++) sum += await c.recv();
  console.log(sum);
}`;

const stats = (xs: number[]): { p50: number; p95: number; max: number } => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const f1 = (n: number): string => n.toFixed(1);

async function store(page: Page, r: RunResult): Promise<void> {
  await page.evaluate((trace) => (window as unknown as { timelineHarness: { store: (t: unknown) => void } }).timelineHarness.store(trace), r.trace);
}

async function show(page: Page, r: RunResult, title: string): Promise<{ firstDrawMs: number; renderMs: number; mountMs: number; settledMs: number; modelMs: number; sceneMs: number }> {
  return page.evaluate(
    ([trace, outcome, t]) => (window as unknown as { timelineHarness: { show: (a: unknown, b: unknown, c: string) => Promise<{ firstDrawMs: number; renderMs: number; mountMs: number; settledMs: number; modelMs: number; sceneMs: number }> } }).timelineHarness.show(trace, outcome, t),
    [null, { outcome: r.outcome, virtualMs: r.virtualMs }, title] as const,
  );
}

async function main(): Promise<void> {
  const cases: { name: string; result: RunResult }[] = screenshotsOnly ? [] : [
    { name: "~1 000 events", result: await traceOf(manyEvents(10, 9)) },
    { name: "~10 000 events", result: await traceOf(manyEvents(40, 23)) },
    { name: "~100 000 events", result: await traceOf(manyEvents(100, 92)) },
    { name: "10 000 lanes", result: await traceOf(MANY_LANES) },
  ];
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    plugins: [react()],
    build: { outDir: OUT, emptyOutDir: true, target: "es2022", rollupOptions: { input: path.join(ROOT, "bench/timeline-bench.html") } },
  });
  const server = await preview({ configFile: false, root: ROOT, logLevel: "warn", build: { outDir: OUT }, preview: { port: PORT, strictPort: true } });
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...chromiumArgs, "--js-flags=--expose-gc"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://localhost:${PORT}/bench/timeline-bench.html`);
    await page.waitForSelector("body[data-ready=true]");
    console.log(`Timeline in Chromium (${executablePath ?? "Playwright's"}), 1280 px wide; medians of 3 mounts, a GC before each.\n`);
    console.log("| trace | events | lanes | first draw (ms) | render of that frame (ms) | pan/zoom render p50 / p95 / max (ms) | frame interval p50 / p95 (ms) | JS heap (MB) |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const c of screenshotsOnly ? [] : cases) {
      await store(page, c.result);
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await show(page, c.result, c.name));
      const first = stats(runs.map((r) => r.firstDrawMs)).p50;
      const render = stats(runs.map((r) => r.renderMs)).p50;
      console.error(`${c.name}: model ${runs.map((r) => f1(r.modelMs)).join(", ")} ms; scene ${runs.map((r) => f1(r.sceneMs)).join(", ")} ms; mount ${runs.map((r) => f1(r.mountMs)).join(", ")} ms; first draw ${runs.map((r) => f1(r.firstDrawMs)).join(", ")} ms; settled ${runs.map((r) => f1(r.settledMs)).join(", ")} ms`);
      const pz = await page.evaluate(() => (window as unknown as { timelineHarness: { panZoom: (n: number) => Promise<{ draw: number[]; interval: number[] }> } }).timelineHarness.panZoom(240));
      const d = stats(pz.draw);
      const iv = stats(pz.interval);
      const heap = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6);
      const lanes = new Set(c.result.trace.filter((e) => e.kind === "task.spawn").map((e) => (e as { task: number }).task)).size;
      console.log(`| ${c.name} | ${c.result.trace.length.toLocaleString("en")} | ${lanes.toLocaleString("en")} | ${f1(first)} | ${f1(render)} | ${f1(d.p50)} / ${f1(d.p95)} / ${f1(d.max)} | ${f1(iv.p50)} / ${f1(iv.p95)} | ${f1(heap)} |`);
    }
    if (!screenshotsOnly) {
      // The first timeline a fresh page ever draws, on the biggest trace: nothing is JIT-compiled yet.
      const cold = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await cold.goto(`http://localhost:${PORT}/bench/timeline-bench.html`);
      await cold.waitForSelector("body[data-ready=true]");
      const big = cases[2];
      await store(cold, big.result);
      const r = await show(cold, big.result, big.name);
      console.log(`\nCold page, ${big.result.trace.length.toLocaleString("en")} events first: first draw ${f1(r.firstDrawMs)} ms (model ${f1(r.modelMs)} ms, scene ${f1(r.sceneMs)} ms, render ${f1(r.renderMs)} ms).`);
      await cold.close();
    }
    if (screenshots) {
      const dir = path.join(ROOT, "screenshots");
      mkdirSync(dir, { recursive: true });
      const shots = [
        { name: "deadlock", result: await traceOf(DEADLOCK) },
        { name: "leak", result: await traceOf(LEAK) },
        { name: "cancel-tree", result: await traceOf(CANCEL_TREE) },
      ];
      for (const theme of ["light", "dark"]) {
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        for (const s of shots) {
          await store(page, s.result);
          await show(page, s.result, s.name);
          await page.waitForTimeout(100);
          const file = path.join(dir, `timeline-${s.name}-${theme}.png`);
          await page.locator("section.timeline").screenshot({ path: file });
          console.log(`wrote ${path.relative(ROOT, file)}`);
        }
      }
    }
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

await main();
