import { describe, expect, it } from "vitest";
import { inAppPath, type LinkClick } from "./internal-link.ts";

const here = new URL("https://chanscope.example/lessons/context#why");
const click = (href: string, extra: Partial<LinkClick> = {}): LinkClick => ({
  href, target: "", download: false, button: 0, modified: false, ...extra,
});

describe("inAppPath", () => {
  it("routes a plain click to another page of the site, keeping the fragment", () => {
    expect(inAppPath(click("/lessons/leaks#example-leaky-timeout"), here)).toBe("/lessons/leaks#example-leaky-timeout");
    expect(inAppPath(click("../play"), here)).toBe("/play");
  });

  it("leaves a jump within the same page to the browser", () => {
    expect(inAppPath(click("#cancel"), here)).toBeNull();
    expect(inAppPath(click("/lessons/context#cancel"), here)).toBeNull();
  });

  it("leaves other sites, new tabs, downloads and modified or middle clicks to the browser", () => {
    expect(inAppPath(click("https://go.dev/blog/context"), here)).toBeNull();
    expect(inAppPath(click("/lessons/leaks", { target: "_blank" }), here)).toBeNull();
    expect(inAppPath(click("/lessons/leaks", { download: true }), here)).toBeNull();
    expect(inAppPath(click("/lessons/leaks", { modified: true }), here)).toBeNull();
    expect(inAppPath(click("/lessons/leaks", { button: 1 }), here)).toBeNull();
  });
});
