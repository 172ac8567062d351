// Every code slide of every lesson, on a projector: the code the slide shows fits its column at a
// readable size, with no scrolling (lines a lesson folds away with slide-lines="…" count as one
// line each). Each tab (TypeScript, Go) is checked. Lessons and slides are read from the site.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady, outline } from "./support/site.ts";

const current = "section.deck__slide:not([hidden])";

/** The code slides of a lesson (1-based), from the print view that lays every slide out. */
async function codeSlides(page: Page, slug: string): Promise<number[]> {
  await gotoReady(page, `/lessons/${slug}/slides/1?print-pdf`);
  const pages = page.locator(".print-page");
  await expect(pages.first()).toBeVisible();
  return pages.evaluateAll((all) => all.flatMap((p, i) => (p.querySelector(".static-code") ? [i + 1] : [])));
}

interface CodeFit {
  tab: string;
  font: number;
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
}

/** The code cell of the slide on screen, as the audience sees it now. */
async function measure(page: Page, tab: string): Promise<CodeFit> {
  return page.evaluate(
    ({ current, tab }) => {
      const sheet = document.querySelector<HTMLElement>(`${current} .slide-sheet`);
      const cell = document.querySelector<HTMLElement>(`${current} .playground > :first-child`);
      if (!sheet || !cell) throw new Error("no code cell on this slide");
      return {
        tab,
        font: Number.parseFloat(sheet.style.getPropertyValue("--code-font")),
        scrollHeight: cell.scrollHeight,
        clientHeight: cell.clientHeight,
        scrollWidth: cell.scrollWidth,
        clientWidth: cell.clientWidth,
      };
    },
    { current, tab },
  );
}

const sizes = [
  { name: "1920×1080", width: 1920, height: 1080, minFont: 19.5 },
  { name: "1280×720", width: 1280, height: 720, minFont: 13 },
];

test.describe.configure({ timeout: 120_000 });

for (const size of sizes) {
  test(`at ${size.name} every code slide shows its code without scrolling, at ${size.minFont} px or more`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const problems: string[] = [];
    let checked = 0;
    for (const { slug } of await outline(page)) {
      for (const n of await codeSlides(page, slug)) {
        await gotoReady(page, `/lessons/${slug}/slides/${n}`);
        const sheet = page.locator(`${current} .slide-sheet`);
        await expect(sheet).toHaveAttribute("style", /--code-font/);
        const tabs = page.locator(`${current} .playground > :first-child [role='tab']`);
        const names = (await tabs.count()) > 0 ? await tabs.allTextContents() : ["TypeScript"];
        for (const [i, name] of names.entries()) {
          if (i > 0) await tabs.nth(i).click();
          const fit = await measure(page, name);
          checked++;
          const where = `${slug} slide ${n} (${fit.tab})`;
          if (!(fit.font >= size.minFont)) problems.push(`${where}: code at ${fit.font} px, below ${size.minFont} px`);
          if (fit.scrollHeight > fit.clientHeight) problems.push(`${where}: code scrolls ${fit.scrollHeight - fit.clientHeight} px down (${fit.scrollHeight} in ${fit.clientHeight})`);
          if (fit.scrollWidth > fit.clientWidth) problems.push(`${where}: code scrolls ${fit.scrollWidth - fit.clientWidth} px across (${fit.scrollWidth} in ${fit.clientWidth})`);
        }
      }
    }
    expect(checked, "the course has code slides").toBeGreaterThan(0);
    expect(problems, `${problems.length} of ${checked} code views do not fit`).toEqual([]);
  });
}

/** The first code slide with a fold line matching `fold` (slide-lines), as a deck URL. */
async function foldedSlide(page: Page, fold = ".slide-sheet__fold"): Promise<string> {
  for (const { slug } of await outline(page)) {
    for (const n of await codeSlides(page, slug)) {
      const url = `/lessons/${slug}/slides/${n}`;
      await gotoReady(page, url);
      await expect(page.locator(`${current} .slide-sheet`)).toHaveAttribute("style", /--code-font/);
      if ((await page.locator(`${current} ${fold}`).count()) > 0) return url;
    }
  }
  throw new Error("no lesson folds a program on its slides (slide-lines)");
}

