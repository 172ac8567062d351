import { expect, test, type Locator, type Page } from "@playwright/test";

// The playground in a real browser against the built site: the sandbox worker, the editor, the
// watchdog, share links and persistence. Lessons are read from the page, never hard-coded,
// except the course's first lesson slug, which the routes contract fixes.

const LESSON = "/lessons/goroutine-lifecycle";

async function firstPlayground(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const playground = page.locator(".playground").first();
  await expect(playground).toBeVisible();
  return playground;
}

/** Put text in a playground's editor (Monaco) as a user would, opening the editor first. */
async function setCode(page: Page, playground: Locator, code: string): Promise<void> {
  await playground.locator(".code-editor-static").first().click();
  const editor = playground.locator(".monaco-editor").first();
  await expect(editor).toBeVisible({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

test("edit → Run → output and outcome appear", async ({ page }) => {
  const playground = await firstPlayground(page);
  await setCode(
    page,
    playground,
    `import { go, chan, sleep } from "chanscope";\nexport default async function main() {\n  const c = chan<string>();\n  go("sender", async () => { await sleep(5); await c.send("hello from sender"); });\n  console.log(await c.recv());\n}\n`,
  );
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  const status = playground.getByRole("status");
  await expect(status).toContainText("Finished at 5 ms", { timeout: 10_000 });
  await expect(playground.locator(".playground__console")).toContainText("hello from sender");
  await expect(playground.locator(".playground__console")).toContainText("5 ms");
  await expect(playground.locator(".playground__tasks")).toContainText("sender");
});
