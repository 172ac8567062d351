import { describe, expect, it } from "vitest";
import { pacing } from "./pacing.ts";

const min = 60_000;

describe("pacing", () => {
  // 20 slides in 20 minutes: one minute per slide, 30 s of slack.
  const talk = { total: 20, minutes: 20 };

  it("is on time while the clock is inside the current slide's planned minute", () => {
    expect(pacing({ ...talk, slide: 1, elapsedMs: 0 })).toEqual({ pace: "on time", minutes: 0 });
    expect(pacing({ ...talk, slide: 5, elapsedMs: 4.5 * min })).toEqual({ pace: "on time", minutes: 0 });
  });

  it("allows the slack either side of the window", () => {
    expect(pacing({ ...talk, slide: 5, elapsedMs: 3.6 * min }).pace).toBe("on time");
    expect(pacing({ ...talk, slide: 5, elapsedMs: 5.4 * min }).pace).toBe("on time");
  });

  it("is ahead when the slides are further than the clock", () => {
    expect(pacing({ ...talk, slide: 10, elapsedMs: 4 * min })).toEqual({ pace: "ahead", minutes: 5 });
  });

  it("is behind when the clock has passed the current slide's window", () => {
    expect(pacing({ ...talk, slide: 3, elapsedMs: 8 * min })).toEqual({ pace: "behind", minutes: -5 });
  });

  it("says at least one minute when off the plan at all", () => {
    expect(pacing({ ...talk, slide: 5, elapsedMs: 5.6 * min })).toEqual({ pace: "behind", minutes: -1 });
  });

  it("past the planned end on the last slide is behind", () => {
    expect(pacing({ ...talk, slide: 20, elapsedMs: 25 * min }).pace).toBe("behind");
  });

  it("a lesson without planned minutes is never off pace", () => {
    expect(pacing({ total: 10, minutes: 0, slide: 9, elapsedMs: 0 }).pace).toBe("on time");
  });
});
