import { describe, expect, it } from "vitest";
import { slideTarget } from "./slide-target.ts";

describe("slideTarget", () => {
  it("moves relative to the current slide for next and previous", () => {
    expect(slideTarget({ type: "next" }, 4, 10)).toBe(5);
    expect(slideTarget({ type: "previous" }, 4, 10)).toBe(3);
  });

  it("jumps to the ends and to a chosen slide", () => {
    expect(slideTarget({ type: "first" }, 4, 10)).toBe(1);
    expect(slideTarget({ type: "last" }, 4, 10)).toBe(10);
    expect(slideTarget({ type: "goto", slide: 7 }, 4, 10)).toBe(7);
  });

  it("leaves commands that do not navigate to their handler", () => {
    expect(slideTarget({ type: "help" }, 4, 10)).toBeUndefined();
    expect(slideTarget({ type: "fullscreen" }, 4, 10)).toBeUndefined();
  });
});
