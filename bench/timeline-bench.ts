// `npm run bench:timeline`: the timeline in Chromium on real runtime traces — time to first draw
// for ~1 000, ~10 000 and ~100 000 events and for 10 000 lanes (on a fresh page, and warm), frame
// times during a scripted pan/zoom and a scroll through every lane, and the JS heap. bench/README.md
// says how to read it. `--screenshots` also writes the teaching screenshots (deadlock, leak,
// cancelled context tree; light and dark) to screenshots/.
//
// `--baseline=<git ref>` builds the same harness on that commit's src/ too and measures both
// alternately on fresh pages, so "before → after" is a ratio from one run on one (busy) machine.
//
// The harness page (bench/timeline-bench.html) is built with Vite into a temporary folder and
// served by Vite's preview server; traces come from runUserSource, the same path as the lessons.

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import react from "@vitejs/plugin-react";
import { build, preview } from "vite";
import type { RunResult } from "../src/runtime/run.ts";
import { runUserSource } from "../src/sandbox/node-runner.ts";
import { CANCEL_TREE, DEADLOCK, LEAK, manyEvents } from "../src/timeline/fixtures.ts";
import { chromiumArgs, findChromium } from "../scripts/find-browser.ts";
import type { Shown } from "./timeline-shown.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = process.env.TIMELINE_BENCH_DIST ?? "/tmp/chanscope-timeline-bench";
const PORT = Number(process.env.TIMELINE_BENCH_PORT ?? 4189);
/** Fresh pages per trace size for the cold figures (each is one browser tab, ~1–2 s). */
const COLD_PAGES = Number(process.env.TIMELINE_BENCH_COLD ?? 3);
/** Mounts per trace for the warm figures. */
const WARM_MOUNTS = 3;
const screenshotsOnly = process.argv.includes("--screenshots-only");
const screenshots = screenshotsOnly || process.argv.includes("--screenshots");
/** Only the fresh-tab figures (quick A/B with --baseline). */
const coldOnly = process.argv.includes("--cold-only");
const baselineRef = process.argv.find((a) => a.startsWith("--baseline="))?.slice("--baseline=".length);

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

const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const median = (xs: readonly number[]): number => quantile(xs, 0.5);
const f0 = (n: number): string => n.toFixed(0);
const f1 = (n: number): string => n.toFixed(1);
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

interface Harness {
  store(t: unknown): void;
  prepare(): void;
  show(trace: null, outcome: unknown, title: string): Promise<Shown>;
  panZoom(frames: number): Promise<{ draw: number[]; interval: number[] }>;
  scrollLanes(steps: number): Promise<{ draw: number[]; rows: number }>;
}
type Win = Window & { timelineHarness: Harness };

async function store(page: Page, r: RunResult): Promise<void> {
  await page.evaluate((trace) => (window as unknown as Win).timelineHarness.store(trace), r.trace);
}

async function show(page: Page, r: RunResult, title: string): Promise<Shown> {
  await page.evaluate(() => (window as unknown as Win).timelineHarness.prepare());
  return page.evaluate(([outcome, t]) => (window as unknown as Win).timelineHarness.show(null, outcome, t), [{ outcome: r.outcome, virtualMs: r.virtualMs }, title] as const);
}

/** show(), traced: also the main thread's CPU ms from handing the trace over to the first frame. */
async function showTraced(browser: Browser, page: Page, r: RunResult, title: string): Promise<Shown & { cpuMs: number }> {
  await page.evaluate(() => (window as unknown as Win).timelineHarness.prepare());
  await browser.startTracing(page, { categories: ["blink.user_timing"] });
  const s = await page.evaluate(([outcome, t]) => (window as unknown as Win).timelineHarness.show(null, outcome, t), [{ outcome: r.outcome, virtualMs: r.virtualMs }, title] as const);
  return { ...s, cpuMs: mainThreadCpuMs(await browser.stopTracing()) };
}

/** The JS heap in MB after a full GC (CDP: what is still reachable). */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

/**
 * CPU ms the page's main thread spent from handing the trace over to the first drawn frame: the
 * difference of the thread clock (`tts`) of the marks "timeline:given" and "timeline:drawn" in a
 * Chromium trace. On a machine shared with other work, wall time also counts the time the thread
 * waited for a core; CPU time does not.
 */
function mainThreadCpuMs(traceJson: Buffer): number {
  const events = (JSON.parse(traceJson.toString("utf8")) as { traceEvents: { name: string; tts?: number }[] }).traceEvents;
  const at = (name: string): number => events.find((e) => e.name === name)?.tts ?? NaN;
  return (at("timeline:drawn") - at("timeline:given")) / 1000;
}

