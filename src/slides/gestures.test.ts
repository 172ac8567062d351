import { describe, expect, it } from "vitest";
import { clickZone, pointOnSlide, swipeDirection } from "./gestures.ts";

describe("swipeDirection", () => {
  it("a swipe to the left brings the next slide, to the right the previous", () => {
    expect(swipeDirection(-120, 10)).toBe("next");
    expect(swipeDirection(120, -10)).toBe("previous");
  });

  it("a short move is a tap, not a swipe", () => {
    expect(swipeDirection(-30, 0)).toBeNull();
  });

  it("a mostly vertical drag is a scroll, not a swipe", () => {
    expect(swipeDirection(-80, 100)).toBeNull();
  });
});

describe("clickZone", () => {
  it("the left third goes back, the right two-thirds forward", () => {
    expect(clickZone(100, 1200)).toBe("previous");
    expect(clickZone(399, 1200)).toBe("previous");
    expect(clickZone(400, 1200)).toBe("next");
    expect(clickZone(1199, 1200)).toBe("next");
  });
});

describe("pointOnSlide", () => {
  const rect = { left: 100, top: 50, width: 800, height: 450 };

  it("gives fractions of the slide, so another window's slide of another size maps the same spot", () => {
    expect(pointOnSlide(500, 275, rect)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointOnSlide(100, 50, rect)).toEqual({ x: 0, y: 0 });
  });

  it("is null outside the slide (on the letterbox bars)", () => {
    expect(pointOnSlide(50, 275, rect)).toBeNull();
    expect(pointOnSlide(500, 600, rect)).toBeNull();
  });
});
