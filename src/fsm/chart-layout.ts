// Lays a chart out with ELK (the Eclipse Layout Kernel, layered algorithm): node boxes, edge
// polylines and label boxes, in SVG user units. ELK is large, so it is imported here on first
// use only; nothing on a lesson page loads it until a run shows a state machine.

import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import type { Chart } from "./chart-model.ts";

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgePath {
  id: string;
  points: Point[];
  label: { text: string; x: number; y: number; width: number; height: number } | undefined;
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
}

// Text is measured by a rule of thumb (no DOM here): the view draws it at these sizes.
export const NODE_FONT_PX = 13;
export const LABEL_FONT_PX = 11;
const NODE_HEIGHT = 34;
const charWidth = (px: number) => px * 0.62;

/** The ELK graph of a chart (pure; exported for tests). */
export function elkGraph(chart: Chart): ElkNode {
  const children: ElkNode[] = chart.states.map((s) => ({
    id: s.id,
    width: Math.ceil(s.id.length * charWidth(NODE_FONT_PX) + 36),
    height: NODE_HEIGHT,
  }));
  const edges: ElkExtendedEdge[] = chart.transitions.map((t) => ({
    id: t.id,
    sources: [t.from],
    targets: [t.to],
    labels: [{ text: t.label, width: Math.ceil(t.label.length * charWidth(LABEL_FONT_PX) + 6), height: LABEL_FONT_PX + 5 }],
  }));
  return {
    id: chart.machine,
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.edgeRouting": "POLYLINE",
      "elk.layered.spacing.nodeNodeBetweenLayers": "56",
      "elk.spacing.nodeNode": "28",
      "elk.spacing.edgeLabel": "4",
      "elk.spacing.edgeNode": "14",
      "elk.padding": "[top=12,left=30,bottom=12,right=12]",
    },
    children,
    edges,
  };
}

type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;
let elk: Promise<ElkLayout> | undefined;

function loadElk(): Promise<ElkLayout> {
  elk ??= import("elkjs/lib/elk.bundled.js").then((m) => {
    const instance = new m.default();
    return (g: ElkNode) => instance.layout(g);
  });
  return elk;
}

/** Reads ELK's answer into plain boxes and polylines. */
export function readLayout(laid: ElkNode): ChartLayout {
  const nodes: NodeBox[] = (laid.children ?? []).map((n) => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 }));
  const edges: EdgePath[] = (laid.edges ?? []).map((e) => {
    const section = e.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const l = e.labels?.[0];
    const label = l && l.text !== undefined ? { text: l.text, x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } : undefined;
    return { id: e.id, points, label };
  });
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}

/** Lays out a chart (loads ELK on first call). */
export async function layoutChart(chart: Chart): Promise<ChartLayout> {
  const layout = await loadElk();
  return readLayout(await layout(elkGraph(chart)));
}
