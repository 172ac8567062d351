import { describe, expect, it } from "vitest";
import { outcomeScroll, type OutcomeLayout } from "./outcome-scroll.ts";

// A column like a code slide at 1280×720: prose, the example's head, the controls row, the
// banner and the report, then the output and the timeline far below.
const base: OutcomeLayout = {
  view: 590,
  current: 0,
  max: 1400,
  edges: [0, 40, 120, 160, 209, 267, 311, 414, 572, 610, 720],
  controls: { top: 209, bottom: 267 },
  outcome: { top: 311, bottom: 414 },
  end: 572,
};

const cutsNothing = (l: OutcomeLayout, s: number) => l.edges.includes(s) || s === 0;
const controlsNotHalfCut = (l: OutcomeLayout, s: number) =>
  (s <= l.controls.top && l.controls.bottom <= s + l.view) || s >= l.controls.bottom;

describe("outcomeScroll", () => {
  it("does not move when prose, controls, banner and report already fit", () => {
    expect(outcomeScroll(base)).toBe(0);
  });

  it("scrolls the least, to a block's top, that shows controls, banner and report together", () => {
    const l = { ...base, view: 400 };
    const s = outcomeScroll(l);
    expect(s).toBe(209);
    expect(cutsNothing(l, s) && controlsNotHalfCut(l, s)).toBe(true);
  });

  it("keeps the controls and the banner when the report is too long, showing as much report as it can", () => {
    const l = { ...base, view: 300, end: 1200 };
    expect(outcomeScroll(l)).toBe(209);
  });

  it("scrolls the controls away whole when they and the banner do not fit together", () => {
    const l = { ...base, view: 180, end: 1200 };
    const s = outcomeScroll(l);
    expect(s).toBe(311);
    expect(controlsNotHalfCut(l, s)).toBe(true);
  });

  it("leaves a view the teacher chose if it already shows the outcome without cutting the controls", () => {
    expect(outcomeScroll({ ...base, current: 120 })).toBe(120);
  });

  it("moves off a view that cuts the controls in half", () => {
    const s = outcomeScroll({ ...base, view: 400, current: 230 });
    expect(s).toBe(209);
  });

  it("never asks for more than the column can scroll", () => {
    const l = { ...base, view: 180, end: 1200, max: 300 };
    const s = outcomeScroll(l);
    expect(s).toBeLessThanOrEqual(300);
  });

  it("fuzz: the answer is a block's top, never past max, and never cuts the controls in half", () => {
    for (let seed = 1; seed < 400; seed++) {
      const r = (n: number) => Math.floor(((Math.sin(seed * 97 + n * 13) + 1) / 2) * 400);
      const ctop = 50 + r(1);
      const controls = { top: ctop, bottom: ctop + 40 };
      const otop = controls.bottom + r(2) / 4;
      const outcome = { top: otop, bottom: otop + 60 + r(3) / 4 };
      const edges = [0, controls.top, controls.bottom, outcome.top, outcome.bottom, r(4), r(5)];
      const l: OutcomeLayout = { view: 150 + r(6), current: r(7), max: 2000, controls, outcome, end: outcome.bottom + r(8), edges };
      const s = outcomeScroll(l);
      expect(s).toBeLessThanOrEqual(l.max);
      if (s !== l.current) expect(cutsNothing(l, s)).toBe(true);
      expect(controlsNotHalfCut(l, s)).toBe(true);
    }
  });
});
