import { describe, expect, it } from "vitest";
import { runUserSource } from "../sandbox/node-runner.ts";
import { CANCEL_TREE, LEAK } from "./fixtures.ts";
import { buildTimeline } from "./model.ts";
import type { Palette } from "./palette.ts";
import { DEFAULT_FILTER } from "./rows.ts";
import { prepareScene, type PreparedScene } from "./scene.ts";
import { SEG_STATES, type SegState } from "./states.ts";
import { escapeXml, sceneToSvg } from "./svg-export.ts";

const PALETTE: Palette = {
  bg: "#ffffff", rowAlt: "#f6f8fa", grid: "#dde3e9", text: "#1f2328", muted: "#57606a", nameBg: "#f6f8fa",
  axisBg: "#ffffff", accent: "#0e7490", cursor: "#0b6bcb", arrow: "#1f2328", bad: "#a40e26", badBg: "#fde4e1",
  leak: "#6b2fb3", leakBg: "#f1e7fd", warn: "#7a4700", warnBg: "#fff1c7", drainBg: "rgba(107, 47, 179, 0.06)",
  highlight: "#0b6bcb", pattern: "rgba(0, 0, 0, 0.45)",
  state: Object.fromEntries(SEG_STATES.map((s, i) => [s, `#00000${i}`])) as Record<SegState, string>,
  font: "13px system-ui", monoFont: "12px monospace",
};

async function sceneOf(source: string): Promise<PreparedScene> {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(`fixture does not compile: ${r.error.message}`);
  return prepareScene(buildTimeline(r.result.trace, r.result), "hybrid", DEFAULT_FILTER);
}

/** Checks that tags open and close in order (no XML parser in Node; the SVG has no comments or CDATA). */
function expectBalanced(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, self] = m;
    if (self === "/") continue;
    if (closing === "/") expect(stack.pop(), `</${name}> closes the last open tag`).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  // No raw ampersand or angle bracket outside markup.
  expect(svg.replace(/<[^>]*>/g, "")).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}

describe("SVG export", () => {
  it("is one well-formed svg element naming every lane and context, sized to all its rows", async () => {
    const scene = await sceneOf(CANCEL_TREE);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 1000, palette: PALETTE, title: "cancel <tree> & co" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000"')).toBe(true);
    expectBalanced(svg);
    for (const name of ["main", "listener", "worker", "poller"]) expect(svg).toMatch(new RegExp(`>${name}</text>`));
    expect(svg).toContain(">ctx withCancel</text>");
    expect(svg).toContain("<title>cancel &lt;tree&gt; &amp; co</title>");
    expect(svg).toContain(`height="${34 + scene.rows.length * 28}"`);
    // Blocked segments carry their state's pattern, the cancel its ✕.
    expect(svg).toContain('fill="url(#p-recv)"');
  });

  it("hatches a leaked task's tail and marks it", async () => {
    const scene = await sceneOf(LEAK);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 800, palette: PALETTE, cursorX: 0 });
    expectBalanced(svg);
    expect(svg).toContain(">search ⚠</text>");
    expect(svg).toContain('fill="url(#p-leak)"');
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
