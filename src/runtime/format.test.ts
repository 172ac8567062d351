import { describe, expect, it } from "vitest";
import { formatArgs, preview } from "./format.ts";

describe("console formatting", () => {
  it("joins arguments with one space and prints top-level strings as they are", () => {
    expect(formatArgs(["Received:", "some value"])).toBe("Received: some value");
  });

  it("prints numbers, booleans, null, undefined and bigint through String", () => {
    expect(formatArgs([1, -0.5, true, null, undefined, 10n])).toBe("1 -0.5 true null undefined 10");
  });

  it("prints an Error as its message", () => {
    expect(formatArgs(["err:", new Error("context canceled")])).toBe("err: context canceled");
  });

  it("prints arrays and plain objects compactly with quoted strings inside", () => {
    expect(formatArgs([[1, 2]])).toBe("[1, 2]");
    expect(formatArgs([{ a: 1, b: "x" }])).toBe('{ a: 1, b: "x" }');
    expect(formatArgs([{ nested: { list: ["a"] } }])).toBe('{ nested: { list: ["a"] } }');
    expect(formatArgs([[], {}])).toBe("[] {}");
  });

  it("marks cycles instead of recursing forever", () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    expect(formatArgs([o])).toBe("{ a: 1, self: [Circular] }");
  });

  it("prints maps and sets", () => {
    expect(formatArgs([new Map([["k", 1]]), new Set([1, 2])])).toBe('Map { "k" => 1 } Set { 1, 2 }');
  });

  it("previews long values shortened for the timeline", () => {
    expect(preview("x".repeat(100)).length).toBe(40);
    expect(preview(42)).toBe("42");
    expect(preview("hi")).toBe('"hi"');
  });
});
