import { describe, expect, it } from "vitest";
import { Prng } from "./prng.ts";

describe("Prng", () => {
  it("replays the same sequence for the same seed", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    for (let i = 0; i < 100; i++) expect(a.uint32()).toBe(b.uint32());
  });

  it("gives different sequences for different seeds", () => {
    const a = new Prng(1);
    const b = new Prng(2);
    const xs = Array.from({ length: 8 }, () => a.uint32());
    const ys = Array.from({ length: 8 }, () => b.uint32());
    expect(xs).not.toEqual(ys);
  });

  it("below(n) stays in range and covers it evenly", () => {
    const p = new Prng(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[p.below(4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(9_500);
    for (const c of counts) expect(c).toBeLessThan(10_500);
  });
});
