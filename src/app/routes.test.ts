import { describe, expect, it } from "vitest";
import { parseRoute, paths } from "./routes.ts";

describe("parseRoute", () => {
  it("maps the home page, with or without a trailing slash", () => {
    expect(parseRoute("/")).toEqual({ page: "home" });
    expect(parseRoute("")).toEqual({ page: "home" });
  });

  it("maps a lesson slug, ignoring a trailing slash", () => {
    expect(parseRoute("/lessons/context")).toEqual({ page: "lesson", slug: "context" });
    expect(parseRoute("/lessons/fan-out-fan-in/")).toEqual({ page: "lesson", slug: "fan-out-fan-in" });
  });

  it("maps slides and presenter with a 1-based slide number", () => {
    expect(parseRoute("/lessons/leaks/slides/3")).toEqual({ page: "slides", slug: "leaks", slide: 3 });
    expect(parseRoute("/lessons/leaks/presenter/12")).toEqual({ page: "presenter", slug: "leaks", slide: 12 });
  });

  it("rejects slide numbers that are not positive integers", () => {
    for (const n of ["0", "-1", "1.5", "abc", "01", ""]) {
      expect(parseRoute(`/lessons/leaks/slides/${n}`).page).toBe("not-found");
    }
  });

  it("maps the playground", () => {
    expect(parseRoute("/play")).toEqual({ page: "play" });
    expect(parseRoute("/play/")).toEqual({ page: "play" });
  });

  it("sends everything else to not-found with the path kept", () => {
    for (const path of ["/nope", "/lessons", "/lessons/", "/lessons/Bad_Slug", "/lessons/x/slides", "/lessons/x/notes/1", "/lessons/x/slides/1/extra", "/play/x", "/lessons/%E0%A4%A"]) {
      expect(parseRoute(path)).toEqual({ page: "not-found", path });
    }
  });
});

describe("paths", () => {
  it("builds URLs that parse back to the same page", () => {
    expect(parseRoute(paths.home())).toEqual({ page: "home" });
    expect(parseRoute(paths.play())).toEqual({ page: "play" });
    expect(parseRoute(paths.lesson("context"))).toEqual({ page: "lesson", slug: "context" });
    expect(parseRoute(paths.slides("context", 4))).toEqual({ page: "slides", slug: "context", slide: 4 });
    expect(parseRoute(paths.presenter("context"))).toEqual({ page: "presenter", slug: "context", slide: 1 });
  });

  it("puts an anchor in the fragment", () => {
    expect(paths.lesson("leaks", paths.exampleAnchor("leaky-timeout"))).toBe("/lessons/leaks#example-leaky-timeout");
  });
});
