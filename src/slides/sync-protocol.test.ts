import { describe, expect, it } from "vitest";
import { parseSyncMessage } from "./sync-protocol.ts";

describe("parseSyncMessage", () => {
  it("accepts each message the windows send", () => {
    const messages = [
      { type: "hello", from: "a", role: "presenter", slide: 3 },
      { type: "here", from: "a", role: "audience", slide: 3, blackout: false },
      { type: "goto", from: "a", slide: 12 },
      { type: "run", from: "a", exampleId: "leaks-never-sent" },
      { type: "run-status", from: "a", exampleId: "x", status: { busy: false, text: "✓ ok Finished" } },
      { type: "pointer", from: "a", point: { x: 0.25, y: 1 } },
      { type: "pointer", from: "a", point: null },
      { type: "blackout", from: "a", on: true },
      { type: "bye", from: "a" },
    ];
    for (const m of messages) expect(parseSyncMessage(m)).toEqual(m);
  });

  it("drops anything else: other shapes, bad slides, points off the slide, unknown types", () => {
    for (const m of [
      null,
      "goto 3",
      { type: "goto", slide: 3 },
      { type: "goto", from: "a", slide: 0 },
      { type: "goto", from: "a", slide: 2.5 },
      { type: "hello", from: "a", role: "speaker", slide: 1 },
      { type: "pointer", from: "a", point: { x: 2, y: 0 } },
      { type: "run", from: "a", exampleId: "" },
      { type: "explode", from: "a" },
    ]) {
      expect(parseSyncMessage(m)).toBeNull();
    }
  });

  it("keeps only the fields it knows (nothing extra travels into the app)", () => {
    expect(parseSyncMessage({ type: "goto", from: "a", slide: 2, html: "<img onerror>" })).toEqual({ type: "goto", from: "a", slide: 2 });
  });
});
