// The slide deck, the presenter window and the print layout, in Chromium against the built site.
// Lessons are read from the site itself (the outline and the print view), never hard-coded.
import { expect, test, type Page } from "@playwright/test";
import { deckShortcuts } from "../src/slides/shortcuts.ts";
import { firstLesson, gotoReady } from "./support/site.ts";

interface DeckInfo {
  slug: string;
  total: number;
  /** The first slide with a runnable example on it. */
  codeSlide: number;
  /** The first of two prose-only slides in a row (clicks and swipes must reach the stage). */
  proseSlide: number;
  exampleId: string;
}

/** What the print view (every slide on one page) says about the first lesson's slides. */
async function deckInfo(page: Page): Promise<DeckInfo> {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}/slides/1?print-pdf`);
  const pages = page.locator(".print-page");
  await expect(pages.first()).toBeVisible();
  const info = await pages.evaluateAll((all) => {
    const isExample = (p: Element) => [...p.querySelectorAll(".static-code .code-block__kind")].some((k) => k.textContent === "Example");
    return {
      total: all.length,
      codeSlide: all.findIndex(isExample) + 1,
      proseSlide: all.findIndex((p, i) => i + 1 < all.length && !p.querySelector(".static-code") && !all[i + 1].querySelector(".static-code")) + 1,
    };
  });
  expect(info.codeSlide, "the first lesson has a slide with an example").toBeGreaterThan(0);
  await gotoReady(page, `/lessons/${lesson.slug}/slides/${info.codeSlide}`);
  const id = (await current(page).locator("figure.code-block[id^='example-']").first().getAttribute("id")) ?? "";
  return { slug: lesson.slug, ...info, exampleId: id.replace(/^example-/, "") };
}

/** The slide on screen. */
const current = (page: Page) => page.locator("section.deck__slide:not([hidden])");
const slideUrl = (slug: string, n: number) => `/lessons/${slug}/slides/${n}`;

async function expectSlide(page: Page, slug: string, n: number) {
  await expect(page).toHaveURL(slideUrl(slug, n));
  await expect(current(page)).toHaveAttribute("data-slide", String(n));
}

test("Present on the lesson page opens slide 1; p opens the deck too", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  await page.getByRole("link", { name: "Present" }).click();
  await expectSlide(page, lesson.slug, 1);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  await page.keyboard.press("p");
  await expect(current(page)).toBeVisible();
});

test("every navigation key moves, the URL follows (replacing history), a reload stays", async ({ page }) => {
  const { slug, total } = await deckInfo(page);
  expect(total, "a deck long enough to test moves").toBeGreaterThanOrEqual(5);
  await gotoReady(page, `/lessons/${slug}`);
  await gotoReady(page, slideUrl(slug, 1));
  for (const [key, n] of [["ArrowRight", 2], [" ", 3], ["PageDown", 4], ["ArrowLeft", 3], ["PageUp", 2], ["End", total], ["Home", 1]] as const) {
    await page.keyboard.press(key);
    await expectSlide(page, slug, n);
  }
  await page.keyboard.press("ArrowLeft");
  await expectSlide(page, slug, 1); // nothing before the first slide

  // A number, then Enter.
  const target = Math.min(total, 12);
  for (const digit of String(target)) await page.keyboard.press(digit);
  await expect(page.getByText(`Go to slide ${target}`)).toBeVisible();
  await page.keyboard.press("Enter");
  await expectSlide(page, slug, target);

  await page.reload();
  await expectSlide(page, slug, target);
  await expect(current(page)).toContainText(`${target} / ${total}`);

  // Moves replaced the history entry: Back leaves the deck for the page before it.
  await page.goBack();
  await expect(page).toHaveURL(`/lessons/${slug}`);
});

test("o shows every slide; arrows and Enter pick one, Esc closes where you were", async ({ page }) => {
  const { slug, total } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 2));
  await page.keyboard.press("o");
  const overview = page.getByRole("dialog", { name: /all slides/ });
  await expect(overview).toBeVisible();
  const tiles = overview.locator(".deck-overview__tile");
  await expect(tiles).toHaveCount(total);
  await expect(tiles.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(tiles.nth(2)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(overview).toBeHidden();
  await expectSlide(page, slug, 3);

  await page.keyboard.press("o");
  await expect(overview).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Escape");
  await expect(overview).toBeHidden();
  await expectSlide(page, slug, 3);
});

test("Esc goes back to the article at the slide's heading", async ({ page }) => {
  const { slug } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 3));
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/lessons/${slug}#[a-z0-9-]+$`));
  const hash = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${hash}"]`)).toBeInViewport();
});

