// Build-time syntax highlighting. Readers get coloured HTML; no highlighter ships to the browser.
// Each token carries both themes as CSS variables (--shiki-light, --shiki-dark), and
// code-theme.css picks one from <html data-theme>, so switching theme never re-highlights.
// Themes: GitHub's "default" pair, whose token colours all reach WCAG AA contrast on their
// backgrounds (plain github-dark's comments do not).
import { createHighlighterCoreSync, type HighlighterCore } from "shiki/core";
import { createOnigurumaEngine } from "shiki/engine/oniguruma";
import go from "shiki/langs/go.mjs";
import json from "shiki/langs/json.mjs";
import shellscript from "shiki/langs/shellscript.mjs";
import typescript from "shiki/langs/typescript.mjs";
import githubDark from "shiki/themes/github-dark-default.mjs";
import githubLight from "shiki/themes/github-light-default.mjs";
import type { CodeLang } from "./fence-info.ts";

const shikiLang: Record<CodeLang, string> = { ts: "typescript", go: "go", sh: "shellscript", json: "json", text: "text" };

// The Oniguruma (WASM) regex engine tokenizes about twice as fast as the JS regex engine here
// (~140 vs ~290 ms for a 40 kB lesson). Loading WASM is async, so it happens once, at import;
// after that, highlighting (and so parseLesson) is synchronous.
const engine = await createOnigurumaEngine(import("shiki/wasm"));

let highlighter: HighlighterCore | undefined;

/** One highlighter per process, made on first use. */
function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({ themes: [githubLight, githubDark], langs: [typescript, go, shellscript, json], engine });
  return highlighter;
}

// Highlighting is most of a lesson's parse time (~10 ms a block), so results are remembered:
// in dev, re-reading every lesson after one edit only highlights the blocks that changed.
const cache = new Map<string, string>();
const cacheLimit = 4000;

/** `<pre class="shiki …"><code>…</code></pre>` for a block of code. */
export function highlightCode(code: string, lang: CodeLang): string {
  const key = `${lang}\n${code}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = getHighlighter().codeToHtml(code.replace(/\n$/, ""), {
    lang: shikiLang[lang],
    themes: { light: githubLight.name ?? "github-light-default", dark: githubDark.name ?? "github-dark-default" },
    defaultColor: false,
  });
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, html);
  return html;
}
