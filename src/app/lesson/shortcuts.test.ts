import { describe, expect, it } from "vitest";
import { lessonActionFor, type KeyPress } from "./shortcuts.ts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key, altKey: false, ctrlKey: false, metaKey: false, inEditable: false, ...extra,
});

describe("lessonActionFor", () => {
  it("maps the documented keys", () => {
    expect(lessonActionFor(press("["))).toBe("previous-lesson");
    expect(lessonActionFor(press("]"))).toBe("next-lesson");
    expect(lessonActionFor(press("p"))).toBe("present");
    expect(lessonActionFor(press("?"))).toBe("help");
  });

  it("ignores keys typed into an editor or field", () => {
    expect(lessonActionFor(press("]", { inEditable: true }))).toBeNull();
    expect(lessonActionFor(press("p", { inEditable: true }))).toBeNull();
  });

  it("leaves modified keys to the browser (Alt+Arrow is Back/Forward, Ctrl+P prints)", () => {
    expect(lessonActionFor(press("p", { ctrlKey: true }))).toBeNull();
    expect(lessonActionFor(press("[", { metaKey: true }))).toBeNull();
    expect(lessonActionFor(press("ArrowLeft", { altKey: true }))).toBeNull();
  });

  it("ignores keys that are not shortcuts", () => {
    expect(lessonActionFor(press("x"))).toBeNull();
    expect(lessonActionFor(press("P"))).toBeNull();
  });
});
