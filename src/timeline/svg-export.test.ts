import { describe, expect, it } from "vitest";
import { runUserSource } from "../sandbox/node-runner.ts";
import { BUFFERED_VS_UNBUFFERED, CANCEL_TREE, DEADLOCK, LEAK } from "./fixtures.ts";
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

/** The lines of one arrow group (one per arrow) and its opening tag. */
function arrowGroup(svg: string, kind: string): { head: string; lines: string[] } {
  const all = svg.split("\n");
  const at = all.findIndex((l) => l.startsWith(`<g class="arrows arrows--${kind}"`));
  expect(at, `an arrows--${kind} group`).toBeGreaterThanOrEqual(0);
  const end = all.indexOf("</g>", at);
  return { head: all[at], lines: all.slice(at + 1, end) };
}

function coords(line: string): number[] {
  const m = /<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"/.exec(line);
  expect(m, "an arrow's line").not.toBeNull();
  return (m as RegExpExecArray).slice(1).map(Number);
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

  it("draws every message arrow as the canvas does: a hand-off solid, a buffered delivery dashed, each from sender to receiver with a head", async () => {
    const scene = await sceneOf(BUFFERED_VS_UNBUFFERED);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 1000, palette: PALETTE });
    expectBalanced(svg);
    const count = (kind: string): number => scene.model.arrows.filter((a) => a.kind === kind).length;
    expect(count("handoff")).toBe(1);
    expect(count("buffered")).toBe(3);
    const handoff = arrowGroup(svg, "handoff");
    const buffered = arrowGroup(svg, "buffered");
    expect(handoff.head).not.toContain("stroke-dasharray");
    expect(handoff.lines).toHaveLength(1);
    expect(buffered.lines).toHaveLength(3);
    for (const l of buffered.lines) expect(l).toContain('stroke-dasharray="5 3"');
    // producer (row 1) → main (row 0), middle of each row; the head ends on the receive.
    const [x1, y1, x2, y2] = coords(handoff.lines[0]);
    expect(y1).toBe(34 + 28 + 14);
    expect(y2).toBe(34 + 14);
    expect(x2).toBeGreaterThanOrEqual(x1);
    expect(handoff.lines[0]).toMatch(new RegExp(`<path d="M${x2} ${y2} L`));
    expect(handoff.lines[0]).toContain("<title>handoff: 1 (hand-off)</title>");
  });

  it("draws a timer's value dotted, and only the arrows of the view", async () => {
    const scene = await sceneOf(CANCEL_TREE);
    const whole = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 1000, palette: PALETTE });
    const timer = arrowGroup(whole, "timer");
    expect(timer.lines).toHaveLength(scene.model.arrows.filter((a) => a.kind === "timer").length);
    expect(timer.lines[0]).toContain('stroke-dasharray="1.5 3"');
    expect(timer.head).toContain(`stroke="${PALETTE.muted}"`);
    // A view that ends before the first message holds no arrow.
    const first = Math.min(...scene.model.arrows.map((a) => a.from));
    const early = sceneToSvg(scene, { x0: 0, x1: scene.axis.pos[first - 1] }, { width: 1000, palette: PALETTE });
    expect(early).not.toContain('class="arrows');
  });

  it("draws the cancellation wave: the context's ✕ and error, a dotted line down to every task it reached, and how long each ran on", async () => {
    const scene = await sceneOf(CANCEL_TREE);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 1000, palette: PALETTE });
    expectBalanced(svg);
    expect(svg).toContain(">context canceled at 30 ms</text>");
    const reached = [...svg.matchAll(/<g class="wave" data-task="(\d+)"><title>cancellation reached (\w+)<\/title>/g)].map((m) => m[2]);
    expect(reached.sort()).toEqual(["listener", "poller", "worker"]);
    // Each dotted line starts at its context's ✕ row and ends on the task's row.
    const links = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#a40e26" stroke-width="1.5" stroke-dasharray="2 3"\/>/g)];
    expect(links).toHaveLength(3);
    const ctxRows = [34 + 14, 34 + 28 + 14];
    for (const l of links) expect(ctxRows).toContain(Number(l[2]));
    expect(svg).toContain(">ran 40 ms after cancel</text>");
    const worker = scene.rowOfTask.get(scene.model.lanes.find((l) => l.name === "worker")?.task ?? -1) as number;
    expect(svg).toMatch(new RegExp(`<text x="[\\d.]+" y="${34 + worker * 28 + 14}"[^>]*>ran 40 ms after cancel</text>`));
  });

  it("ends a deadlocked lane in a badge with its wait reason and line, labels wide blocked slices, and marks where main returned", async () => {
    const scene = await sceneOf(DEADLOCK);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 1000, palette: PALETTE });
    expectBalanced(svg);
    expect(svg).toMatch(/>⊘ stuck: chan send \(results\) · line 6<\/text>/);
    expect(svg).toMatch(/stroke="#a40e26" stroke-width="2"\/><text [^>]*>⊘ stuck/);
    expect(svg).toMatch(/font-weight="400">chan receive: done<\/text>/);
    const leak = await sceneOf(LEAK);
    expect(sceneToSvg(leak, { x0: 0, x1: leak.axis.total }, { width: 1000, palette: PALETTE })).toContain(">main returned ⇢</text>");
  });

  it("keeps the view's width in layout units and draws it bigger at a text scale", async () => {
    const scene = await sceneOf(LEAK);
    const svg = sceneToSvg(scene, { x0: 0, x1: scene.axis.total }, { width: 800, palette: PALETTE, scale: 2 });
    const h = 34 + scene.rows.length * 28;
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="${h * 2}" viewBox="0 0 800 ${h}"`)).toBe(true);
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