test("? lists every shortcut in a dialog that keeps focus; Esc closes it", async ({ page }) => {
  const { slug } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 1));
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Slide shortcuts" });
  await expect(help).toBeVisible();
  for (const s of deckShortcuts) await expect(help.getByText(s.description, { exact: true })).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await help.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("ArrowRight"); // keys do not move the deck behind the dialog
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expectSlide(page, slug, 1);
});

test("b blacks out and comes back; l shows a laser dot where the mouse is", async ({ page }) => {
  const { slug } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 1));
  await page.keyboard.press("b");
  await expect(page.locator(".deck__blackout")).toBeVisible();
  await page.keyboard.press("b");
  await expect(page.locator(".deck__blackout")).toHaveCount(0);

  await page.keyboard.press("l");
  const box = (await page.locator(".deck .slide-frame__box").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 4);
  const laser = page.locator(".deck .laser");
  await expect(laser).toBeVisible();
  const dot = (await laser.boundingBox())!;
  expect(Math.abs(dot.x + dot.width / 2 - (box.x + box.width / 2))).toBeLessThan(3);
  expect(Math.abs(dot.y + dot.height / 2 - (box.y + box.height / 4))).toBeLessThan(3);
  await page.keyboard.press("l");
  await expect(laser).toHaveCount(0);
});

test("f toggles full screen", async ({ page }) => {
  const { slug } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 1));
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test("clicks: left third back, right two-thirds forward, never inside a playground; swipes move too", async ({ page }) => {
  const { slug, codeSlide, proseSlide } = await deckInfo(page);
  expect(proseSlide, "two prose slides in a row").toBeGreaterThan(0);
  const start = proseSlide;
  await gotoReady(page, slideUrl(slug, start));
  const stage = (await page.locator(".deck__stage").boundingBox())!;
  await page.mouse.click(stage.x + stage.width * 0.7, stage.y + stage.height * 0.5);
  await expectSlide(page, slug, start + 1);
  await page.mouse.click(stage.x + stage.width * 0.1, stage.y + stage.height * 0.5);
  await expectSlide(page, slug, start);

  const swipe = (dx: number) =>
    page.locator(".deck__stage").evaluate((el, dx) => {
      const at = (type: string, x: number) =>
        el.dispatchEvent(new PointerEvent(type, { pointerType: "touch", clientX: x, clientY: 300, bubbles: true, isPrimary: true }));
      at("pointerdown", 600);
      at("pointerup", 600 + dx);
    }, dx);
  await swipe(-200);
  await expectSlide(page, slug, start + 1);
  await swipe(200);
  await expectSlide(page, slug, start);

  // Inside a playground a click is the playground's: the Edit button opens the editor, no move.
  await gotoReady(page, slideUrl(slug, codeSlide));
  await current(page).getByRole("button", { name: "Edit", exact: true }).first().click();
  await expect(current(page).locator(".code-editor")).toBeVisible({ timeout: 15_000 });
  await current(page).locator(".code-editor").click();
  await expectSlide(page, slug, codeSlide);
});

