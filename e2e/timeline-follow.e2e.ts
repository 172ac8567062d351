import { expect, test, type Locator, type Page } from "@playwright/test";
import { runInPlayground } from "./support/timeline.ts";

// Issue 5 §4: as the timeline's cursor moves (stepping, playback, the event log), the console
// shows what had been printed by then and the code marks the line the run stood at.

const PROGRAM = `import { go, chan, sleep } from "chanscope";
export default async function main() {
  const c = chan<string>(0, "greetings");
  go("worker", async () => {
    await sleep(10);
    console.log("worker ready");
    await c.send("hello");
  });
  console.log("main waits");
  const v = await c.recv();
  console.log("got", v);
}
`;

/** Puts the timeline's cursor on the first event matching `kind` (and `reason`) of task `name`. */
async function cursorTo(page: Page, name: string, kind: string, reason?: string): Promise<void> {
  await page.evaluate(
    ([n, k, r]) => {
      type Ev = { kind: string; task?: number; name?: string; reason?: string };
      const w = window as unknown as { __chanscopeTimelines: { scene: { model: { events: Ev[] } } | null; cursorToEvent(i: number): void }[] };
      const c = w.__chanscopeTimelines.find((t) => t.scene !== null);
      if (!c?.scene) throw new Error("no timeline");
      const events = c.scene.model.events;
      const task = events.find((e) => e.kind === "task.spawn" && e.name === n)?.task;
      const i = events.findIndex((e) => e.kind === k && e.task === task && (r === undefined || e.reason === r));
      if (i < 0) throw new Error(`no ${k} event of ${n}`);
      c.cursorToEvent(i);
    },
    [name, kind, reason] as const,
  );
}

/** The task table's row of the task named `name` (its row header). */
function taskRow(table: Locator, name: string): Locator {
  return table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name, exact: true }) });
}

test("the console, the code and the task table follow the timeline’s cursor", async ({ page }) => {
  const { playground, canvas } = await runInPlayground(page, PROGRAM);
  const console = playground.getByRole("list", { name: "Console output" });
  const code = playground.locator(".code-editor-static");
  await expect(console.locator("li")).toHaveCount(3);
  // No cursor yet: every line plain, no line marked.
  await expect(console.locator(".playground__line--ahead")).toHaveCount(0);
  await expect(code.locator(".code-view__current")).toHaveCount(0);

  // main waits on the receive (line 10): it has printed one line, the worker's lines are ahead.
  await cursorTo(page, "main", "task.block", "chan receive");
  await expect(console.locator("li[aria-current]")).toContainText("main waits");
  await expect(console.locator(".playground__line--ahead")).toHaveCount(2);
  await expect(code.locator(".code-view__current")).toHaveText("  const v = await c.recv();");

  // The task table is the tasks at the cursor: main blocked on its receive, line 10.
  const tasks = playground.getByRole("table", { name: /Tasks \(2\) at the timeline’s cursor, 0 ms/ });
  await expect(taskRow(tasks, "main")).toContainText(/blocked\s*chan receive\s*10/);

  // The worker asleep on line 5.
  await cursorTo(page, "worker", "task.block", "sleep");
  await expect(code.locator(".code-view__current")).toHaveText("    await sleep(10);");
  await expect(taskRow(tasks, "worker")).toContainText(/blocked\s*sleep\s*5/);

  // Stepping by keyboard to the end: everything printed, the last line current.
  await canvas.focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press(".");
  await expect(console.locator(".playground__line--ahead")).toHaveCount(0);
  await expect(console.locator("li[aria-current]")).toContainText("got hello");
  await expect(taskRow(playground.getByRole("table", { name: /at the timeline’s cursor, 10 ms/ }), "main")).toContainText("exited");

  // In the editor the same line is a whole-line decoration.
  await playground.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = playground.getByTestId("code-editor");
  await expect(editor).toBeVisible();
  await cursorTo(page, "main", "task.block", "chan receive");
  await expect(editor).toHaveAttribute("data-current-line", "10");
  await expect(editor.locator(".code-editor__current-line")).toHaveCount(1);
});
