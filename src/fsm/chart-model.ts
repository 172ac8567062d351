// From a run's trace to what a statechart view draws: for each machine, its states and labelled
// transitions, and which state is active at a point of the run. Pure data in, data out.
//
// The graph comes from the machine's definition when the trace has one (the runtime attaches
// XState's `toJSON()` to an actor's first `fsm.transition`), so transitions the run never took
// are drawn too; without it, from the transitions the trace recorded.
//
// States are named by their path ("connected.idle"). Leaves are the `states`; compound states
// are `groups`, drawn as containers around their children. A transition declared on a compound
// state starts at its container; one declared on the machine's root is drawn from each leaf (the
// root has no box). A transition into a compound state ends at its container, whose initial
// child is marked. The trace names active leaves, so a recorded transition matches a chart arrow
// whose ends are those leaves or contain them. Parallel states are not drawn as regions.

import type { TraceEvent } from "../runtime/trace.ts";

type FsmEvent = Extract<TraceEvent, { kind: "fsm.transition" }>;

export interface ChartState {
  /** Path below the machine, e.g. "synSent" or "connected.idle". Unique within the chart. */
  id: string;
  /** The initial child of its parent (the machine, or the compound state it is in). */
  initial: boolean;
  final: boolean;
}

/** A compound state: a container around its children (states and groups whose path it prefixes). */
export interface ChartGroup {
  /** Path below the machine, e.g. "connected". */
  id: string;
  /** The initial child of its parent. */
  initial: boolean;
}

export interface ChartTransition {
  /** Stable within the chart: `${from}->${to}:${label}` plus an index when repeated. */
  id: string;
  from: string;
  to: string;
  /** What the arrow says: "SYN_ACK", "after 3000 ms", "SYN_ACK [sameSession]". */
  label: string;
  /** The event type as the trace names it (delayed events: "xstate.after.3000.m.s"). */
  event: string;
}

export interface Chart {
  machine: string;
  states: ChartState[];
  /** Compound states, parents before their children (empty for a flat machine). */
  groups: ChartGroup[];
  transitions: ChartTransition[];
  /** True when drawn from the definition, false when only from what the run did. */
  fromDefinition: boolean;
}

/** Where one machine is at a point of the run. */
export interface ChartPosition {
  machine: string;
  /** The active state's id, or undefined before the actor started. */
  state: string | undefined;
  /** The transition that led there (the last one at or before the cursor). */
  last: FsmEvent | undefined;
  /** The transition into the state, when `last` re-entered it (a self-transition); else `last`. */
  entered: FsmEvent | undefined;
}

/** The `fsm.transition` events of a trace, in order. */
export function fsmEvents(trace: readonly TraceEvent[]): FsmEvent[] {
  return trace.filter((e): e is FsmEvent => e.kind === "fsm.transition");
}

/** "xstate.after.3000.sender.synSent" → "after 3000 ms"; any other event type as it is. */
export function eventLabel(eventType: string): string {
  const m = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (!m) return eventType;
  return /^\d+$/.test(m[1]) ? `after ${m[1]} ms` : `after ${m[1]}`;
}

// ---- the definition, as XState's toJSON() writes it (only the fields read here) ----

interface JsonTransition {
  target?: unknown;
  eventType?: unknown;
  guard?: unknown;
  delay?: unknown;
}