test("live code: Run on a slide shows the outcome, typing in the editor fires no shortcut, the result stays after moving away and back", async ({ page }) => {
  const { slug, codeSlide } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, codeSlide));
  const slide = current(page);
  const status = slide.getByRole("status").first();
  await slide.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
  const outcome = (await status.textContent()) ?? "";

  // Keys typed into the editor stay there.
  await slide.locator(".code-editor-static").first().click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".code-editor") !== null), { timeout: 15_000 }).toBe(true);
  for (const key of ["o", "b", "ArrowRight", " ", "f", "2"]) await page.keyboard.press(key);
  await expectSlide(page, slug, codeSlide);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator(".deck__blackout")).toHaveCount(0);
  // Undo the typing, then Ctrl+Enter runs again from the editor.
  for (let i = 0; i < 6; i++) await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(status).toHaveText(outcome, { timeout: 15_000 });
  await page.keyboard.press("Escape"); // leaves the editor (focus to Run)

  // z: the results and the timeline fill the slide; z again brings the code back.
  const codeCell = slide.locator(".playground > :first-child").first();
  await expect(codeCell).toBeVisible();
  await page.keyboard.press("z");
  await expect(codeCell).toBeHidden();
  const timeline = slide.getByRole("region", { name: "Timeline" }).first();
  if (await timeline.count()) {
    const [t, s] = [(await timeline.boundingBox())!, (await slide.boundingBox())!];
    expect(t.width, "the zoomed timeline spans most of the slide").toBeGreaterThan(s.width * 0.7);
  }
  await page.keyboard.press("z");
  await expect(codeCell).toBeVisible();

  await page.keyboard.press("ArrowRight");
  await expectSlide(page, slug, codeSlide + 1);
  await page.keyboard.press("ArrowLeft");
  await expectSlide(page, slug, codeSlide);
  await expect(current(page).getByRole("status").first()).toHaveText(outcome);
});

/** Where a code slide's title, controls row and outcome banner sit after a run, against its scrolling body. */
async function afterRunLayout(page: Page) {
  return current(page).evaluate((section) => {
    const box = (sel: string) => section.querySelector(sel)?.getBoundingClientRect();
    const body = box(".slide-sheet__body")!;
    const title = box(".slide-sheet__title");
    const bar = box(".playground__bar")!;
    const status = section.querySelector(".code-block [role='status']")!.getBoundingClientRect();
    const inBody = (r: DOMRect) => r.top >= body.top - 1 && r.bottom <= body.bottom + 1;
    return {
      title: !!title && title.height > 0 && title.top >= 0 && title.bottom <= body.top + 1,
      outcome: inBody(status),
      controls: inBody(bar) ? "whole" : bar.bottom <= body.top + 1 ? "scrolled away" : "cut",
    };
  });
}

for (const size of [
  { width: 1280, height: 720, every: true },
  { width: 1920, height: 1080, every: false },
]) {
  test(`after Run at ${size.width}×${size.height} a code slide keeps its title, shows the outcome whole and never cuts the controls row`, async ({ page }) => {
    test.setTimeout(120_000);
    const { slug } = await deckInfo(page);
    await gotoReady(page, `${slideUrl(slug, 1)}?print-pdf`);
    const codeSlides = await page.locator(".print-page").evaluateAll((all) =>
      all.flatMap((p, i) => ([...p.querySelectorAll(".static-code .code-block__kind")].some((k) => k.textContent === "Example") ? [i + 1] : [])),
    );
    expect(codeSlides.length, "the first lesson has code slides").toBeGreaterThan(0);
    await page.setViewportSize(size);
    for (const n of size.every ? codeSlides : codeSlides.slice(0, 1)) {
      await gotoReady(page, slideUrl(slug, n));
      await current(page).getByRole("button", { name: "Run", exact: true }).first().click();
      await expect(current(page).locator(".code-block [role='status']").first()).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
      await expect.poll(() => afterRunLayout(page), { message: `slide ${n}` }).toEqual({ title: true, outcome: true, controls: expect.stringMatching(/whole|scrolled away/) });
    }
  });
}

