import { expect, test } from "@playwright/test";
import { playgroundWithCode } from "./support/timeline.ts";

// A live (paced) run follows the speed select at once: the rest of the run goes at the new speed.

test.describe.configure({ timeout: 60_000 });

const TICKS = `import { sleep, now } from "chanscope";
export default async function main() {
  for (let i = 1; i <= 4; i++) {
    await sleep(1000);
    console.log(\`tick \${i} at \${now()} ms\`);
  }
}
`;

test("changing the speed during a live run applies at once: 3 s of virtual time left at 4× take well under 3 s", async ({ page }) => {
  const playground = await playgroundWithCode(page, TICKS);
  const options = playground.locator(".playground__options");
  await options.locator("summary").click();
  await options.getByLabel("Live").check();
  const speed = options.getByLabel("Speed");
  await expect(speed).toHaveValue("1");
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const console_ = playground.locator(".playground__console");
  await expect(console_).toContainText("tick 1 at 1000 ms", { timeout: 10_000 });
  await expect(console_).not.toContainText("tick 2");
  const t0 = Date.now();
  await speed.selectOption("4");
  await expect(playground.getByRole("status")).toContainText("Finished at 4000 ms", { timeout: 10_000 });
  const elapsed = Date.now() - t0;
  // At 1× the last three ticks take 3000 ms; at 4×, 750 ms (plus the page's own latency).
  expect(elapsed).toBeLessThan(2200);
  for (const i of [2, 3, 4]) await expect(console_).toContainText(`tick ${i} at ${i * 1000} ms`);
  test.info().annotations.push({ type: "measure", description: `3000 virtual ms after the change to 4×: ${elapsed} ms of wall clock` });
  console.log(`live speed: 3000 virtual ms after switching to 4× took ${elapsed} ms`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await playground.screenshot({ path: "screenshots/live-speed-light.png" });
});
