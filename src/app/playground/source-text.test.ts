import { describe, expect, it } from "vitest";
import { startingCode } from "./source-text.ts";

describe("startingCode", () => {
  it("drops the trailing Output block and the blank lines before it", () => {
    const source = "export default async function main() {\n  console.log(1);\n}\n\n// Output:\n// 1\n";
    expect(startingCode(source)).toBe("export default async function main() {\n  console.log(1);\n}");
  });

  it("keeps code without an Output block, minus trailing newlines", () => {
    expect(startingCode("const a = 1;\n// a comment\n\n")).toBe("const a = 1;\n// a comment");
  });

  it("keeps an Output comment that is followed by code (not a trailing block)", () => {
    const source = "// Output:\n// 1\nconsole.log(1);\n";
    expect(startingCode(source)).toBe("// Output:\n// 1\nconsole.log(1);");
  });

  it("has as many lines as the highlighted view, which ends at the last code line", () => {
    const source = "a\nb\n\n// Output:\n// x\n";
    expect(startingCode(source).split("\n")).toHaveLength(2);
  });
});
