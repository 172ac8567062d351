// Lays a chart out with ELK (the Eclipse Layout Kernel, layered algorithm): node boxes, edge
// polylines and label boxes, in SVG user units. ELK is large, so it is imported here on first
// use only; nothing on a lesson page loads it until a run shows a state machine.

import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { parentPath, type Chart } from "./chart-model.ts";

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
  /** Leaf states. All coordinates are the drawing's (ELK's root), containers included. */
  nodes: NodeBox[];
  /** Compound states' containers, parents before children (so they paint underneath). */
  groups: NodeBox[];
  edges: EdgePath[];
}

// Text is measured by a rule of thumb (no DOM here): the view draws it at these sizes.
export const NODE_FONT_PX = 13;
export const LABEL_FONT_PX = 11;
const NODE_HEIGHT = 34;
const charWidth = (px: number) => px * 0.62;

/** Room at the top of a container for its name. */
export const GROUP_LABEL_H = 24;

/** What a state's box says: its own name, since a container around it names its parents. */
export function shortName(id: string, inGroup: boolean): string {
  return inGroup ? id.slice(id.lastIndexOf(".") + 1) : id;
}

/**
 * The ELK graph of a chart (pure; exported for tests). A compound state is a node whose children
 * are its states; edges all sit at the root and ELK routes them across levels
 * (`hierarchyHandling: INCLUDE_CHILDREN`), with every coordinate relative to the root.
 */
export function elkGraph(chart: Chart): ElkNode {
  const groupIds = new Set(chart.groups.map((g) => g.id));
  const parentOf = (id: string): string | undefined => {
    const p = parentPath(id);
    return p !== "" && groupIds.has(p) ? p : undefined;
  };
  const byId = new Map<string, ElkNode>();
  const top: ElkNode[] = [];
  const place = (id: string, node: ElkNode): void => {
    byId.set(id, node);
    const p = parentOf(id);
    const parent = p === undefined ? undefined : byId.get(p);
    if (parent === undefined) top.push(node);
    else (parent.children ??= []).push(node);
  };
  for (const g of chart.groups) {
    place(g.id, {
      id: g.id,
      layoutOptions: { "elk.padding": `[top=${GROUP_LABEL_H + 8},left=30,bottom=12,right=12]` },
      children: [],
    });
  }
  for (const st of chart.states) {
    const name = shortName(st.id, parentOf(st.id) !== undefined);
    place(st.id, { id: st.id, width: Math.ceil(name.length * charWidth(NODE_FONT_PX) + 36), height: NODE_HEIGHT });
  }
  const children = top;
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
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.json.shapeCoords": "ROOT",
      "elk.json.edgeCoords": "ROOT",
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
  const nodes: NodeBox[] = [];
  const groups: NodeBox[] = [];
  const walk = (list: ElkNode[]): void => {
    for (const n of list) {
      const box = { id: n.id, x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
      if (n.children !== undefined && n.children.length > 0) {
        groups.push(box);
        walk(n.children);
      } else nodes.push(box);
    }
  };
  walk(laid.children ?? []);
  const edges: EdgePath[] = (laid.edges ?? []).map((e) => {
    const section = e.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const l = e.labels?.[0];
    const label = l && l.text !== undefined ? { text: l.text, x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } : undefined;
    return { id: e.id, points, label };
  });
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, groups, edges };
}

/** Lays out a chart (loads ELK on first call). */
export async function layoutChart(chart: Chart): Promise<ChartLayout> {
  const layout = await loadElk();
  return readLayout(await layout(elkGraph(chart)));
}
