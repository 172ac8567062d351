import { describe, expect, it } from "vitest";
import { formatMs, niceStep } from "./axis.ts";
import { textScale } from "./palette.ts";
import { clampView, fitAll, fitRange, minSpan, pan, pinch, wheelZoomFactor, zoom } from "./viewport.ts";

describe("viewport", () => {
  const total = 1000;
  const min = minSpan(total, 10, 1);

  it("zooming keeps the point under the pointer still", () => {
    const v = zoom({ x0: 0, x1: 1000 }, 2, 0.25, total, min);
    expect(v.x1 - v.x0).toBe(500);
    // The point at a quarter of the width (250) stays at a quarter.
    expect(v.x0 + (v.x1 - v.x0) * 0.25).toBe(250);
  });

  it("never zooms past a tenth of one event step, and never out past the whole run", () => {
    let v = fitAll(total);
    for (let i = 0; i < 100; i++) v = zoom(v, 4, 0.5, total, min);
    expect(v.x1 - v.x0).toBeCloseTo(min, 9);
    expect(zoom(fitAll(total), 0.1, 0.5, total, min)).toEqual({ x0: 0, x1: total });
  });

  it("panning stops at both ends of the run", () => {
    const v = { x0: 100, x1: 300 };
    expect(pan(v, -10, total, min)).toEqual({ x0: 0, x1: 200 });
    expect(pan(v, 10, total, min)).toEqual({ x0: 800, x1: 1000 });
    expect(pan(v, 0.5, total, min)).toEqual({ x0: 200, x1: 400 });
  });

  it("fitting a range leaves a margin and stays inside the run", () => {
    expect(fitRange(100, 200, total, min)).toEqual({ x0: 95, x1: 205 });
    expect(clampView({ x0: -50, x1: 20 }, total, min)).toEqual({ x0: 0, x1: 70 });
  });
});

describe("pinch", () => {
  const total = 1000;
  const min = minSpan(total, 10, 1);
  const at = (v: { x0: number; x1: number }, f: number): number => v.x0 + (v.x1 - v.x0) * f;

  it("spreading two fingers zooms in about their midpoint, which stays under them", () => {
    const start = { x0: 0, x1: 1000 };
    const v = pinch(start, { mid: 0.4, dist: 100 }, { mid: 0.4, dist: 200 }, total, min);
    expect(v.x1 - v.x0).toBeCloseTo(500, 9);
    expect(at(v, 0.4)).toBeCloseTo(at(start, 0.4), 9);
  });

  it("moving both fingers pans: the point that was under the midpoint follows it", () => {
    const start = { x0: 200, x1: 400 };
    const v = pinch(start, { mid: 0.5, dist: 80 }, { mid: 0.25, dist: 80 }, total, min);
    expect(v.x1 - v.x0).toBeCloseTo(200, 9);
    expect(at(v, 0.25)).toBeCloseTo(300, 9);
  });

  it("pinching in zooms out to the whole run and no further; a zero distance changes no zoom", () => {
    expect(pinch({ x0: 100, x1: 300 }, { mid: 0.5, dist: 300 }, { mid: 0.5, dist: 10 }, total, min)).toEqual({ x0: 0, x1: 1000 });
    const v = pinch({ x0: 100, x1: 300 }, { mid: 0.5, dist: 0 }, { mid: 0.5, dist: 50 }, total, min);
    expect(v).toEqual({ x0: 100, x1: 300 });
  });
});

describe("wheel zoom", () => {
  it("a trackpad pinch (ctrlKey, small pixel deltas) zooms in proportion to deltaY, not in steps", () => {
    expect(wheelZoomFactor(-10, 0, true)).toBeCloseTo(Math.exp(0.1), 9);
    expect(wheelZoomFactor(-2, 0, true)).toBeCloseTo(Math.exp(0.02), 9);
    // Ten small events zoom as much as one made of their sum: the gesture is smooth.
    expect(wheelZoomFactor(-3, 0, true) ** 10).toBeCloseTo(wheelZoomFactor(-30, 0, true), 9);
    expect(wheelZoomFactor(5, 0, true)).toBeLessThan(1);
  });

  it("a mouse wheel notch zooms gently and never more than 2× per event", () => {
    expect(wheelZoomFactor(-100, 0, true)).toBeCloseTo(Math.exp(0.2), 9);
    expect(wheelZoomFactor(-3, 1, false)).toBeCloseTo(Math.exp(0.096), 9);
    expect(wheelZoomFactor(-5000, 0, false)).toBe(2);
    expect(wheelZoomFactor(5000, 0, false)).toBe(0.5);
  });
});

describe("text scale", () => {
  it("is the canvas's font size over 13 px, within 0.75× … 4×, and 1 for nonsense", () => {
    expect(textScale(13)).toBe(1);
    expect(textScale(26)).toBe(2);
    expect(textScale(100)).toBe(4);
    expect(textScale(5)).toBe(0.75);
    expect(textScale(Number.NaN)).toBe(1);
  });
});

describe("tick labels", () => {
  it("round steps of 1, 2 and 5", () => {
    expect(niceStep(1000, 10)).toBe(100);
    expect(niceStep(1000, 4)).toBe(500);
    expect(niceStep(30, 10)).toBe(5);
  });

  it("ms below a second, s above", () => {
    expect(formatMs(0)).toBe("0 ms");
    expect(formatMs(250)).toBe("250 ms");
    expect(formatMs(1500)).toBe("1.5 s");
    expect(formatMs(60_000)).toBe("60 s");
    expect(formatMs(0.25)).toBe("0.25 ms");
  });
});
