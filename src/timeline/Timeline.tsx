// The timeline of one run: toolbar (zoom, playback, axis, filters, export), the diagnosis banner,
// the canvas, the cursor readout, the cancellation figures, the legend and the run in words.
// The model is built from the trace (pure), the scene from the model and the view options, and
// the controller draws; this component wires them together.

import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from "react";
import type { TraceEvent } from "../runtime/trace.ts";
import { useAfterPaint } from "./after-paint.ts";
import type { AxisMode } from "./axis.ts";
import { formatMs } from "./axis.ts";
import { SPEEDS } from "./controller.ts";
import { downloadChromeTrace, downloadPng, downloadSvg, fileStem } from "./export.ts";
import { ChannelFocus, ChannelPanel } from "./ChannelPanel.tsx";
import { summarizeChannels } from "./channels.ts";
import { formatCount } from "./count.ts";
import { EventLog } from "./EventLog.tsx";
import { describeEvent, describeTarget, lineOfEvent } from "./hit.ts";
import { Legend } from "./Legend.tsx";
import { buildTimeline, type TimelineOutcome } from "./model.ts";
import type { RowFilter } from "./rows.ts";
import { readPalette } from "./palette.ts";
import { prepareScene } from "./scene.ts";
import type { SegState } from "./states.ts";
import { diagnose, summarize } from "./summary.ts";
import { TimelineCanvas } from "./TimelineCanvas.tsx";
import { sceneToSvg } from "./svg-export.ts";
import { TextSizeSelect } from "./TextSize.tsx";
import { describeWaveTask } from "./wave.ts";
import { useSceneController } from "./use-controller.ts";
import { useTheme } from "./use-page.ts";
import { AxisSelect, ZoomButtons } from "./ViewControls.tsx";
import "./timeline.css";

export interface TimelineProps {
  trace: readonly TraceEvent[];
  /** The run's result once it has ended (a RunResult fits); refines deadlock and leak marks. */
  result?: TimelineOutcome;
  /** Events are still streaming in: keep fitting the whole run as it grows. */
  live?: boolean;
  /** A click on something with a source line (a blocked slice, a spawn, a stuck task). */
  onSelectLine?: (line: number) => void;
  /** Outline everything that happened at this source line. */
  highlightLine?: number;
  /** The cursor moved to another event (playback, stepping, scrubbing); `line` is the source line
   *  that event belongs to, when the trace says. */
  onCursor?: (t: number, seq: number, line: number | null) => void;
  /** The program's title: names the region and the downloads. */
  title?: string;
  /** The run was in explore mode (random task switches are not busy loops). */
  explore?: boolean;
}

