// Two runs one above the other — a kept run (A) and the latest (B) — on one time axis: the same
// virtual ms is at the same x in both, and zooming, panning, the cursor and playback in either
// move both. Above them, how each ended and what differs, in words.

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { formatMs, timeAtX, type AxisMode } from "./axis.ts";
import { describeDifferences, endingOf, partingEvent, runHeadline, sharedScenes, type ComparedEnd, type ComparedRun, type Ending } from "./compare.ts";
import { linkViews, stepBoth } from "./compare-link.ts";
import type { TimelineController } from "./controller.ts";
import { describeEvent, describeTarget, lineOfEvent } from "./hit.ts";
import { ChannelFocus, ChannelPanel } from "./ChannelPanel.tsx";
import { summarizeChannels } from "./channels.ts";
import { EventLog } from "./EventLog.tsx";
import { Legend } from "./Legend.tsx";
import { buildTimeline, type TimelineModel } from "./model.ts";
import { DEFAULT_FILTER, type RowFilter } from "./rows.ts";
import { nameColumnWidth, type PreparedScene } from "./scene.ts";
import type { SegState } from "./states.ts";
import { summarize } from "./summary.ts";
import type { TimelineProps } from "./Timeline.tsx";
import { TextSizeSelect } from "./TextSize.tsx";
import { TimelineCanvas } from "./TimelineCanvas.tsx";
import { useSceneController } from "./use-controller.ts";
import { useTheme } from "./use-page.ts";
import { AxisSelect, ZoomButtons } from "./ViewControls.tsx";
import "./timeline.css";
import "./compare.css";

/** One run as the playground has it; the callbacks are Timeline's (leave onSelectLine out when
 *  the editor holds other code than the run's). */
export interface CompareRunInput extends Pick<TimelineProps, "trace" | "live" | "onSelectLine" | "highlightLine" | "onCursor"> {
  /** How this run is told apart: "seed 1", "seed 1, before edit". */
  label: string;
  /** The run's result once it has ended (a RunResult fits). */
  result?: ComparedEnd;
}

export interface CompareTimelinesProps {
  /** The kept run, drawn on top. */
  a: CompareRunInput;
  /** The latest run, drawn under it. */
  b: CompareRunInput;
  /** The program's title: names the region. */
  title?: string;
  /** Both runs were in explore mode (random task switches are not busy loops). */
  explore?: boolean;
  onStop(): void;
}

function useFilter(): [RowFilter, (task: number) => void] {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const filter = useMemo<RowFilter>(() => ({ ...DEFAULT_FILTER, collapsed }), [collapsed]);
  const toggle = (task: number): void =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(task)) next.add(task);
      return next;
    });
  return [filter, toggle];
}


