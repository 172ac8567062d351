import { describe, expect, it } from "vitest";
import { activeHeading } from "./active-heading.ts";

const tops = [
  { id: "a", top: -900 },
  { id: "b", top: -20 },
  { id: "c", top: 140 },
  { id: "d", top: 700 },
];

describe("activeHeading", () => {
  it("is the last heading above the reading line", () => {
    expect(activeHeading(tops, 100)).toBe("b");
  });

  it("counts a heading exactly on the line as passed", () => {
    expect(activeHeading(tops, 140)).toBe("c");
  });

  it("is undefined before the first heading has reached the line", () => {
    expect(activeHeading([{ id: "a", top: 300 }], 100)).toBeUndefined();
    expect(activeHeading([], 100)).toBeUndefined();
  });
});
