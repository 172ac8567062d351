// The statechart view: each state machine of a run drawn as boxes and arrows (laid out by ELK),
// the active state at the timeline's cursor highlighted, the arrow that led there marked. It
// only reads the trace (`fsm.transition` events); it knows nothing of the runtime or XState.
// Loaded lazily (LazyStatechart.tsx): ELK is big and most runs have no state machine.

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TraceEvent } from "../runtime/trace.ts";
import { GROUP_LABEL_H, layoutChart, LABEL_FONT_PX, NODE_FONT_PX, shortName, type ChartLayout } from "./chart-layout.ts";
import { chartsOf, isWithin, parentPath, positionsAt, positionText, transitionTaken, type Chart, type ChartPosition } from "./chart-model.ts";
import "./statechart.css";

export interface StatechartProps {
  trace: readonly TraceEvent[];
  /** Trace position (seq) of the timeline's cursor; undefined shows the end of the run. */
  cursorSeq?: number;
}

export default function Statechart({ trace, cursorSeq }: StatechartProps) {
  const charts = useMemo(() => chartsOf(trace), [trace]);
  const positions = useMemo(() => positionsAt(trace, cursorSeq), [trace, cursorSeq]);
  if (charts.length === 0) return null;
  return (
    <section className="statechart" aria-label="Statechart">
      {charts.map((chart) => (
        <MachineChart key={chart.machine} chart={chart} position={positions.find((p) => p.machine === chart.machine)} />
      ))}
    </section>
  );
}

/** Identifies a chart's shape, so a new trace of the same machine keeps its layout. */
function shapeKey(chart: Chart): string {
  return JSON.stringify([chart.states.map((s) => s.id), chart.groups.map((g) => g.id), chart.transitions.map((t) => t.id)]);
}

/** UML's initial pseudostate: a dot with an arrow into the first state, left of the box at (x, y). */
function InitialMark({ x, y, markerId }: { x: number; y: number; markerId: string }) {
  return (
    <g className="statechart__initial" aria-hidden="true">
      <circle cx={x - 16} cy={y} r={4} />
      <line x1={x - 12} y1={y} x2={x - 1} y2={y} markerEnd={`url(#${markerId})`} />
    </g>
  );
}

function MachineChart({ chart, position }: { chart: Chart; position: ChartPosition | undefined }) {
  const key = shapeKey(chart);
  const [layout, setLayout] = useState<{ key: string; layout: ChartLayout } | { key: string; error: string } | undefined>(undefined);
  const markerId = `${useId().replace(/:/g, "")}-arrow`;

  useEffect(() => {
    let live = true;
    layoutChart(chart).then(
      (l) => live && setLayout({ key, layout: l }),
      (e: unknown) => live && setLayout({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // The chart object changes with every trace batch; its shape (key) is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const taken = transitionTaken(chart, position?.last);
  const groupIds = new Set(chart.groups.map((g) => g.id));
  const text = positionText(chart.machine, position);
  const current = layout?.key === key ? layout : undefined;

  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const drawnWidth = current !== undefined && "layout" in current ? current.layout.width : 0;
  useLayoutEffect(() => {
    const el = box.current;
    if (el === null) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [drawnWidth]);

  return (
    <figure className="statechart__machine">
      <figcaption className="statechart__caption" aria-live="polite">
        {text}
        {!chart.fromDefinition && <span className="statechart__note"> · drawn from the transitions this run took</span>}
      </figcaption>
      {current === undefined && <p className="statechart__pending">Laying out the chart…</p>}
      {current !== undefined && "error" in current && <p className="statechart__pending">The chart could not be laid out: {current.error}</p>}
      {current !== undefined && "layout" in current && (
        // A chart wider than its box scrolls sideways (the caption stays); then the box takes focus, so arrow keys scroll it.
        <div className="statechart__scroll" ref={box} tabIndex={scrolls ? 0 : undefined} role={scrolls ? "group" : undefined} aria-label={scrolls ? `${chart.machine}, scrolls sideways` : undefined}>
          <svg
            className="statechart__svg"
            viewBox={`0 0 ${current.layout.width} ${current.layout.height}`}
            width={current.layout.width}
            height={current.layout.height}
            role="img"
            aria-label={`State machine ${chart.machine}: states ${chart.states.map((s) => s.id).join(", ")}; ${text}`}
          >
            <defs>
              <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="statechart__arrowhead" />
              </marker>
            </defs>
            {current.layout.groups.map((g) => {
              const group = chart.groups.find((x) => x.id === g.id);
              // A compound state is active while any state inside it is: the path to the active leaf is outlined.
              const active = position?.state !== undefined && isWithin(position.state, g.id);
              return (
                <g key={g.id} className={active ? "statechart__group statechart__group--active" : "statechart__group"} data-group={g.id} data-active={active ? "true" : undefined}>
                  <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={14} />
                  {group?.initial && <InitialMark x={g.x} y={g.y + GROUP_LABEL_H / 2 + 2} markerId={markerId} />}
                  <text x={g.x + 12} y={g.y + GROUP_LABEL_H / 2 + 2 + NODE_FONT_PX * 0.35} fontSize={NODE_FONT_PX} className="statechart__group-name">
                    {shortName(g.id, groupIds.has(parentPath(g.id)))}
                  </text>
                </g>
              );
            })}
            {current.layout.edges.map((e) => {
              const isTaken = taken?.id === e.id;
              return (
                <g key={e.id} className={isTaken ? "statechart__edge statechart__edge--taken" : "statechart__edge"} data-edge={e.id}>
                  <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" markerEnd={`url(#${markerId})`} />
                  {e.label && (
                    <text x={e.label.x + 3} y={e.label.y + e.label.height - 4} fontSize={LABEL_FONT_PX} className="statechart__label">
                      {e.label.text}
                    </text>
                  )}
                </g>
              );
            })}
            {current.layout.nodes.map((n) => {
              const state = chart.states.find((s) => s.id === n.id);
              const active = position?.state === n.id;
              const name = shortName(n.id, groupIds.has(parentPath(n.id)));
              const classes = ["statechart__state", active ? "statechart__state--active" : "", state?.final ? "statechart__state--final" : ""].filter(Boolean).join(" ");
              return (
                <g key={n.id} className={classes} data-state={n.id} data-active={active ? "true" : undefined}>
                  <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={10} />
                  {state?.initial && <InitialMark x={n.x} y={n.y + n.height / 2} markerId={markerId} />}
                  <text x={n.x + n.width / 2} y={n.y + n.height / 2 + NODE_FONT_PX * 0.35} fontSize={NODE_FONT_PX} textAnchor="middle">
                    {active ? `● ${name}` : name}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      )}
    </figure>
  );
}