export function Timeline({ trace, result, live = false, onSelectLine, highlightLine, onCursor, title, explore = false }: TimelineProps) {
  const id = useId();
  const theme = useTheme();
  const [mode, setMode] = useState<AxisMode>("hybrid");
  const [hideExited, setHideExited] = useState(false);
  const [onlyBlocked, setOnlyBlocked] = useState(false);
  const [showBuffers, setShowBuffers] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());

  // Build times are kept for the benchmark (bench/timeline-bench.ts).
  const built = useMemo(() => {
    const t0 = performance.now();
    const m = buildTimeline(trace, result, { explore });
    return { model: m, ms: performance.now() - t0 };
  }, [trace, result, explore]);
  const model = built.model;
  const filter = useMemo<RowFilter>(() => ({ collapsed, hideExited, onlyBlocked, showContexts: true, showBuffers }), [collapsed, hideExited, onlyBlocked, showBuffers]);
  const hasBuffers = useMemo(() => [...model.chans.values()].some((c) => c.fill !== null && c.fill.idx.length > 0), [model]);
  const prepared = useMemo(() => {
    const t0 = performance.now();
    const s = prepareScene(model, mode, filter);
    return { scene: s, ms: performance.now() - t0 };
  }, [model, mode, filter]);
  const scene = prepared.scene;
  const controller = useSceneController(scene, collapsed, { highlightLine, onCursor });
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  const diagnosis = useMemo(() => diagnose(model), [model]);
  // The words under the canvas (channel table, legend, the run in words) follow the model one
  // painted frame late, so a big run's picture does not wait for them (after-paint.ts).
  const current = useMemo(() => ({ model, waves: scene.waves }), [model, scene.waves]);
  const words = useAfterPaint(current, null);
  const channels = useMemo(() => (words === null ? [] : summarizeChannels(words.model)), [words]);
  const selectedChan = snap.selectedChan;
  // A buffered channel's story is its fill: show the buffer rows with it (however it was picked).
  useEffect(() => {
    if (selectedChan !== null && (model.chans.get(selectedChan)?.cap ?? 0) > 0) setShowBuffers(true);
  }, [selectedChan, model]);
  const selectChan = useCallback((chan: number | null) => controller.selectChan(chan), [controller]);
  const summary = useMemo(() => (words === null ? "" : summarize(words.model, words.waves)), [words]);
  const states = useMemo(() => {
    const s = new Set<SegState>();
    if (words !== null) for (const l of words.model.lanes) for (const seg of l.segments) s.add(seg.state);
    return s;
  }, [words]);

  useEffect(() => {
    controller.timings = { modelMs: built.ms, sceneMs: prepared.ms };
  }, [controller, built.ms, prepared.ms]);
  useEffect(() => {
    if (!live) controller.request();
  }, [controller, live]);

  const toggleCollapse = useCallback((task: number) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(task)) next.delete(task);
      else next.add(task);
      return next;
    });
  }, []);

  /** The canvas this timeline draws on, for the image exports. */
  const viewCanvas = (): HTMLCanvasElement | null =>
    document.querySelector<HTMLCanvasElement>(`[data-timeline-id="${CSS.escape(id)}"] canvas`);

  const selectAtCursor = (): void => {
    const hover = controller.hover;
    if (hover !== null) {
      const info = describeTarget(scene, hover);
      if (info.line !== null) onSelectLine?.(info.line);
      return;
    }
    if (snap.cursorIdx >= 0) {
      const line = lineOfEvent(scene, snap.cursorIdx);
      if (line !== null) onSelectLine?.(line);
    }
  };

  const jumpTo = (lane: number): void => {
    const task = model.lanes[lane].task;
    const row = scene.rowOfTask.get(task);
    if (row === undefined) return;
    controller.revealRow(row);
    controller.selectedTask = task;
    controller.request();
    const end = model.lanes[lane].end;
    if (end.kind === "stuck" && end.loc !== null) onSelectLine?.(end.loc.line);
  };

  const name = title ?? "run";
  const descId = `${id}-desc`;
  const readout = snap.cursorIdx >= 0 ? describeEvent(scene, snap.cursorIdx) : "";

  if (trace.length === 0) return null;
  return (
    <section className="timeline" role="region" aria-label={title ? `Timeline: ${title}` : "Timeline"}>
      <div className="timeline__toolbar" role="toolbar" aria-label="Timeline controls">
        <div className="timeline__group">
          <ZoomButtons controller={controller} zoomed={snap.zoomed} fitTitle="Show the whole run (0)" />
        </div>
        <div className="timeline__group">
          <button type="button" className="timeline__btn" onClick={() => controller.step(-1)} aria-label="Step back one event" title="Previous event (,)">
            ‹ Prev
          </button>
          <button type="button" className="timeline__btn timeline__btn--play" onClick={() => controller.togglePlay()} aria-label={snap.playing ? "Pause" : "Play"} title="Play / pause (space)">
            {snap.playing ? "‖ Pause" : "▶ Play"}
          </button>
          <button type="button" className="timeline__btn" onClick={() => controller.step(1)} aria-label="Step forward one event" title="Next event (.)">
            Next ›
          </button>
          <label className="timeline__field">
            <span className="timeline__sr">Playback speed</span>
            <select value={snap.speed} onChange={(e) => controller.setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="timeline__group">
          <AxisSelect mode={mode} onChange={setMode} />
          <TextSizeSelect controller={controller} />
          <label className="timeline__check">
            <input type="checkbox" checked={hideExited} onChange={(e) => setHideExited(e.target.checked)} /> Hide exited
          </label>
          <label className="timeline__check">
            <input type="checkbox" checked={onlyBlocked} onChange={(e) => setOnlyBlocked(e.target.checked)} /> Only blocked
          </label>
          {hasBuffers && (
            <label className="timeline__check">
              <input type="checkbox" checked={showBuffers} onChange={(e) => setShowBuffers(e.target.checked)} /> Buffers
            </label>
          )}
        </div>
        <div className="timeline__group timeline__group--end">
          <button type="button" className="timeline__btn" onClick={() => downloadChromeTrace(model.events, fileStem(name))} title="Chrome Trace Event JSON: open it in ui.perfetto.dev">
            Export trace
          </button>
          <button
            type="button"
            className="timeline__btn"
            onClick={() => {
              const canvas = viewCanvas();
              if (canvas !== null) {
                controller.drawNow();
                downloadPng(canvas, fileStem(name));
              }
            }}
            title="The view as a PNG image, for slides"
          >
            PNG
          </button>
          <button
            type="button"
            className="timeline__btn"
            onClick={() => {
              const canvas = viewCanvas();
              if (canvas === null) return;
              const svg = sceneToSvg(scene, controller.view, { width: controller.width, scale: controller.scale, palette: readPalette(canvas), cursorX: controller.cursorX, title: `Timeline of ${name}` });
              downloadSvg(svg, fileStem(name));
            }}
            title="The view as an SVG image (every row, sharp at any size), for slides"
          >
            SVG
          </button>
        </div>
      </div>

      {diagnosis !== null && (
        <div className={`timeline__diagnosis timeline__diagnosis--${diagnosis.kind}`}>
          <span className="timeline__diagnosis-icon" aria-hidden="true">
            {diagnosis.kind === "deadlock" ? "⊘" : "⚠"}
          </span>
          <span>{diagnosis.headline}</span>
          {diagnosis.lanes.slice(0, 6).map((li) => {
            const l = model.lanes[li];
            const e = l.end;
            const why = e.kind === "stuck" ? `${e.reason}${e.loc ? `, line ${e.loc.line}` : ""}` : e.kind === "exited" ? "ran on after main" : "still running";
            return (
              <button key={li} type="button" className="timeline__chip" onClick={() => jumpTo(li)} title="Show this lane and its line">
                {l.name} ({why})
              </button>
            );
          })}
          {diagnosis.lanes.length > 6 && <span>and {diagnosis.lanes.length - 6} more</span>}
        </div>
      )}
      {model.totalEvents > model.events.length && (
        <p className="timeline__note">
          This run recorded {formatCount(model.totalEvents)} events; the timeline shows the first {formatCount(model.events.length)}. Export the trace to see all of it in Perfetto.
        </p>
      )}

      <div data-timeline-id={id}>
        <TimelineCanvas
          controller={controller}
          rowCount={scene.rows.length}
          label={`Timeline of ${name}: ←/→ pan, +/− zoom, 0 fit, , and . step through events, n and p jump to the next block, close, cancel or leak (of the clicked task), space plays, Enter shows the line`}
          describedBy={descId}
          onSelectLine={onSelectLine}
          onToggleCollapse={toggleCollapse}
          onEnter={selectAtCursor}
        />
      </div>

      <p className="timeline__readout" aria-live="polite">
        {snap.cursorIdx >= 0 ? (
          <>
            <span className="timeline__readout-time">
              {formatMs(snap.cursorMs)} · event {snap.cursorIdx + 1}/{model.events.length}
            </span>{" "}
            {readout.replace(/^t=\S+ \S+ #\d+: /, "")}
          </>
        ) : (
          <span className="timeline__hint">Hover for details · click to show the line · drag or ←/→ to pan · Ctrl+wheel or +/− to zoom · click the time axis to place the cursor · ▶ plays the run</span>
        )}
      </p>

      <ChannelFocus channels={channels} selected={selectedChan} onSelect={selectChan} cursorIdx={snap.cursorIdx} onCursor={(i) => controller.cursorToEvent(i)} />

      {scene.waves.length > 0 && (
        <div className="timeline__waves">
          {scene.waves.map((w) => (
            <p key={w.cancelIdx}>
              <strong>
                ✕ {w.byDeadline ? "Deadline" : "Cancel"} at {formatMs(w.atMs)}
              </strong>{" "}
              ({w.err}) reached {w.contexts.length} context{w.contexts.length === 1 ? "" : "s"}: {w.tasks.map(describeWaveTask).join("; ") || "no task was listening"}.
            </p>
          ))}
        </div>
      )}

      <ChannelPanel channels={channels} selected={selectedChan} onSelect={selectChan} cursorIdx={snap.cursorIdx} onCursor={(i) => controller.cursorToEvent(i)} />
      <EventLog model={model} cursorIdx={snap.cursorIdx} onSelect={(i) => controller.cursorToEvent(i)} idPrefix={id} />
      {words !== null && <Legend theme={theme} states={states} />}
      <details className="timeline__words">
        <summary>The run in words</summary>
        <p id={descId}>{summary}</p>
      </details>
    </section>
  );
}
