import { describe, expect, it } from "vitest";
import { deckActionFor, deckShortcuts, slideFromDigits, type DeckKeyPress } from "./shortcuts.ts";

const press = (key: string, more: Partial<DeckKeyPress> = {}): DeckKeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inEditable: false,
  onControl: false,
  pendingDigits: "",
  ...more,
});

describe("deckActionFor", () => {
  it.each([
    ["ArrowRight", "next"],
    [" ", "next"],
    ["PageDown", "next"],
    ["ArrowLeft", "previous"],
    ["PageUp", "previous"],
    ["Home", "first"],
    ["End", "last"],
    ["o", "overview"],
    ["Escape", "back"],
    ["f", "fullscreen"],
    ["s", "presenter"],
    ["b", "blackout"],
    ["l", "laser"],
    ["z", "zoom"],
    ["?", "help"],
  ])("%j means %s", (key, type) => {
    expect(deckActionFor(press(key))).toEqual({ type });
  });

  it("digits are collected, Enter jumps only when some were typed", () => {
    expect(deckActionFor(press("7"))).toEqual({ type: "digit", digit: 7 });
    expect(deckActionFor(press("Enter", { pendingDigits: "12" }))).toEqual({ type: "jump" });
    expect(deckActionFor(press("Enter"))).toBeNull();
  });

  it("nothing fires while typing in the editor or a field", () => {
    for (const key of ["ArrowRight", " ", "o", "b", "3", "?", "Escape"]) {
      expect(deckActionFor(press(key, { inEditable: true }))).toBeNull();
    }
  });

  it("Space and Enter on a focused button press the button, not the deck", () => {
    expect(deckActionFor(press(" ", { onControl: true }))).toBeNull();
    expect(deckActionFor(press("Enter", { onControl: true, pendingDigits: "2" }))).toBeNull();
    expect(deckActionFor(press("ArrowRight", { onControl: true }))).toEqual({ type: "next" });
  });

  it("leaves browser and editor chords alone (Ctrl/Cmd/Alt + key)", () => {
    expect(deckActionFor(press("ArrowRight", { altKey: true }))).toBeNull();
    expect(deckActionFor(press("f", { ctrlKey: true }))).toBeNull();
    expect(deckActionFor(press("l", { metaKey: true }))).toBeNull();
  });

  it("upper-case letters are not the shortcuts (Shift+O is not o)", () => {
    expect(deckActionFor(press("O"))).toBeNull();
  });

  it("every key in the table maps to its own action (no key listed twice)", () => {
    const keys = deckShortcuts.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("slideFromDigits", () => {
  it("accepts a slide that exists", () => {
    expect(slideFromDigits("12", 19)).toBe(12);
    expect(slideFromDigits("012", 19)).toBe(12);
  });

  it("rejects 0, numbers past the end and empty input", () => {
    expect(slideFromDigits("0", 19)).toBeNull();
    expect(slideFromDigits("20", 19)).toBeNull();
    expect(slideFromDigits("", 19)).toBeNull();
  });
});
