import { describe, expect, it } from "vitest";
import { chartFromDefinition, type Chart } from "./chart-model.ts";
import { createMachine } from "xstate";
import { elkGraph, layoutChart, shortName } from "./chart-layout.ts";
import { LINK_DEFINITION } from "./fixtures.ts";
import { senderMachine } from "./handshake-machine.ts";

const sender = chartFromDefinition(JSON.parse(JSON.stringify(senderMachine.toJSON()))) as Chart;

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutChart", () => {
  it("gives every state a box inside the drawing, and no two boxes overlap", async () => {
    const layout = await layoutChart(sender);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(["down", "established", "synSent"]);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlap(a, b)).toBe(false);
  });

  it("routes every transition, self-loops included, as a polyline with its label", async () => {
    const layout = await layoutChart(sender);
    expect(layout.edges.map((e) => e.id).sort()).toEqual(sender.transitions.map((t) => t.id).sort());
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(e.label?.text).toBe(sender.transitions.find((t) => t.id === e.id)?.label);
    }
    const retry = layout.edges.find((e) => e.label?.text === "after 3000 ms");
    const box = layout.nodes.find((n) => n.id === "synSent");
    // The retry loop starts and ends on synSent's border.
    const onBorder = (p: { x: number; y: number }) => box !== undefined && p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;
    expect(retry && onBorder(retry.points[0]) && onBorder(retry.points[retry.points.length - 1])).toBe(true);
  });
});

describe("layoutChart with nested states", () => {
  const link = chartFromDefinition(JSON.parse(JSON.stringify(createMachine(LINK_DEFINITION).toJSON()))) as Chart;

  it("draws each compound state as a container holding its children, nested containers inside their parents", async () => {
    const layout = await layoutChart(link);
    expect(layout.groups.map((g) => g.id)).toEqual(["connected", "connected.open"]);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(["connected.handshaking", "connected.open.idle", "connected.open.waiting", "down"]);
    const box = (id: string) => [...layout.groups, ...layout.nodes].find((b) => b.id === id) as { x: number; y: number; width: number; height: number };
    const inside = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
    expect(inside(box("connected.handshaking"), box("connected"))).toBe(true);
    expect(inside(box("connected.open"), box("connected"))).toBe(true);
    expect(inside(box("connected.open.idle"), box("connected.open"))).toBe(true);
    expect(inside(box("connected.open.waiting"), box("connected.open"))).toBe(true);
    expect(inside(box("down"), box("connected"))).toBe(false);
    expect(overlap(box("down"), box("connected"))).toBe(false);
    // Every arrow is routed, the container's own (DOWN) from the container's border.
    expect(layout.edges.length).toBe(link.transitions.length);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(elkGraph(link).children?.map((c) => c.id)).toEqual(["connected", "down"]);
  });

  it("names a state inside a container by its own key, since the container names the path", () => {
    expect(shortName("connected.open.idle", true)).toBe("idle");
    expect(shortName("connected.open.idle", false)).toBe("connected.open.idle");
  });
});