interface JsonStateNode {
  id?: unknown;
  type?: unknown;
  initial?: { target?: unknown };
  states?: Record<string, JsonStateNode>;
  transitions?: JsonTransition[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaf states under `node`, as [path, node]; `prefix` is the path of `node` itself. */
function leaves(node: JsonStateNode, prefix: string): [string, JsonStateNode][] {
  const children = isObj(node.states) ? Object.entries(node.states) : [];
  if (children.length === 0) return prefix === "" ? [] : [[prefix, node]];
  return children.flatMap(([key, child]) => (isObj(child) ? leaves(child, prefix === "" ? key : `${prefix}.${key}`) : []));
}

/** Every state node with its path (the root has path ""). */
function allNodes(node: JsonStateNode, prefix: string): [string, JsonStateNode][] {
  const children = isObj(node.states) ? Object.entries(node.states) : [];
  return [[prefix, node], ...children.flatMap(([key, child]) => (isObj(child) ? allNodes(child, prefix === "" ? key : `${prefix}.${key}`) : []))];
}

/** "#sender.synSent" (XState's target id) → "synSent", for a machine whose root id is `rootId`. */
function targetPath(target: string, rootId: string): string | undefined {
  const id = target.startsWith("#") ? target.slice(1) : target;
  if (id === rootId) return "";
  return id.startsWith(`${rootId}.`) ? id.slice(rootId.length + 1) : undefined;
}

/** The path of a node's initial child, if it has children and names one. */
function initialChild(node: JsonStateNode | undefined, rootId: string): string | undefined {
  const initial = node?.initial?.target;
  if (!node || !isObj(node.states) || Object.keys(node.states).length === 0 || !Array.isArray(initial) || typeof initial[0] !== "string") return undefined;
  return targetPath(initial[0], rootId);
}

/** The parent path of a state path ("" for a child of the root). */
export function parentPath(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(0, dot);
}

/** True when `path` is `ancestor` or lies inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** Every compound path that contains one of `leafIds` (parents first), for charts without a definition. */
function groupsOfPaths(leafIds: string[]): ChartGroup[] {
  const seen = new Set<string>();
  const groups: ChartGroup[] = [];
  for (const id of leafIds) {
    const parts = id.split(".");
    for (let k = 1; k < parts.length; k++) {
      const g = parts.slice(0, k).join(".");
      if (!seen.has(g)) {
        seen.add(g);
        groups.push({ id: g, initial: false });
      }
    }
  }
  return groups;
}

/** A chart from XState's `machine.toJSON()`, or undefined when `definition` is not one. */
export function chartFromDefinition(definition: unknown): Chart | undefined {
  if (!isObj(definition) || typeof definition.id !== "string") return undefined;
  const root = definition as unknown as JsonStateNode & { id: string };
  const rootId = root.id;
  const byPath = new Map(allNodes(root, ""));
  const leafList = leaves(root, "");
  if (leafList.length === 0) return undefined;
  const isInitial = (path: string): boolean => initialChild(byPath.get(parentPath(path)), rootId) === path;
  const states: ChartState[] = leafList.map(([path, node]) => ({ id: path, initial: isInitial(path), final: node.type === "final" }));
  const leafIds = new Set(leafList.map(([path]) => path));
  const groups: ChartGroup[] = [...byPath.keys()].filter((path) => path !== "" && !leafIds.has(path)).map((path) => ({ id: path, initial: isInitial(path) }));

  const transitions: ChartTransition[] = [];
  const seen = new Map<string, number>();
  for (const [path, node] of byPath) {
    // The root has no box: its transitions start at every leaf. Any other state is its own source.
    const sources = path === "" ? leafList.map(([leaf]) => leaf) : [path];
    for (const t of Array.isArray(node.transitions) ? node.transitions : []) {
      const targets = Array.isArray(t.target) ? t.target.filter((x): x is string => typeof x === "string") : [];
      if (targets.length === 0 || typeof t.eventType !== "string") continue; // targetless: actions only
      const dest = targetPath(targets[0], rootId);
      if (dest === undefined || dest === "") continue;
      const guard = typeof t.guard === "string" ? ` [${t.guard}]` : isObj(t.guard) && typeof t.guard.type === "string" ? ` [${t.guard.type}]` : "";
      const label = `${eventLabel(t.eventType)}${guard}`;
      for (const from of sources) {
        // The root's transition into a state does not leave that state: skip it there.
        if (path === "" && isWithin(from, dest)) continue;
        const key = `${from}->${dest}:${label}`;
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        transitions.push({ id: n === 0 ? key : `${key}#${n}`, from, to: dest, label, event: t.eventType });
      }
    }
  }
  return { machine: rootId, states, groups, transitions, fromDefinition: true };
}

/** A chart of what the run did: states entered and transitions taken. */
function chartFromEvents(machine: string, events: FsmEvent[]): Chart {
  const states = new Map<string, ChartState>();
  const transitions = new Map<string, ChartTransition>();
  for (const e of events) {
    if (!states.has(e.to)) states.set(e.to, { id: e.to, initial: e.from === "", final: false });
    if (e.from === "") continue;
    if (!states.has(e.from)) states.set(e.from, { id: e.from, initial: false, final: false });
    const label = eventLabel(e.event);
    const id = `${e.from}->${e.to}:${label}`;
    if (!transitions.has(id)) transitions.set(id, { id, from: e.from, to: e.to, label, event: e.event });
  }
  return { machine, states: [...states.values()], groups: groupsOfPaths([...states.keys()]), transitions: [...transitions.values()], fromDefinition: false };
}

/**
 * One chart per machine id, in the order the machines started. Several actors of the same
 * machine share its chart.
 */
export function chartsOf(trace: readonly TraceEvent[]): Chart[] {
  const byMachine = new Map<string, FsmEvent[]>();
  for (const e of fsmEvents(trace)) {
    const list = byMachine.get(e.machine) ?? [];
    list.push(e);
    byMachine.set(e.machine, list);
  }
  return [...byMachine].map(([machine, events]) => {
    const withDefinition = events.find((e) => e.definition !== undefined);
    const fromDef = withDefinition ? chartFromDefinition(withDefinition.definition) : undefined;
    return fromDef ? { ...fromDef, machine } : chartFromEvents(machine, events);
  });
}

/**
 * Where each machine is at the cursor: the last transition at or before it. The cursor is a
 * trace position (`seq`), or undefined for the end of the run.
 */
export function positionsAt(trace: readonly TraceEvent[], cursorSeq?: number): ChartPosition[] {
  const at = new Map<string, ChartPosition>();
  for (const e of fsmEvents(trace)) {
    const prev = at.get(e.machine);
    if (prev === undefined) at.set(e.machine, { machine: e.machine, state: undefined, last: undefined, entered: undefined });
    if (cursorSeq !== undefined && e.seq > cursorSeq) continue;
    const last = e.from === "" ? undefined : e;
    const entered = e.from === e.to && prev?.state === e.to ? prev.entered : last;
    at.set(e.machine, { machine: e.machine, state: e.to, last, entered });
  }
  return [...at.values()];
}

/** The trace position of the last event at or before virtual time `t` (for a time cursor). */
export function seqAtTime(trace: readonly TraceEvent[], t: number): number {
  let seq = -1;
  for (const e of trace) {
    if (e.t > t) break;
    seq = e.seq;
  }
  return seq;
}

/**
 * The caption of a machine at a position: its state and the transition that led there; a
 * self-transition (a retry re-entering its state, traced `from === to`) says so.
 */
export function positionText(machine: string, position: ChartPosition | undefined): string {
  if (position?.state === undefined) return `${machine}: not started yet`;
  const last = position.last;
  const entered = position.entered;
  const into = entered ? `${machine}: ${position.state} since ${entered.t} ms (${eventLabel(entered.event)})` : `${machine}: ${position.state} (initial state)`;
  return last && last !== entered ? `${into}, re-entered at ${last.t} ms (${eventLabel(last.event)})` : into;
}

/** The chart transition a recorded transition took, if the chart has it (a self-loop for a re-entry). */
export function transitionTaken(chart: Chart, e: FsmEvent | undefined): ChartTransition | undefined {
  if (!e) return undefined;
  // The trace names leaves; an arrow may start or end at a container around them. The innermost
  // source wins (XState picks the deepest state's transition first).
  const ends = chart.transitions.filter((t) => isWithin(e.from, t.from) && isWithin(e.to, t.to));
  const deepest = (list: ChartTransition[]) => list.sort((a, b) => b.from.length - a.from.length)[0];
  return deepest(ends.filter((t) => t.event === e.event)) ?? deepest(ends);
}
