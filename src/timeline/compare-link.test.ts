import { describe, expect, it } from "vitest";
import { stepBoth } from "./compare-link.ts";

const run = (...pos: number[]) => ({ pos, count: pos.length });

describe("stepping two runs on one axis", () => {
  const a = run(0, 10, 30);
  const b = run(5, 10, 40);

  it("visits the events of both runs in time order, forward and back", () => {
    const xs: string[] = [];
    let x: number | null = null;
    for (;;) {
      const next = stepBoth([a, b], x, 1);
      if (next === null) break;
      x = [a, b][next.run].pos[next.idx];
      xs.push(`${"AB"[next.run]}${x}`);
    }
    // At 10 both runs have an event: one step lands there (A's, found first); both cursors meet.
    expect(xs).toEqual(["A0", "B5", "A10", "A30", "B40"]);
    const back: string[] = [];
    for (;;) {
      const prev = stepBoth([a, b], x, -1);
      if (prev === null) break;
      x = [a, b][prev.run].pos[prev.idx];
      back.push(`${"AB"[prev.run]}${x}`);
    }
    expect(back).toEqual(["A30", "A10", "B5", "A0"]);
  });

  it("with no cursor, forward starts at the first event of either run and back goes nowhere", () => {
    expect(stepBoth([run(3, 4), run(1)], null, 1)).toEqual({ run: 1, idx: 0 });
    expect(stepBoth([a, b], null, -1)).toBeNull();
  });

  it("a run without events is skipped", () => {
    expect(stepBoth([run(), run(7)], 0, 1)).toEqual({ run: 1, idx: 0 });
    expect(stepBoth([run(), run()], 0, 1)).toBeNull();
  });
});
