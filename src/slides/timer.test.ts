import { describe, expect, it } from "vitest";
import { elapsedMs, formatDuration, parseTimer, stoppedTimer, timerStep } from "./timer.ts";

describe("presenter timer", () => {
  it("counts from start, holds while paused, goes on from where it was", () => {
    let t = timerStep(stoppedTimer, "start", 1000);
    expect(elapsedMs(t, 6000)).toBe(5000);
    t = timerStep(t, "pause", 6000);
    expect(elapsedMs(t, 60_000)).toBe(5000);
    t = timerStep(t, "start", 70_000);
    expect(elapsedMs(t, 72_000)).toBe(7000);
  });

  it("reset goes back to zero from any state", () => {
    expect(elapsedMs(timerStep(timerStep(stoppedTimer, "start", 0), "reset", 500), 900)).toBe(0);
  });

  it("start while running and pause while stopped change nothing", () => {
    const running = timerStep(stoppedTimer, "start", 10);
    expect(timerStep(running, "start", 99)).toBe(running);
    expect(timerStep(stoppedTimer, "pause", 99)).toBe(stoppedTimer);
  });

  it("survives a reload through its stored form; a damaged one is a stopped clock", () => {
    const t = timerStep(stoppedTimer, "start", 1000);
    expect(parseTimer(JSON.stringify(t))).toEqual(t);
    expect(parseTimer("{oops")).toEqual(stoppedTimer);
    expect(parseTimer(JSON.stringify({ status: "running" }))).toEqual(stoppedTimer);
  });

  it("formats minutes and seconds, hours only when needed", () => {
    expect(formatDuration(7000)).toBe("0:07");
    expect(formatDuration(750_000)).toBe("12:30");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
  });
});
