// The one Markdown reader for lessons: markdown-it (CommonMark + tables) with raw HTML allowed
// (for `<!-- notes -->`), `::: notes` and `::: hint` containers, and fences highlighted by Shiki.
// Any other `::: name` container is parsed as "other" so the lesson reader can reject it by line.
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import container from "markdown-it-container";
import type { CodeLang, FenceInfo } from "./fence-info.ts";
import { highlightCode } from "./highlight.ts";

export const containerNames = ["notes", "hint"] as const;

/** What the lesson reader stores on a fence token (token.meta) before rendering. */
export interface FenceMeta {
  info?: FenceInfo;
}

function containerName(params: string): string {
  return params.trim().split(/\s+/)[0] ?? "";
}

function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  for (const name of containerNames) {
    md.use(container, name, { validate: (params: string) => containerName(params) === name });
  }
  md.use(container, "other", {
    validate: (params: string) => {
      const name = containerName(params);
      return name !== "" && !(containerNames as readonly string[]).includes(name);
    },
  });
  // The page's <h1> is the lesson title from the front matter, so `#` renders as <h2>, `##` as
  // <h3> … (heading order stays valid). Heading.depth keeps the Markdown level.
  md.core.ruler.push("demote_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(markdownDepth(token) + 1, 6)}`;
      }
    }
  });
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const meta = token.meta as FenceMeta | null;
    return highlightCode(token.content, meta?.info?.lang ?? guessLang(token.info));
  };
  return md;
}

/** 1 for `#` or a `===` underline, 2 for `##` or a `---` underline, … */
export function markdownDepth(heading: Token): number {
  if (heading.markup === "=") return 1;
  if (heading.markup === "-") return 2;
  return heading.markup.length;
}

const plainLangs: Record<string, CodeLang> = { ts: "ts", typescript: "ts", go: "go", sh: "sh", bash: "sh", shell: "sh", json: "json" };

/** For fences the lesson reader did not annotate (inside notes and hints). */
function guessLang(info: string): CodeLang {
  return plainLangs[info.trim().split(/\s+/)[0]?.toLowerCase() ?? ""] ?? "text";
}

export const markdown = createMarkdown();

export function renderTokens(tokens: Token[]): string {
  return markdown.renderer.render(tokens, markdown.options, {});
}

/** Plain text of an inline token (a heading's text, for its id and the table of contents). */
export function inlineText(inline: Token | undefined): string {
  if (!inline) return "";
  if (!inline.children) return inline.content;
  return inline.children
    .filter((t) => t.type === "text" || t.type === "code_inline" || t.type === "image")
    .map((t) => t.content)
    .join("");
}
