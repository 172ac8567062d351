import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { setTheme } from "./support/site.ts";

// Screenshots of the timeline in the real playground, for people to look at (screenshots/ is
// git-ignored): a deadlock, a leak and a cancelled context tree, light and dark, desktop and phone.
// Each page is also checked with axe: the timeline adds no accessibility violations.

const LESSON = "/lessons/goroutine-lifecycle";
const DIR = "screenshots";

const PROGRAMS: Record<string, string> = {
  deadlock: `import { go, chan } from "chanscope";
export default async function main() {
  const results = chan<number>(0, "results");
  const done = chan<void>(0, "done");
  go("worker", async () => {
    await results.send(42);
    await done.recv();
  });
  await done.recv();
  console.log(await results.recv());
}
`,
  leak: `import { go, chan, sleep, select, recv, context } from "chanscope";
export default async function main() {
  const results = chan<string>(0, "results");
  go("search", async () => { await sleep(200); await results.send("some value"); });
  const [ctx, cancel] = context.withTimeout(context.background(), 100);
  try {
    await select(
      recv(results, (v) => console.log("Received:", v)),
      recv(ctx.done(), () => console.log("search canceled")),
    );
  } finally { cancel(); }
  await sleep(300);
}
`,
  "cancel-tree": `import { go, sleep, select, recv, after, context, WaitGroup } from "chanscope";
export default async function main() {
  const [request, cancel] = context.withCancel(context.background());
  const [step] = context.withTimeout(request, 500);
  const wg = new WaitGroup();
  wg.add(3);
  go("listener", async () => { await request.done()!.recv(); wg.done(); });
  go("worker", async () => { await step.done()!.recv(); await sleep(40); wg.done(); });
  go("poller", async () => {
    for (;;) {
      const stop = await select(recv(step.done(), () => true), recv(after(25), () => false));
      if (stop) break;
    }
    wg.done();
  });
  await sleep(30);
  cancel();
  await wg.wait();
}
`,
};

async function runAndShow(page: Page, code: string) {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  await expect(playground).toBeVisible();
  const key = await page.locator("figure.code-block").first().getAttribute("id");
  await page.evaluate(([k, c]) => window.localStorage.setItem(`chanscope:code:${k}`, c), [key, code] as const);
  await page.reload();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const timeline = playground.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toBeVisible({ timeout: 15_000 });
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
