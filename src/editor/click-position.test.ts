import { describe, expect, it } from "vitest";
import { positionInText } from "./click-position.ts";

describe("positionInText", () => {
  const text = "import x;\n  const a = 1;\nlast";

  it("counts lines and 1-based columns like the editor", () => {
    expect(positionInText(text, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionInText(text, 12)).toEqual({ lineNumber: 2, column: 3 });
    expect(positionInText(text, text.length)).toEqual({ lineNumber: 3, column: 5 });
  });

  it("clamps offsets outside the text", () => {
    expect(positionInText(text, -5)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionInText(text, 1e6)).toEqual({ lineNumber: 3, column: 5 });
  });
});
