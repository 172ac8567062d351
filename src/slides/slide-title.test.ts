import { describe, expect, it } from "vitest";
import type { LessonPart } from "../lessons/types.ts";
import { splitTitle } from "./slide-title.ts";

const example = { kind: "example", example: { id: "leaky-timeout" } } as LessonPart;
const html = (text: string): LessonPart => ({ kind: "html", html: text });

describe("splitTitle", () => {
  it("takes the opening heading, with its id and inline code, off the first prose part", () => {
    const heading = '<h3 id="fix-2">Fix 2: select on <code>ctx.done()</code></h3>';
    const { titleHtml, rest } = splitTitle([html(`${heading}\n<p>Instead of a buffer…</p>\n`), example]);
    expect(titleHtml).toBe(heading);
    expect(rest).toEqual([html("\n<p>Instead of a buffer…</p>\n"), example]);
  });

  it("drops a prose part that held only the heading", () => {
    const { titleHtml, rest } = splitTitle([html('<h2 id="v5">Version 5, running</h2>\n'), example]);
    expect(titleHtml).toBe('<h2 id="v5">Version 5, running</h2>');
    expect(rest).toEqual([example]);
  });

  it("leaves a slide that does not open with a heading as it is", () => {
    const parts = [html("<p>Text first</p><h2>Later</h2>"), example];
    expect(splitTitle(parts)).toEqual({ titleHtml: undefined, rest: parts });
    expect(splitTitle([example])).toEqual({ titleHtml: undefined, rest: [example] });
    expect(splitTitle([])).toEqual({ titleHtml: undefined, rest: [] });
  });

  it("stops at the heading's own closing tag, not a later one", () => {
    const { titleHtml, rest } = splitTitle([html("<h2>One</h2><p>a</p><h2>Two</h2>")]);
    expect(titleHtml).toBe("<h2>One</h2>");
    expect(rest).toEqual([html("<p>a</p><h2>Two</h2>")]);
  });
});
