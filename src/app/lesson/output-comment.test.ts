import { codeToHtml } from "shiki";
import { describe, expect, it } from "vitest";
import { withoutOutputComment } from "./output-comment.ts";

const highlight = (code: string) =>
  codeToHtml(code, { lang: "ts", themes: { light: "github-light", dark: "github-dark" }, defaultColor: false });

const textOf = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&#x3C;|&lt;/g, "<");

describe("withoutOutputComment", () => {
  it("drops the trailing Output block of Shiki-highlighted code, and the blank line before it", async () => {
    const code = [
      'import { go } from "chanscope";',
      "export default async function main() {",
      '  console.log("done");',
      "}",
      "",
      "// Output:",
      "// done",
      "",
    ].join("\n");
    const html = await highlight(code);
    const stripped = withoutOutputComment(html);
    expect(textOf(stripped)).toBe(textOf(html).replace(/\n\n\/\/ Output:\n\/\/ done\n?$/, ""));
    expect(stripped).toMatch(/<\/code><\/pre>$/);
    expect(textOf(stripped)).not.toContain("Output:");
  });

  it("keeps code that has no Output block", async () => {
    const html = await highlight("export default async function main() {}\n// just a comment");
    expect(withoutOutputComment(html)).toBe(html);
  });

  it("keeps an Output comment that is followed by code (it is not the trailing block)", async () => {
    const html = await highlight("// Output:\n// x\nconsole.log(1);\nconst y = 2;");
    expect(withoutOutputComment(html)).toBe(html);
  });

  it("returns HTML it does not recognise unchanged", () => {
    expect(withoutOutputComment("<div>// Output:</div>")).toBe("<div>// Output:</div>");
  });
});