export function CompareTimelines({ a, b, title, explore = false, onStop }: CompareTimelinesProps) {
  const id = useId();
  const theme = useTheme();
  const [mode, setMode] = useState<AxisMode>("hybrid");
  const [filterA, toggleA] = useFilter();
  const [filterB, toggleB] = useFilter();
  // The pointer over one run (axis units): the other run marks the same moment.
  const [hover, setHover] = useState<{ over: "A" | "B"; x: number } | null>(null);
  const modelA = useMemo(() => buildTimeline(a.trace, a.result, { explore }), [a.trace, a.result, explore]);
  const modelB = useMemo(() => buildTimeline(b.trace, b.result, { explore }), [b.trace, b.result, explore]);
  const [sceneA, sceneB] = useMemo(() => sharedScenes(modelA, modelB, mode, [filterA, filterB]), [modelA, modelB, mode, filterA, filterB]);
  const ctlA = useSceneController(sceneA, filterA.collapsed, a);
  const ctlB = useSceneController(sceneB, filterB.collapsed, b);
  useEffect(() => linkViews(ctlA, ctlB), [ctlA, ctlB]);
  // One Text size for both (the select drives A; B follows, so their rows and axes stay aligned).
  const scaleA = useSyncExternalStore(ctlA.subscribe, () => ctlA.getSnapshot().scale, () => 1);
  useEffect(() => ctlB.setTextSize(ctlA.textSize), [ctlA, ctlB, scaleA]);

  const runA = useMemo<ComparedRun>(() => ({ name: "A", model: modelA, result: a.result, running: a.live }), [modelA, a.result, a.live]);
  const runB = useMemo<ComparedRun>(() => ({ name: "B", model: modelB, result: b.result, running: b.live }), [modelB, b.result, b.live]);
  const differences = useMemo(() => describeDifferences(runA, runB), [runA, runB]);
  const parting = useMemo(() => partingEvent(modelA, modelB), [modelA, modelB]);
  const states = useMemo(() => {
    const s = new Set<SegState>();
    for (const m of [modelA, modelB]) for (const l of m.lanes) for (const seg of l.segments) s.add(seg.state);
    return s;
  }, [modelA, modelB]);

  // Playback runs on the longer run's controller (its pace is set by its length); the other follows.
  const lead = modelB.endMs > modelA.endMs ? ctlB : ctlA;
  const leadSnap = useSyncExternalStore(lead.subscribe, lead.getSnapshot, lead.getSnapshot);
  /** The next or previous event of either run, in time order; the other run's cursor follows. */
  const step = (dir: 1 | -1): void => {
    const ctls = [ctlA, ctlB];
    const to = stepBoth([sceneA, sceneB].map((s) => ({ pos: s.axis.pos, count: s.model.events.length })), ctlA.cursorX, dir);
    if (to !== null) ctls[to.run].cursorToEvent(to.idx);
  };

  return (
    <section className="timeline compare" role="region" aria-label={title ? `Two runs compared: ${title}` : "Two runs compared"}>
      <div className="timeline__toolbar" role="toolbar" aria-label="Comparison controls">
        <p className="compare__title">
          <strong>Two runs, one time axis</strong>
        </p>
        <div className="timeline__group">
          <ZoomButtons controller={ctlA} zoomed={leadSnap.zoomed} fitTitle="Show both runs whole (0)" />
          <button type="button" className="timeline__btn" onClick={() => step(-1)} aria-label="Step back one event (either run)" title="Previous event of either run">
            ‹ Prev
          </button>
          <button type="button" className="timeline__btn timeline__btn--play" onClick={() => lead.togglePlay()} aria-label={leadSnap.playing ? "Pause" : "Play"} title="Play both runs in step (space)">
            {leadSnap.playing ? "‖ Pause" : "▶ Play"}
          </button>
          <button type="button" className="timeline__btn" onClick={() => step(1)} aria-label="Step forward one event (either run)" title="Next event of either run">
            Next ›
          </button>
          <AxisSelect mode={mode} onChange={setMode} />
          <TextSizeSelect controller={ctlA} />
        </div>
        <div className="timeline__group timeline__group--end">
          <button type="button" className="timeline__btn" onClick={onStop} title="Forget the kept run and show only the latest">
            Stop comparing
          </button>
        </div>
      </div>

      <ul className="compare__differences" aria-label="What differs">
        {differences.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      {parting !== null && (
        <p className="compare__actions">
          {/* The cursor goes to A's first event that B did not do alike; B follows in time. */}
          <button type="button" className="timeline__btn" onClick={() => ctlA.cursorToEvent(parting)}>
            Show where the runs part
          </button>
        </p>
      )}

      {(["A", "B"] as const).map((letter) => (
        <CompareRun
          key={letter}
          letter={letter}
          run={letter === "A" ? a : b}
          compared={letter === "A" ? runA : runB}
          scene={letter === "A" ? sceneA : sceneB}
          controller={letter === "A" ? ctlA : ctlB}
          onToggleCollapse={letter === "A" ? toggleA : toggleB}
          ghostX={hover !== null && hover.over !== letter ? hover.x : null}
          onHover={(x) => setHover(x === null ? null : { over: letter, x })}
          idPrefix={`${id}-${letter.toLowerCase()}`}
        />
      ))}

      <Legend theme={theme} states={states} />
    </section>
  );
}

interface CompareRunProps {
  letter: "A" | "B";
  run: CompareRunInput;
  compared: ComparedRun;
  scene: PreparedScene;
  controller: TimelineController;
  onToggleCollapse(task: number): void;
  /** The moment the pointer is at over the other run (axis units), to mark here; null: none. */
  ghostX: number | null;
  onHover(x: number | null): void;
  idPrefix: string;
}

function CompareRun({ letter, run, compared, scene, controller, onToggleCollapse, ghostX, onHover, idPrefix }: CompareRunProps) {
  const canvasBox = useRef<HTMLDivElement>(null);
  const hoverAt = (clientX: number): void => {
    const canvas = canvasBox.current?.querySelector("canvas");
    if (!canvas) return;
    const layoutX = (clientX - canvas.getBoundingClientRect().left) / controller.scale;
    onHover(layoutX > nameColumnWidth(controller.width) ? controller.xAt(layoutX) : null);
  };
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  const model = scene.model;
  const headline = runHeadline(compared);
  // Not per cursor move: a big run's description takes a while to write.
  const words = useMemo(() => summarize(model, scene.waves), [model, scene.waves]);
  const channels = useMemo(() => summarizeChannels(model), [model]);
  const toEvent = (i: number): void => controller.cursorToEvent(i);
  const selectChan = (chan: number | null): void => controller.selectChan(chan);
  const labelId = `${idPrefix}-label`;
  const descId = `${idPrefix}-desc`;

  const selectAtCursor = (): void => {
    const hover = controller.hover;
    const line = hover !== null ? describeTarget(scene, hover).line : snap.cursorIdx >= 0 ? lineOfEvent(scene, snap.cursorIdx) : null;
    if (line !== null) run.onSelectLine?.(line);
  };

  return (
    <div className={`compare__run compare__run--${letter.toLowerCase()}`} role="group" aria-labelledby={labelId} data-run={letter}>
      <p className="compare__label" id={labelId}>
        <span className="compare__letter" aria-hidden="true">
          {letter}
        </span>
        <span className="timeline__sr">Run {letter}:</span> <span className="compare__name">{run.label}</span> — <strong className={`compare__outcome compare__outcome--${OUTCOME_CLASS[endingOf(compared)]}`}>{headline}</strong>
      </p>
      <div
        ref={canvasBox}
        className="compare__canvas"
        onPointerMove={(e) => hoverAt(e.clientX)}
        // After a wheel zoom the pointer stands on another moment (the canvas has zoomed by then).
        onWheel={(e) => hoverAt(e.clientX)}
        onPointerLeave={() => onHover(null)}
      >
        <TimelineCanvas
          controller={controller}
          rowCount={scene.rows.length}
          label={`Run ${letter}, ${run.label}: ${headline}. ←/→ pan, +/− zoom, 0 fit (both runs move together), , and . step through this run's events, space plays, Enter shows the line`}
          describedBy={descId}
          onSelectLine={run.onSelectLine}
          onToggleCollapse={onToggleCollapse}
          onEnter={selectAtCursor}
        />
        {ghostX !== null && <Ghost controller={controller} scene={scene} x={ghostX} />}
      </div>
      <p className="timeline__readout compare__readout">{readout(scene, model, snap.cursorIdx, snap.cursorMs)}</p>
      {/* The same words and channel view as a single run's timeline, per run; the cursor they move is shared. */}
      <ChannelFocus channels={channels} selected={snap.selectedChan} onSelect={selectChan} cursorIdx={snap.cursorIdx} onCursor={toEvent} />
      <ChannelPanel channels={channels} selected={snap.selectedChan} onSelect={selectChan} cursorIdx={snap.cursorIdx} onCursor={toEvent} />
      <EventLog model={model} cursorIdx={snap.cursorIdx} onSelect={toEvent} idPrefix={idPrefix} />
      <p id={descId} hidden>
        {words}
      </p>
    </div>
  );
}

/** A dashed line at the moment the pointer is at over the other run, with its time. */
function Ghost({ controller, scene, x }: { controller: TimelineController; scene: PreparedScene; x: number }) {
  const { view, width, scale } = controller;
  const nameW = nameColumnWidth(width);
  const px = nameW + ((x - view.x0) * (width - nameW)) / (view.x1 - view.x0);
  if (px < nameW || px > width) return null;
  return (
    <div className="compare__ghost" style={{ left: `${px * scale + 1}px` }} aria-hidden="true">
      <span>{formatMs(timeAtX(scene.axis, x))}</span>
    </div>
  );
}

const OUTCOME_CLASS: Record<Ending, string> = { ok: "ok", leaks: "leak", deadlock: "bad", panic: "bad", limit: "bad", signal: "neutral", stopped: "neutral", running: "neutral" };

/** What this run was doing at the cursor's time (or that it had ended by then). */
function readout(scene: PreparedScene, model: TimelineModel, cursorIdx: number, cursorMs: number): string {
  if (cursorIdx < 0) return "Hover for details · drag or ←/→ moves both runs · click the time axis for a cursor";
  const last = model.events[model.events.length - 1];
  if (last !== undefined && cursorMs > last.t) return `${formatMs(cursorMs)} · this run had no more events after ${formatMs(last.t)}`;
  return `${formatMs(cursorMs)} · ${describeEvent(scene, cursorIdx).replace(/^t=\S+ \S+ #\d+: /, "")}`;
}
