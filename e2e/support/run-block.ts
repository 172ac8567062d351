// Run one lesson block (an example or exercise playground, `figure#example-<id>`) as a learner
// would, by pressing its Run button, and read what the page shows when the run has ended.
// The time from the click to the final status is taken inside the page (a MutationObserver on the
// status line), so Playwright's polling does not add to it.
import { expect, type Locator, type Page } from "@playwright/test";

export interface ShownRun {
  /** The status line's kind: ok, leaks, deadlock, panic, limit, signal, killed, compile-error. */
  kind: string;
  headline: string;
  /** Leaked tasks the headline names ("leaking 2 tasks"); 0 when it names none. */
  leaks: number;
  /** Text of each console line, without time and task. */
  output: string[];
  /** Run click → final status, in ms (page clock). */
  ms: number;
}

export function block(page: Page, id: string): Locator {
  return page.locator(`figure#example-${id}`);
}

interface MeasuredWindow {
  __runEnded?: Promise<{ ms: number; className: string } | { timeout: true }>;
}

/** Presses Run in the block and waits (up to `timeoutMs`) for a final status. */
export async function runBlock(figure: Locator, timeoutMs = 20_000): Promise<ShownRun> {
  const status = figure.getByRole("status");
  const run = figure.getByRole("button", { name: "Run", exact: true });
  await run.scrollIntoViewIfNeeded();
  await status.evaluate((el, limit) => {
    const w = window as MeasuredWindow;
    w.__runEnded = new Promise((resolve) => {
      let t0: number | undefined;
      let sawBusy = false;
      const button = [...(el.closest("figure")?.querySelectorAll("button") ?? [])].find((b) => b.textContent?.trim() === "Run");
      button?.addEventListener("click", () => (t0 = performance.now()), { capture: true, once: true });
      const finish = () => {
        if (t0 === undefined) return;
        if (/--busy\b/.test(el.className)) sawBusy = true;
        else if (sawBusy && !/--idle\b/.test(el.className)) {
          observer.disconnect();
          resolve({ ms: performance.now() - t0, className: el.className });
        }
      };
      const observer = new MutationObserver(finish);
      observer.observe(el, { attributes: true, attributeFilter: ["class"] });
      setTimeout(() => {
        observer.disconnect();
        resolve({ timeout: true });
      }, limit);
    });
  }, timeoutMs);
  await run.click();
  const ended = await status.evaluate(() => (window as MeasuredWindow).__runEnded);
  if (!ended || "timeout" in ended) {
    throw new Error(`no final status ${timeoutMs} ms after Run; the status says: ${await status.textContent()}`);
  }
  const headline = ((await status.textContent()) ?? "").trim();
  const leaked = /leaking (\d+) tasks?/.exec(headline);
  const output = await figure.locator(".playground__console .playground__text").allTextContents();
  return {
    kind: /playground__status--([a-z-]+)/.exec(ended.className)?.[1] ?? "unknown",
    headline,
    leaks: leaked ? Number(leaked[1]) : 0,
    output,
    ms: Math.round(ended.ms),
  };
}

/** A live (paced) block switched to an instant run, so its scheduled signals are delivered. */
export async function switchToInstant(figure: Locator): Promise<void> {
  const options = figure.locator("details.playground__options");
  if (!(await options.evaluate((d) => (d as HTMLDetailsElement).open))) await options.locator("summary").click();
  await options.getByRole("radio", { name: "Instant" }).check();
  await expect(options.getByRole("radio", { name: "Instant" })).toBeChecked();
}

/** Opens an exercise's solution and puts it in the editor. */
export async function loadSolution(figure: Locator): Promise<void> {
  const solution = figure.locator("details.code-block__solution");
  if (!(await solution.evaluate((d) => (d as HTMLDetailsElement).open))) await solution.locator("summary").click();
  await solution.getByRole("button", { name: "Put the solution in the editor" }).click();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}