test("a fold line opens by keyboard (Enter) and by click, in place: the editor stays closed, focus stays on the code", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const url = await foldedSlide(page);
  const slide = page.locator(current);
  // The fold line in the code is a picture; its button lies over it, outside the code's own control.
  const fold = slide.locator(".slide-sheet__fold").first();
  await expect(slide.locator(".code-editor-static button")).toHaveCount(0);
  const hidden = slide.locator(".code-fold__lines");
  const before = await hidden.count();
  const label = (await fold.getAttribute("aria-label")) ?? "";
  expect(label).toMatch(/^Show \d+ hidden lines \(\d+–\d+\)/);
  // No control inside a control, and every fold button has a name.
  const axe = await new AxeBuilder({ page }).include(current).withRules(["nested-interactive", "button-name", "aria-hidden-focus"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const shownLines = () => slide.locator(".code-view .line:visible").count();
  const linesBefore = await shownLines();

  // Keyboard: Tab reaches the fold line (it is a button); Enter opens it.
  await fold.focus();
  await expect(fold).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(hidden).toHaveCount(before - 1);
  expect(await shownLines()).toBeGreaterThan(linesBefore);
  await expect(page).toHaveURL(url); // Enter on the fold is not the deck's
  await expect(slide.locator(".monaco-editor")).toHaveCount(0); // nor the code's "Enter to edit"
  await expect(slide.getByRole("button", { name: /Press Enter to edit/ })).toBeFocused();
  const font = Number.parseFloat((await slide.locator(".slide-sheet").getAttribute("style"))?.match(/--code-font:\s*([\d.]+)px/)?.[1] ?? "0");
  expect(font).toBeGreaterThanOrEqual(19.5);

  // Click: the next fold (if the program has another) opens the same way.
  if (before > 1) {
    await slide.locator(".slide-sheet__fold").first().click();
    await expect(hidden).toHaveCount(before - 2);
    await expect(slide.locator(".monaco-editor")).toHaveCount(0);
  }
  // Run runs the whole program (folds only change what the slide shows); Edit opens it all.
  await slide.getByRole("button", { name: "Run", exact: true }).first().click();
  await expect(slide.getByRole("status").first()).toContainText(/✓|⚠|✗|⚑|■/, { timeout: 15_000 });
  await expect(slide.getByRole("status").first()).not.toContainText(/error|cannot/i);
  await slide.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(slide.locator(".monaco-editor")).toHaveCount(1);
});

test("opening the fold at the end of a long program scrolls the code so the opened lines show", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // A fold on the visible tab whose hidden lines end the program.
  const endFold = ".code-editor-static .code-fold:has(+ .code-fold__lines:last-child)";
  await foldedSlide(page, endFold);
  const slide = page.locator(current);
  const line = slide.locator(endFold);
  const opened = await line.evaluate((f) => {
    const all = [...(f.closest(".code-view")?.querySelectorAll(".line") ?? [])];
    const hidden = [...(f.nextElementSibling?.querySelectorAll(".line") ?? [])];
    return { key: (f as HTMLElement).dataset.fold ?? "", first: all.indexOf(hidden[0]), last: all.indexOf(hidden[hidden.length - 1]), total: all.length };
  });
  const fold = slide.locator(`.slide-sheet__fold[data-fold="${opened.key}"]`);
  expect(opened.first).toBeGreaterThan(0);
  expect(opened.last).toBe(opened.total - 1);
  await fold.click();
  await expect(fold).toHaveCount(0);
  const inView = (i: number) =>
    slide.locator(".code-editor-static").evaluate((code, i) => {
      const line = code.querySelectorAll(".code-view .line")[i];
      const cell = code.closest(".code-tabs") ?? code;
      if (!line) return "no such line";
      const l = line.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return l.top >= c.top && l.bottom <= c.bottom + 1 ? "in view" : `line at ${Math.round(l.top)}–${Math.round(l.bottom)}, code at ${Math.round(c.top)}–${Math.round(c.bottom)}`;
    }, i);
  // The program no longer fits (that is why it was folded): the code scrolled to the opened lines.
  await expect.poll(() => inView(opened.last)).toBe("in view");
  expect(await inView(opened.first)).toBe("in view");
  const scrolled = await slide.locator(".code-editor-static").evaluate((code) => (code.closest(".code-tabs") ?? code).scrollTop);
  expect(scrolled, "the opened lines did not fit without scrolling the code").toBeGreaterThan(0);
});
