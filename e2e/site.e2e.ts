import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstLesson, gotoReady, outline, setTheme } from "./support/site.ts";

// The site shell against the built site: routes, navigation, themes, deep links, the 404 page,
// keyboard paths and accessibility. The course is read from the page, never hard-coded.

let consoleErrors: string[] = [];

test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
});

test.afterEach(() => {
  expect(consoleErrors, "console errors on the pages this test opened").toEqual([]);
});

const heading = (page: Page) => page.locator("main h1");

test("home lists the course in order and links to each lesson", async ({ page }) => {
  await gotoReady(page, "/");
  await expect(page).toHaveTitle("Chanscope");
  const lessons = await outline(page);
  expect(lessons.length).toBeGreaterThan(0);
  for (const [i, lesson] of lessons.entries()) {
    const card = page.locator(".outline__list > li").nth(i);
    await expect(card).toContainText(lesson.title);
    await expect(card).toContainText(/\d+ min/);
    await expect(card).toContainText(/\d+ examples?/);
    expect(lesson.slug).toMatch(/^[a-z0-9-]+$/);
  }
});

test("home → lesson → next lesson → back", async ({ page }) => {
  const lessons = await outline(page);
  await page.getByRole("link", { name: new RegExp(`^Lesson 1: `) }).click();
  await expect(page).toHaveURL(`/lessons/${lessons[0].slug}`);
  await expect(heading(page)).toHaveText(lessons[0].title);
  await expect(page).toHaveTitle(`${lessons[0].title} — Chanscope`);
  await expect(heading(page), "focus moves to the new page's heading").toBeFocused();

  expect(lessons.length, "the course has a second lesson to go to").toBeGreaterThan(1);
  await page.getByRole("link", { name: /Next lesson/ }).click();
  await expect(page).toHaveURL(`/lessons/${lessons[1].slug}`);
  await expect(heading(page)).toHaveText(lessons[1].title);
  expect(await page.evaluate(() => window.scrollY), "a new lesson starts at the top").toBe(0);
  await expect(page.getByRole("link", { name: /Previous lesson/ })).toHaveAttribute("href", `/lessons/${lessons[0].slug}`);

  await page.goBack();
  await expect(page).toHaveURL(`/lessons/${lessons[0].slug}`);
  await expect(heading(page)).toHaveText(lessons[0].title);
  await page.goBack();
  await expect(page).toHaveURL("/");
  await expect(page.locator(".outline__list")).toBeVisible();
});

test("[ and ] move between lessons, p presents, ? shows the shortcuts", async ({ page }) => {
  const lessons = await outline(page);
  await gotoReady(page, `/lessons/${lessons[0].slug}`);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  const close = help.getByRole("button", { name: "Close" });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(close, "Tab stays inside the dialog").toBeFocused();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  if (lessons.length > 1) {
    await page.keyboard.press("]");
    await expect(page).toHaveURL(`/lessons/${lessons[1].slug}`);
    await page.keyboard.press("[");
    await expect(page).toHaveURL(`/lessons/${lessons[0].slug}`);
  }
  await page.keyboard.press("p");
  await expect(page).toHaveURL(`/lessons/${lessons[0].slug}/slides/1`);

  // From further down the article, p presents the slide being read.
  await gotoReady(page, `/lessons/${lessons[0].slug}`);
  const section = page.locator(".lesson__section[data-slide]").nth(2);
  const slide = await section.getAttribute("data-slide");
  await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
  await page.keyboard.press("p");
  await expect(page).toHaveURL(`/lessons/${lessons[0].slug}/slides/${slide}`);
});