test("the presenter window (s) follows the deck and drives it; Run there runs on the audience slide", async ({ page, context }) => {
  const { slug, codeSlide, exampleId } = await deckInfo(page);
  await gotoReady(page, slideUrl(slug, 1));
  const [presenter] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
  await expect(presenter).toHaveURL(`/lessons/${slug}/presenter/1`);
  await expect(presenter.getByText("Audience window in sync")).toBeVisible();
  await expect(presenter.getByRole("region", { name: "Next slide" })).toBeVisible();
  await expect(presenter.getByRole("heading", { name: "Notes" })).toBeVisible();

  // Presenter → audience.
  await presenter.keyboard.press("ArrowRight");
  await expect(presenter).toHaveURL(`/lessons/${slug}/presenter/2`);
  await expectSlide(page, slug, 2);
  // Audience → presenter.
  await page.keyboard.press("ArrowRight");
  await expectSlide(page, slug, 3);
  await expect(presenter).toHaveURL(`/lessons/${slug}/presenter/3`);
  await expect(presenter.getByText(/Slide\s*3\s*of/)).toBeVisible();

  // Jump both to the code slide from the presenter, and run its example on the audience screen.
  for (const digit of String(codeSlide)) await presenter.keyboard.press(digit);
  await presenter.keyboard.press("Enter");
  await expectSlide(page, slug, codeSlide);
  const audienceStatus = current(page).locator(`#example-${exampleId}`).getByRole("status");
  await expect(audienceStatus).toContainText(/Not run yet/);
  await presenter.getByRole("button", { name: new RegExp(`^Run ${exampleId}`) }).click();
  await expect(audienceStatus).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
  const mirrored = presenter.locator(`.presenter__run-status[data-example="${exampleId}"]`);
  await expect(mirrored).toHaveText(((await audienceStatus.textContent()) ?? "").replace(/\s+/g, " ").trim());

  // Blackout from the presenter reaches the audience.
  await presenter.keyboard.press("b");
  await expect(page.locator(".deck__blackout")).toBeVisible();
  await presenter.keyboard.press("b");
  await expect(page.locator(".deck__blackout")).toHaveCount(0);

  // The timer runs and pauses; the pacing indicator says where the talk stands.
  await presenter.getByRole("button", { name: "Start" }).click();
  await expect(presenter.getByTestId("pace")).toHaveText(/On time|Ahead by \d+ min|Behind by \d+ min/);
  await expect(presenter.getByTestId("elapsed")).not.toHaveText("0:00", { timeout: 3000 });
  await presenter.getByRole("button", { name: "Pause" }).click();
  const held = await presenter.getByTestId("elapsed").textContent();
  await presenter.waitForTimeout(1200);
  await expect(presenter.getByTestId("elapsed")).toHaveText(held ?? "");
});

for (const notes of [false, true]) {
  test(`print layout${notes ? " with notes" : ""}: one PDF page per slide`, async ({ page }) => {
    const { slug, total } = await deckInfo(page);
    await gotoReady(page, `${slideUrl(slug, 1)}?print-pdf${notes ? "&notes=1" : ""}`);
    await expect(page.locator(".print-page")).toHaveCount(total);
    if (notes) await expect(page.locator(".print-page__notes").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(total);
  });
}

test("at 1920×1080 the timeline on a code slide draws its labels at least as big as the slide's code, also when z fills the slide", async ({ page }) => {
  const { slug, codeSlide } = await deckInfo(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await gotoReady(page, slideUrl(slug, codeSlide));
  const slide = current(page);
  await slide.getByRole("button", { name: "Run", exact: true }).first().click();
  await expect(slide.getByRole("status").first()).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
  // Label sizes in CSS px: the timeline's names are 13 px × its scale, its mono labels 12 px × it.
  const sizes = () =>
    page.evaluate(() => {
      const sheet = document.querySelector("section.deck__slide:not([hidden]) .slide-sheet") as HTMLElement;
      const w = window as unknown as { __chanscopeTimelines?: { scale: number; scene: unknown }[] };
      const c = w.__chanscopeTimelines?.find((t) => t.scene !== null);
      return { code: Number.parseFloat(sheet.style.getPropertyValue("--code-font")), mono: 12 * (c?.scale ?? 0), names: 13 * (c?.scale ?? 0) };
    });
  await expect.poll(async () => (await sizes()).mono).toBeGreaterThan(0);
  const normal = await sizes();
  expect(normal.code).toBeGreaterThanOrEqual(19.5);
  expect(normal.mono).toBeGreaterThanOrEqual(normal.code - 0.01);
  expect(normal.names).toBeGreaterThan(normal.code);
  await page.keyboard.press("z");
  await expect(page.locator(".deck--zoom")).toHaveCount(1);
  const zoomed = await sizes();
  expect(zoomed.mono).toBeGreaterThanOrEqual(zoomed.code - 0.01);
});
