import { describe, expect, it } from "vitest";
import { codeFontSize, codeShape, fitBox, largestFitting } from "./geometry.ts";

describe("fitBox", () => {
  it("fills a 16:9 screen exactly", () => {
    expect(fitBox({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1080, left: 0, top: 0, unit: 1.5 });
  });

  it("letterboxes a tall screen: full width, bars above and below", () => {
    const box = fitBox({ width: 1280, height: 1024 });
    expect(box).toMatchObject({ width: 1280, height: 720, left: 0, top: 152, unit: 1 });
  });

  it("pillarboxes a wide screen: full height, bars left and right", () => {
    const box = fitBox({ width: 2560, height: 1080 });
    expect(box).toMatchObject({ width: 1920, height: 1080, left: 320, top: 0 });
  });

  it("never overflows its area, even with odd sizes", () => {
    for (const [w, h] of [[1366, 768], [1001, 333], [375, 812], [333, 1001]]) {
      const box = fitBox({ width: w, height: h });
      expect(box.left + box.width).toBeLessThanOrEqual(w);
      expect(box.top + box.height).toBeLessThanOrEqual(h);
      expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
    }
  });

  it("gives an empty box for an empty area", () => {
    expect(fitBox({ width: 0, height: 500 })).toMatchObject({ width: 0, height: 0 });
  });
});

describe("codeFontSize", () => {
  const o = { min: 12, max: 24, lineHeight: 1.5, charWidth: 0.6, padX: 0, padY: 0 };

  it("a short snippet gets the largest size, not a shouted one", () => {
    expect(codeFontSize({ lines: 3, longest: 20 }, { width: 700, height: 500 }, o)).toBe(24);
  });

  it("a tall program shrinks until every line fits", () => {
    const size = codeFontSize({ lines: 30, longest: 40 }, { width: 700, height: 540 }, o);
    expect(size).toBe(12);
    expect(30 * size * 1.5).toBeLessThanOrEqual(540);
  });

  it("a wide line shrinks the font so it is not cut off at the right", () => {
    const size = codeFontSize({ lines: 5, longest: 80 }, { width: 800, height: 600 }, o);
    expect(80 * size * 0.6).toBeLessThanOrEqual(800);
    expect(size).toBeGreaterThan(16);
  });

  it("stops at the minimum when even that cannot fit (the code then scrolls)", () => {
    expect(codeFontSize({ lines: 200, longest: 40 }, { width: 700, height: 500 }, o)).toBe(12);
  });

  it("leaves room for padding", () => {
    const size = codeFontSize({ lines: 20, longest: 10 }, { width: 1000, height: 600 + 32 }, { ...o, padY: 32 });
    expect(size).toBe(20);
  });
});

describe("codeShape", () => {
  it("counts lines without the trailing newline and measures the longest", () => {
    expect(codeShape("a\nbbbb\ncc\n\n")).toEqual({ lines: 3, longest: 4 });
  });

  it("counts a tab as two columns", () => {
    expect(codeShape("\tx").longest).toBe(3);
  });
});

describe("largestFitting", () => {
  it("is 1 when the content fits as it is", () => {
    expect(largestFitting(() => true)).toBe(1);
  });

  it("finds the threshold scale within a percent", () => {
    const scale = largestFitting((s) => s <= 0.83);
    expect(scale).toBeLessThanOrEqual(0.83);
    expect(scale).toBeGreaterThan(0.81);
  });

  it("returns the minimum when nothing fits", () => {
    expect(largestFitting(() => false, 0.7)).toBe(0.7);
  });
});
