import { describe, expect, it } from "vitest";
import { chartFromDefinition, type Chart } from "./chart-model.ts";
import { layoutChart } from "./chart-layout.ts";
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