test("shortcut keys typed into an example's editor stay in the editor", async ({ page }) => {
  const lessons = await outline(page);
  await gotoReady(page, `/lessons/${lessons[0].slug}`);
  const block = page.locator("figure.code-block").first();
  await block.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = block.locator(".monaco-editor").first();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press("End");
  for (const key of ["]", "[", "p", "?"]) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(`/lessons/${lessons[0].slug}`);
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test.describe("theme", () => {
  for (const [from, to] of [["light", "dark"], ["dark", "light"]] as const) {
    test(`switching ${from} → ${to} is remembered across a reload`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: from });
      await gotoReady(page, "/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", from);
      await page.getByRole("radio", { name: to[0].toUpperCase() + to.slice(1) }).check();
      await expect(page.locator("html")).toHaveAttribute("data-theme", to);
      await page.reload();
      await expect(heading(page)).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("data-theme", to);
      await expect(page.getByRole("radio", { name: to[0].toUpperCase() + to.slice(1) })).toBeChecked();
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(to === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
    });
  }

  test("system follows prefers-color-scheme, live", async ({ page }) => {
    await gotoReady(page, "/");
    await page.getByRole("radio", { name: "Dark" }).check();
    await page.getByRole("radio", { name: "System" }).check();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.reload();
    await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test("the stored theme is applied before the app's code runs (no flash)", async ({ page }) => {
    await setTheme(page, "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    page.removeAllListeners("console"); // the blocked bundle is this test's own doing
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });
});

test("a deep link to a heading scrolls it into view after the lesson loads", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const hrefs = await page.locator(".toc a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(1);
  const target = hrefs[hrefs.length - 1];
  await gotoReady(page, "/"); // so the next load is a new document, not an in-page fragment jump
  await gotoReady(page, `/lessons/${lesson.slug}${target}`);
  const el = page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`);
  await expect(el).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const top = await el.evaluate((e) => e.getBoundingClientRect().top);
  const headerBottom = await page.locator(".site-header").evaluate((e) => e.getBoundingClientRect().bottom);
  expect(top, "the heading is not hidden under the sticky header").toBeGreaterThanOrEqual(headerBottom);
});

test("on a phone the contents are a closed disclosure; choosing a heading closes it and goes there", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const links = toc.getByRole("link");
  await expect(links.first()).toBeHidden();
  await toc.getByText("On this page", { exact: true }).first().click();
  await expect(links.first()).toBeVisible();
  const last = links.last();
  const id = ((await last.getAttribute("href")) ?? "").slice(1);
  await last.click();
  await expect(links.first()).toBeHidden();
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test("on a wide screen the contents stay in view and mark the section being read", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const hrefs = await toc.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const target = hrefs[Math.floor(hrefs.length / 2)];
  await toc.locator(`a[href="${target}"]`).click();
  await expect(toc.locator('a[aria-current="location"]')).toHaveAttribute("href", target);
  await expect(toc.locator('a[aria-current="location"]')).toBeInViewport();
  await expect(toc).toBeInViewport();
});

test("a deep link to an example scrolls to it after the lesson loads and focuses it", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const ids = await page.locator("figure.code-block[id]").evaluateAll((fs) => fs.map((f) => f.id));
  expect(ids.length, "the first lesson has examples").toBeGreaterThan(0);
  const id = ids[ids.length - 1];
  expect(id).toMatch(/^(example|exercise)-[a-z0-9-]+$/);
  await gotoReady(page, "/"); // so the next load is a new document, not an in-page fragment jump
  await gotoReady(page, `/lessons/${lesson.slug}#${id}`);
  const block = page.locator(`[id="${id}"]`);
  await expect(block).toBeInViewport();
  await expect(block).toBeFocused();
});

test("/play is the playground page", async ({ page }) => {
  await gotoReady(page, "/play");
  await expect(page).toHaveTitle("Playground — Chanscope");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Playground" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Course" })).not.toHaveAttribute("aria-current", "page");
});

test("an example shows its code, the Go original as a second tab, and the expected output", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  const block = page.locator("figure.code-block").filter({ has: page.getByRole("tab", { name: "Go" }) }).first();
  await expect(block).toBeVisible();
  const ts = block.getByRole("tab", { name: "TypeScript" });
  const go = block.getByRole("tab", { name: "Go" });
  await expect(ts).toHaveAttribute("aria-selected", "true");
  await ts.focus();
  await page.keyboard.press("ArrowRight");
  await expect(go).toBeFocused();
  await expect(go).toHaveAttribute("aria-selected", "true");
  await expect(block.getByRole("tabpanel")).toContainText(/func |package /);
  await expect(block.getByText(/^Expected: /)).toBeVisible();
});

test.describe("not found", () => {
  for (const path of ["/no/such/page", "/lessons/no-such-lesson", "/lessons/no-such-lesson/slides/1"]) {
    test(`${path} shows the 404 page with a link home`, async ({ page }) => {
      await gotoReady(page, path);
      await expect(heading(page)).toHaveText("Page not found");
      await expect(page).toHaveTitle("Page not found — Chanscope");
      await page.getByRole("link", { name: "Go to the course outline" }).click();
      await expect(page).toHaveURL("/");
      await expect(page.locator(".outline__list")).toBeVisible();
    });
  }

  test("a slide number past the end is not found", async ({ page }) => {
    const lesson = await firstLesson(page);
    await gotoReady(page, `/lessons/${lesson.slug}/slides/999`);
    await expect(heading(page)).toHaveText("Page not found");
  });
});

