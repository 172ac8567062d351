import { describe, expect, it } from "vitest";
import { formatCount } from "./count.ts";

describe("formatCount", () => {
  it("groups thousands with commas exactly as toLocaleString('en') does", () => {
    for (const n of [0, 7, 42, 999, 1000, 1001, 12_345, 107_197, 1_000_000, 300_000, 2_000_011, -5, -1234, -1_000_000]) {
      expect(formatCount(n)).toBe(n.toLocaleString("en"));
    }
  });
  it("leaves fractions to toLocaleString", () => {
    expect(formatCount(1234.5)).toBe((1234.5).toLocaleString("en"));
  });
});
