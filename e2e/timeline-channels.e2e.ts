import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runInPlayground } from "./support/timeline.ts";

// Issue 5 §3, the channel view: pick a channel, see all its traffic and its buffer fill.

const PROGRAM = `import { go, chan } from "chanscope";
export default async function main() {
  const handoff = chan<number>(0, "handoff");
  const queue = chan<number>(3, "queue");
  const never = chan<string>(0, "never");
  go("producer", async () => {
    await handoff.send(1);
    for (let i = 0; i < 3; i++) await queue.send(i);
    queue.close();
  });
  go("stuck", async () => { await never.send("lost"); });
  console.log(await handoff.recv());
  for await (const v of queue) console.log(v);
}
`;

async function controllerState(page: Page): Promise<{ selectedChan: number | null; cursorIdx: number; kind: string | null }> {
  return page.evaluate(() => {
    type Ev = { kind: string; chan?: number };
    const w = window as unknown as { __chanscopeTimelines: { selectedChan: number | null; scene: { model: { events: Ev[] } } | null; getSnapshot(): { cursorIdx: number } }[] };
    const c = w.__chanscopeTimelines.find((t) => t.scene !== null);
    if (!c?.scene) throw new Error("no timeline");
    const idx = c.getSnapshot().cursorIdx;
    return { selectedChan: c.selectedChan, cursorIdx: idx, kind: idx >= 0 ? c.scene.model.events[idx].kind : null };
  });
}

test("the channel view lists the run's channels and steps through one channel's traffic", async ({ page }) => {
  test.setTimeout(60_000);
  const { timeline } = await runInPlayground(page, PROGRAM);
  await timeline.getByText(/^Channels \(\d+\)$/).click();
  const table = timeline.getByRole("table", { name: /Channels of this run/ });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(row("queue")).toContainText("buffer 3");
  await expect(row("queue")).toContainText(/3\s*3/);
  await expect(row("queue")).toContainText("by producer");
  await expect(row("never")).toContainText("stuck");

  await row("queue").getByRole("button", { name: "queue" }).click();
  await expect(row("queue").getByRole("button", { name: "queue" })).toHaveAttribute("aria-pressed", "true");
  const focus = timeline.getByRole("group", { name: "Channel queue" });
  await expect(focus).toContainText("queue (buffer of 3): 3 values sent by producer; 3 received by main");
  // Its buffer fill is shown with it, and the canvas knows which channel stands out.
  await expect(timeline.getByRole("checkbox", { name: "Buffers" })).toBeChecked();
  expect((await controllerState(page)).selectedChan).not.toBeNull();

  // Next/Previous walk the cursor through this channel's events only.
  await focus.getByRole("button", { name: "Next on queue ›" }).click();
  const first = await controllerState(page);
  expect(first.kind).toBe("chan.make");
  await focus.getByRole("button", { name: "Next on queue ›" }).click();
  const second = await controllerState(page);
  expect(second.cursorIdx).toBeGreaterThan(first.cursorIdx);
  expect(["chan.send", "chan.recv", "task.block", "chan.close"]).toContain(second.kind);
  await focus.getByRole("button", { name: "‹ Previous on queue" }).click();
  expect((await controllerState(page)).cursorIdx).toBe(first.cursorIdx);
  await expect(focus.getByRole("button", { name: "‹ Previous on queue" })).toBeDisabled();

  // Readable and labelled in both themes, with the table open and a channel selected.
  for (const theme of ["light", "dark"] as const) {
    await page.getByRole("radio", { name: theme === "light" ? "Light" : "Dark" }).check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const axe = await new AxeBuilder({ page }).include(".timeline__channels").include(".timeline__chan-focus").analyze();
    expect(axe.violations.map((v) => `${theme} ${v.id}: ${v.help}`)).toEqual([]);
  }

  await focus.getByRole("button", { name: "Show all channels" }).click();
  await expect(focus).toHaveCount(0);
  expect((await controllerState(page)).selectedChan).toBeNull();
  await expect(row("queue").getByRole("button", { name: "queue" })).toHaveAttribute("aria-pressed", "false");

  // Clicking an arrow on the canvas picks its channel in the view too; Esc on the canvas lets go.
  const canvas = timeline.getByTestId("timeline-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const at = await page.evaluate(() => {
    type Frame = { arrows: { arrow: number; ax: number; ay: number; bx: number; by: number }[] };
    const w = window as unknown as { __chanscopeTimelines: { scene: { model: { arrows: { chan: number }[]; chans: Map<number, { name: string }> } } | null; lastFrame: Frame | null; scale: number }[] };
    const c = w.__chanscopeTimelines.find((t) => t.scene !== null);
    if (!c?.scene || !c.lastFrame) throw new Error("no frame");
    const model = c.scene.model;
    const d = c.lastFrame.arrows.find((a) => model.chans.get(model.arrows[a.arrow].chan)?.name === "handoff");
    if (!d) throw new Error("the handoff arrow is not drawn");
    return { x: ((d.ax + d.bx) / 2) * c.scale, y: ((d.ay + d.by) / 2) * c.scale };
  });
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("no canvas box");
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(timeline.getByRole("group", { name: "Channel handoff" })).toBeVisible();
  await expect(row("handoff").getByRole("button", { name: "handoff" })).toHaveAttribute("aria-pressed", "true");
  await canvas.focus();
  await page.keyboard.press("Escape");
  await expect(timeline.getByRole("group", { name: "Channel handoff" })).toHaveCount(0);
});
