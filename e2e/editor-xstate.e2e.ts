import { expect, test, type Page } from "@playwright/test";
import { playgroundWithCode } from "./support/timeline.ts";

// xstate in the editor is typed by xstate's own declarations: a wrong event is a TypeScript
// error under the code, with the reason on hover, and a correct program shows none.

test.describe.configure({ timeout: 90_000 });

const program = (event: string) => `import { setup, createActor } from "xstate";

const door = setup({ types: { events: {} as { type: "OPEN" } | { type: "CLOSE" } } }).createMachine({
  initial: "closed",
  states: { closed: { on: { OPEN: "open" } }, open: { on: { CLOSE: "closed" } } },
});

export default async function main() {
  const actor = createActor(door).start();
  actor.send({ type: "${event}" });
  console.log(actor.getSnapshot().value);
}
`;

async function openInEditor(page: Page, code: string) {
  const playground = await playgroundWithCode(page, code);
  await playground.locator(".code-editor-static").first().click();
  await expect(playground.locator(".monaco-editor").first()).toBeVisible({ timeout: 15_000 });
  return playground;
}

test("a misspelt xstate event is a type error in the editor, with the reason on hover", async ({ page }) => {
  const playground = await openInEditor(page, program("OPNE"));
  const squiggle = playground.locator(".monaco-editor .squiggly-error").first();
  await expect(squiggle).toBeVisible({ timeout: 30_000 });
  // Monaco's text layer takes the pointer: move the mouse over the squiggle's place instead.
  const at = await squiggle.boundingBox();
  expect(at).not.toBeNull();
  await page.mouse.move((at?.x ?? 0) + (at?.width ?? 0) / 2, (at?.y ?? 0) + (at?.height ?? 0) / 2 - 4);
  await expect(page.locator(".monaco-hover").first()).toContainText('"OPNE"', { timeout: 10_000 });
  await expect(page.locator(".monaco-hover").first()).toContainText('"OPEN"');
  await page.setViewportSize({ width: 1280, height: 720 });
  await playground.screenshot({ path: "screenshots/editor-xstate-error-light.png" });
});

test("a correct xstate program has no type errors, and the actor's methods are suggested", async ({ page }) => {
  const playground = await openInEditor(page, program("OPEN"));
  // Give the TypeScript worker time to check the file with xstate's types loaded, then look.
  await page.waitForTimeout(4000);
  await expect(playground.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
  // Completion after "actor." lists Actor's members (an `any` would list none).
  await playground.locator(".monaco-editor .view-line", { hasText: "console.log(actor.getSnapshot().value);" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  // Inserted as one piece: typed key by key, "actor" opens a word list and "." would accept
  // whatever it has selected (on a slow machine that list is still open when "." arrives).
  await page.keyboard.insertText("actor.");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(async () => {
    if (!(await suggest.isVisible())) await page.keyboard.press("ControlOrMeta+Space");
    await expect(suggest).toContainText("getSnapshot", { timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  await expect(suggest).toContainText("send");
  // The entry's detail is the actor's type, inferred from the machine: its events and states.
  await expect(suggest).toContainText('{ type: "OPEN"; } | { type: "CLOSE"; }');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await playground.screenshot({ path: "screenshots/editor-xstate-suggest-dark.png" });
});
