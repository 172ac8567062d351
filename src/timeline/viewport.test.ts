import { describe, expect, it } from "vitest";
import { formatMs, niceStep } from "./axis.ts";
import { clampView, fitAll, fitRange, minSpan, pan, zoom } from "./viewport.ts";

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