interface ColdFigure {
  firstDrawMs: number;
  cpuMs: number;
  modelMs: number;
  sceneMs: number;
  renderMs: number;
}

/** A fresh tab (no compiled code, no HTTP or code cache) draws its very first timeline. */
async function coldDraw(browser: Browser, port: number, r: RunResult, title: string): Promise<ColdFigure> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(`http://localhost:${port}/bench/timeline-bench.html`);
    await page.waitForSelector("body[data-ready=true]");
    await store(page, r);
    const s = await showTraced(browser, page, r, title);
    return { firstDrawMs: s.firstDrawMs, cpuMs: s.cpuMs, modelMs: s.modelMs, sceneMs: s.sceneMs, renderMs: s.renderMs };
  } finally {
    await page.close();
  }
}

const summarizeCold = (runs: readonly ColdFigure[]): ColdFigure => ({
  firstDrawMs: median(runs.map((r) => r.firstDrawMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  modelMs: median(runs.map((r) => r.modelMs)),
  sceneMs: median(runs.map((r) => r.sceneMs)),
  renderMs: median(runs.map((r) => r.renderMs)),
});

async function buildHarness(root: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: "es2022", rollupOptions: { input: path.join(root, "bench/timeline-bench.html") } },
  });
}

/** A copy of `ref`'s src/ with today's harness, for --baseline. */
function checkoutBaseline(ref: string): string {
  const dir = path.join(path.dirname(OUT), "chanscope-timeline-baseline-src");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["-C", ROOT, "archive", "--format=tar", ref, "src", "tsconfig.json", "package.json"], { maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  cpSync(path.join(ROOT, "bench"), path.join(dir, "bench"), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const cases: { name: string; result: RunResult; cold: boolean }[] = screenshotsOnly
    ? []
    : [
        { name: "~1 000 events", result: await traceOf(manyEvents(10, 9)), cold: true },
        { name: "~10 000 events", result: await traceOf(manyEvents(40, 23)), cold: true },
        { name: "~100 000 events", result: await traceOf(manyEvents(100, 92)), cold: true },
        { name: "10 000 lanes", result: await traceOf(MANY_LANES), cold: false },
      ];
  await buildHarness(ROOT, OUT);
  const server = await preview({ configFile: false, root: ROOT, logLevel: "warn", build: { outDir: OUT }, preview: { port: PORT, strictPort: true } });
  let baseServer: Awaited<ReturnType<typeof preview>> | null = null;
  if (baselineRef !== undefined) {
    const dir = checkoutBaseline(baselineRef);
    const out = `${OUT}-baseline`;
    await buildHarness(dir, out);
    baseServer = await preview({ configFile: false, root: dir, logLevel: "warn", build: { outDir: out }, preview: { port: PORT + 1, strictPort: true } });
  }
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...chromiumArgs, "--js-flags=--expose-gc"] });
  try {
    if (!screenshotsOnly) {
      console.log(`Timeline in Chromium (${executablePath ?? "Playwright's"}), 1280 px wide.\n`);
      // Cold: each size on fresh tabs, sizes interleaved (and with --baseline, the two builds too).
      const cold = new Map<string, ColdFigure[]>();
      const coldBase = new Map<string, ColdFigure[]>();
      for (let k = 0; k < COLD_PAGES; k++) {
        for (const c of cases.filter((x) => x.cold)) {
          const mine = await coldDraw(browser, PORT, c.result, c.name);
          cold.set(c.name, [...(cold.get(c.name) ?? []), mine]);
          if (baseServer !== null) coldBase.set(c.name, [...(coldBase.get(c.name) ?? []), await coldDraw(browser, PORT + 1, c.result, c.name)]);
        }
      }
      console.log(`Fresh tab, its first timeline (median of ${COLD_PAGES}; CPU = the main thread's own time, from a Chromium trace):\n`);
      console.log(`| trace | events | first draw (ms) | main-thread CPU (ms) | model / scene / render (ms) |${baseServer !== null ? ` baseline ${baselineRef}: first draw / CPU (ms) | CPU after ÷ before |` : ""}`);
      console.log(`|---|---:|---:|---:|---:|${baseServer !== null ? "---:|---:|" : ""}`);
      for (const c of cases.filter((x) => x.cold)) {
        const m = summarizeCold(cold.get(c.name) ?? []);
        const b = baseServer !== null ? summarizeCold(coldBase.get(c.name) ?? []) : null;
        console.error(`${c.name} cold: first draw ${(cold.get(c.name) ?? []).map((r) => f0(r.firstDrawMs)).join(", ")} ms; CPU ${(cold.get(c.name) ?? []).map((r) => f0(r.cpuMs)).join(", ")} ms${b !== null ? `; baseline first draw ${(coldBase.get(c.name) ?? []).map((r) => f0(r.firstDrawMs)).join(", ")}, CPU ${(coldBase.get(c.name) ?? []).map((r) => f0(r.cpuMs)).join(", ")}` : ""}`);
        const extra = b !== null ? ` ${f0(b.firstDrawMs)} / ${f0(b.cpuMs)} | ×${(m.cpuMs / b.cpuMs).toFixed(2)} |` : "";
        console.log(`| ${c.name} | ${thousands(c.result.trace.length)} | ${f0(m.firstDrawMs)} | ${f0(m.cpuMs)} | ${f1(m.modelMs)} / ${f1(m.sceneMs)} / ${f1(m.renderMs)} |${extra}`);
      }

    }
    if (!screenshotsOnly && !coldOnly) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://localhost:${PORT}/bench/timeline-bench.html`);
      await page.waitForSelector("body[data-ready=true]");
      console.log(`\nWarm (one tab, median of ${WARM_MOUNTS} mounts after the first, a GC before each); pan/zoom = 120 scripted frames; heap after a GC:\n`);
      console.log("| trace | events | lanes | first draw (ms) | main-thread CPU (ms) | render of that frame (ms) | pan/zoom render p50 / p95 / max (ms) | frame interval p50 / p95 (ms) | JS heap (MB): trace only → with timeline |");
      console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (const c of cases) {
        await store(page, c.result);
        await page.evaluate(() => (window as unknown as Win).timelineHarness.prepare());
        const heap0 = await heapMB(page);
        const runs: (Shown & { cpuMs: number })[] = [];
        for (let i = 0; i <= WARM_MOUNTS; i++) runs.push(await showTraced(browser, page, c.result, c.name));
        runs.shift();
        console.error(`${c.name} warm: model ${runs.map((r) => f1(r.modelMs)).join(", ")} ms; scene ${runs.map((r) => f1(r.sceneMs)).join(", ")} ms; mount ${runs.map((r) => f1(r.mountMs)).join(", ")} ms; first draw ${runs.map((r) => f1(r.firstDrawMs)).join(", ")} ms; CPU ${runs.map((r) => f1(r.cpuMs)).join(", ")} ms`);
        const heap1 = await heapMB(page);
        const pz = await page.evaluate(() => (window as unknown as Win).timelineHarness.panZoom(120));
        const lanes = new Set(c.result.trace.filter((e) => e.kind === "task.spawn").map((e) => (e as { task: number }).task)).size;
        const first = median(runs.map((r) => r.firstDrawMs));
        const render = median(runs.map((r) => r.renderMs));
        console.log(
          `| ${c.name} | ${thousands(c.result.trace.length)} | ${thousands(lanes)} | ${f1(first)} | ${f1(median(runs.map((r) => r.cpuMs)))} | ${f1(render)} | ${f1(quantile(pz.draw, 0.5))} / ${f1(quantile(pz.draw, 0.95))} / ${f1(Math.max(...pz.draw))} | ${f1(quantile(pz.interval, 0.5))} / ${f1(quantile(pz.interval, 0.95))} | ${f1(heap0)} → ${f1(heap1)} |`,
        );
        if (c.name === "10 000 lanes") {
          const sc = await page.evaluate(() => (window as unknown as Win).timelineHarness.scrollLanes(100));
          console.log(`\n10 000 lanes: scrolling from the first of ${thousands(sc.rows)} rows to the last in 100 frames, render p50 / p95 / max ${f1(quantile(sc.draw, 0.5))} / ${f1(quantile(sc.draw, 0.95))} / ${f1(Math.max(...sc.draw))} ms.`);
        }
      }
      await page.close();
    }
    console.log(`\nTotal ${f0((performance.now() - t0) / 1000)} s.`);
    if (screenshots) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`http://localhost:${PORT}/bench/timeline-bench.html`);
      await page.waitForSelector("body[data-ready=true]");
      const dir = path.join(ROOT, "screenshots");
      mkdirSync(dir, { recursive: true });
      const shots = [
        { name: "deadlock", result: await traceOf(DEADLOCK) },
        { name: "leak", result: await traceOf(LEAK) },
        { name: "cancel-tree", result: await traceOf(CANCEL_TREE) },
      ];
      for (const theme of ["light", "dark"]) {
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
      await page.close();
    }
  } finally {
    await browser.close();
    server.httpServer.close();
    baseServer?.httpServer.close();
  }
}

await main();