test("a link in lesson prose to another lesson navigates in the app, without a reload", async ({ page }) => {
  for (const lesson of await outline(page)) {
    await gotoReady(page, `/lessons/${lesson.slug}`);
    const link = page.locator(`.prose a[href^="/lessons/"]:not([href^="/lessons/${lesson.slug}#"]):not([href="/lessons/${lesson.slug}"])`).first();
    if (!(await link.count())) continue;
    const href = (await link.getAttribute("href")) ?? "";
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(heading(page)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    return;
  }
  throw new Error("no lesson links to another lesson in its prose: nothing tested in-app navigation");
});

test("a lesson whose code cannot be fetched says so and links home", async ({ page }) => {
  const lesson = await firstLesson(page);
  await page.route(new RegExp(`/assets/${lesson.slug}-[^/]*\\.js$`), (route) => route.abort());
  page.removeAllListeners("console"); // the failed fetch is this test's own doing
  page.removeAllListeners("pageerror");
  await gotoReady(page, `/lessons/${lesson.slug}`);
  await expect(heading(page)).toHaveText("Could not load this lesson");
  await expect(page.getByRole("link", { name: "course outline" })).toHaveAttribute("href", "/");
});

test("a reload on a deep route shows the same page", async ({ page }) => {
  const lesson = await firstLesson(page);
  for (const path of [`/lessons/${lesson.slug}`, `/lessons/${lesson.slug}/slides/2`, `/lessons/${lesson.slug}/presenter/1`, "/play"]) {
    await gotoReady(page, path);
    const before = await heading(page).textContent();
    await page.reload();
    await expect(heading(page)).toHaveText(before ?? "");
    await expect(page).toHaveURL(path);
  }
});

test("nothing overflows the page sideways, from a 360 px phone to a 1920 px projector", async ({ page }) => {
  const lesson = await firstLesson(page);
  for (const width of [360, 768, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/", `/lessons/${lesson.slug}`, "/play", "/nope", `/lessons/${lesson.slug}/slides/2`]) {
      await gotoReady(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width}px is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  }
});

test("the build ships the fallbacks static hosts need for deep routes", async ({ request }) => {
  const index = await (await request.get("/index.html")).text();
  const notFound = await request.get("/404.html");
  expect(notFound.ok(), "dist/404.html (GitHub Pages serves it for unknown paths)").toBe(true);
  expect(await notFound.text()).toBe(index);
  const redirects = await request.get("/_redirects");
  expect(await redirects.text()).toMatch(/^\/\*\s+\/index\.html\s+200\s*$/m);
});

// The deck itself (keys, presenter, overview…) is covered by e2e/slides.e2e.ts; this is the way in.
test("the lesson's Present link opens its first slide", async ({ page }) => {
  const lesson = await firstLesson(page);
  await gotoReady(page, `/lessons/${lesson.slug}`);
  await page.getByRole("link", { name: "Present" }).click();
  await expect(page).toHaveURL(`/lessons/${lesson.slug}/slides/1`);
  await expect(page.getByText("Page not found")).toHaveCount(0);
  await expect(page.locator("main")).not.toBeEmpty();
});

/** Press Tab until focus comes back round, collecting the href of every link that got focus. */
async function tabThroughLinks(page: Page): Promise<Set<string>> {
  const reached = new Set<string>();
  await page.locator("body").focus();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => {
      const a = document.activeElement;
      return a instanceof HTMLAnchorElement ? a.getAttribute("href") : a === document.body ? "<body>" : null;
    });
    if (href === "<body>") break;
    if (href) reached.add(href);
  }
  return reached;
}

async function visibleLinks(page: Page): Promise<string[]> {
  return page.locator("a[href]").evaluateAll((as) =>
    as.filter((a) => (a as HTMLElement).checkVisibility({ visibilityProperty: true })).map((a) => a.getAttribute("href") ?? ""),
  );
}

test("keyboard only: Tab reaches every link of the home page and of a lesson page", async ({ page }) => {
  test.setTimeout(90_000);
  for (const path of ["/", `/lessons/${(await firstLesson(page)).slug}`]) {
    await gotoReady(page, path);
    const links = await visibleLinks(page);
    const reached = await tabThroughLinks(page);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((href) => !reached.has(href)), `links on ${path} never reached by Tab`).toEqual([]);
  }
});

test("the skip link is the first Tab stop and moves to the content", async ({ page }) => {
  await gotoReady(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test.describe("accessibility (axe)", () => {
  const pages = [
    { name: "home", path: () => "/" },
    { name: "lesson", path: (slug: string) => `/lessons/${slug}` },
    { name: "playground", path: () => "/play" },
    { name: "404", path: () => "/nope" },
    { name: "slide", path: (slug: string) => `/lessons/${slug}/slides/2` },
  ];
  for (const theme of ["light", "dark"] as const) {
    for (const { name, path } of pages) {
      test(`${name} has no violations in the ${theme} theme`, async ({ page }) => {
        test.setTimeout(90_000);
        await setTheme(page, theme);
        const target = path((await firstLesson(page)).slug);
        await gotoReady(page, target);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        // Open every disclosure so the expected outputs and solutions are checked too.
        await page.locator("main details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const result = await new AxeBuilder({ page }).analyze();
        const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
        expect(summary, `axe on ${target} (${theme})`).toEqual([]);
      });
    }
  }
});
