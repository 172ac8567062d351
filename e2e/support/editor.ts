// Typing into a playground's editor (Monaco) as a learner would, for the e2e specs.
import { expect, type Locator, type Page } from "@playwright/test";

/** Put text in a playground's editor, opening the editor first. */
export async function setCode(page: Page, playground: Locator, code: string): Promise<void> {
  await playground.locator(".code-editor-static").first().click();
  const editor = playground.locator(".monaco-editor").first();
  await expect(editor).toBeVisible({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}
