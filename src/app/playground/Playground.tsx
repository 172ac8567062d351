// A runnable program: the code (highlighted until the first click, then Monaco), the controls,
// the outcome, the console and the task table. Every example and exercise of a lesson is one,
// and /play hosts one. The run itself happens in the sandbox worker; this component only turns
// the run machine's state into things to read and buttons to press.

import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { editor as MonacoEditor } from "monaco-editor/editor";
import type { Goal } from "../../lessons/types.ts";
import { LazyCodeEditor, preloadEditor } from "../../editor/LazyCodeEditor.tsx";
import { warmSandbox } from "../../sandbox/client.ts";
import { checkGoals } from "../../sandbox/expectations.ts";
import { MAX_SPEED, MIN_SPEED, type RunMode, type SignalName } from "../../sandbox/protocol.ts";
import type { WireRunResult, WireTraceEvent } from "../../sandbox/protocol.ts";
import { traceOf } from "../../sandbox/run-machine.ts";
import { GoalList } from "./GoalList.tsx";
import { OutputPanel } from "./OutputPanel.tsx";
import { consoleFromResult, consoleFromTrace, countAtOrBefore, markersOf, printSeqs, outcomeOf, tasksFromResult, tasksFromTrace, traceUpTo } from "./run-view.ts";
import { ShareControls } from "./ShareControls.tsx";
import { TaskTable } from "./TaskTable.tsx";
import { usePlaygroundCode } from "./usePlaygroundCode.ts";
import { useRun } from "./useRun.ts";
import { HuntButton } from "../../fsm/HuntButton.tsx";
import { LazyStatechart } from "../../fsm/LazyStatechart.tsx";
import "./playground.css";

export interface PlaygroundProgram {
  /** Unique on the site: names the saved edits and the editor model, e.g. "example-leaky-timeout". */
  key: string;
  title: string;
  /** The code the playground starts from (and Reset returns to). */
  source: string;
  /** Highlighted HTML of `source` (from the lesson build), shown until the editor loads. */
  html?: string;
  seed: number;
  signals: { at: number; name: string }[];
  /** Start in live (paced) mode. */
  live: boolean;
  /** Exercise goals, checked after each run. */
  goals?: Goal[];
  /** Run in the runtime's explore mode (the seed picks an interleaving). */
  explore?: boolean;
  /** Offer "Run until it fails" (`hunt=true`: the bug depends on the schedule). */
  hunt?: boolean;
}

export interface PlaygroundProps {
  program: PlaygroundProgram;
  /** Wraps the code area, e.g. in the TypeScript/Go tabs of a lesson block. */
  renderCode?: (code: ReactNode) => ReactNode;
  /** Called once per finished run whose exercise goals all pass (course progress). */
  onGoalsMet?: () => void;
  /** Extra content under the goals (hints, the solution). Receives a way to load code. */
  children?: (api: { loadCode(code: string): void }) => ReactNode;
}

// The timeline loads with the first run: reading a lesson does not pay for it.
const Timeline = lazy(() => import("../../timeline/Timeline.tsx").then((m) => ({ default: m.Timeline })));
const CompareTimelines = lazy(() => import("../../timeline/CompareTimelines.tsx").then((m) => ({ default: m.CompareTimelines })));

/** A finished run kept to compare the next runs with (in memory: a reload forgets it). */
interface KeptRun {
  runId: number;
  seed: number;
  source: string;
  trace: WireTraceEvent[];
  result: WireRunResult | undefined;
}

const SPEEDS = [0.25, 0.5, 1, 2, 4].filter((s) => s >= MIN_SPEED && s <= MAX_SPEED);

function randomSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}

export function Playground({ program, renderCode = (c) => c, onGoalsMet, children }: PlaygroundProps) {
  const id = useId();
  const { code, modified, setCode, reset, replace } = usePlaygroundCode(program.key, program.source);
  const { actor, status, context } = useRun();
  const [editorWanted, setEditorWanted] = useState(false);
  const [seed, setSeed] = useState(program.seed);
  const [mode, setMode] = useState<RunMode>(program.live ? "paced" : "instant");
  const [speed, setSpeed] = useState(1);
  // The timeline's cursor (statechart, console, editor line); it belongs to the run it was set in.
  const [cursor, setCursor] = useState<{ runId: number; seq: number; t: number; line: number | null } | undefined>(undefined);
  const [confirmReset, setConfirmReset] = useState(false);
  const [undoCode, setUndoCode] = useState<string | undefined>(undefined);
  const [kept, setKept] = useState<KeptRun | undefined>(undefined);
  const runButton = useRef<HTMLButtonElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);

  const active = status === "compiling" || status === "running" || status === "paced" || status === "awaitingSignal";
  const live = status === "paced" || status === "awaitingSignal";

  /** Runs the current code; `withSeed` runs with that seed (and makes it the field's value). */
  const run = useCallback(
    (withSeed?: number) => {
      const runSeed = withSeed ?? seed;
      if (withSeed !== undefined) setSeed(withSeed);
      // A live run waits for the learner to press Send SIGTERM; scheduled signals are for instant runs.
      const signals = mode === "paced" ? [] : program.signals;
      actor.send({ type: "RUN", request: { source: code, seed: runSeed, mode, speed, signals, explore: program.explore ?? false } });
    },
    [actor, code, seed, mode, speed, program.signals, program.explore],
  );
  const stop = () => actor.send({ type: "STOP" });
  const sendSignal = (name: SignalName) => actor.send({ type: "SEND_SIGNAL", name });

  const outcome = outcomeOf(status, context);
  const markers = useMemo(() => markersOf(status, context), [status, context]);
  const trace = useMemo(() => traceOf(context), [context]);
  const consoleLines = useMemo(() => (context.result ? consoleFromResult(context.result) : consoleFromTrace(trace)), [context.result, trace]);
  const runCursor = cursor?.runId === context.runId ? cursor : undefined;
  // The task table follows the timeline's cursor: the tasks as they were at that event.
  const cursorSeq = runCursor?.seq;
  const tasks = useMemo(
    () => (cursorSeq !== undefined ? tasksFromTrace(traceUpTo(trace, cursorSeq)) : context.result ? tasksFromResult(context.result) : tasksFromTrace(trace)),
    [context.result, trace, cursorSeq],
  );
  const logSeqs = useMemo(() => printSeqs(trace), [trace]);
  const reachedLines = runCursor === undefined ? undefined : countAtOrBefore(logSeqs, runCursor.seq, (s) => s);
  const goalChecks = useMemo(() => (program.goals && context.result ? checkGoals(program.goals, context.result) : undefined), [program.goals, context.result]);

  const goalsMet = goalChecks !== undefined && goalChecks.length > 0 && goalChecks.every((c) => c.passed);
  const reportedRun = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!goalsMet || reportedRun.current === context.runId) return;
    reportedRun.current = context.runId;
    onGoalsMet?.();
  }, [goalsMet, context.runId, onGoalsMet]);

  // The editor's cursor line: the timeline outlines what that line did.
  const [editorLine, setEditorLine] = useState<number | undefined>(undefined);

  // An undo offer lasts until the next edit.
  useEffect(() => {
    if (undoCode !== undefined && code !== program.source) setUndoCode(undefined);
  }, [code, program.source, undoCode]);

  const loadCode = useCallback((next: string) => replace(next), [replace]);
  const showLine = useCallback((line: number) => {
    const editor = editorRef.current;
    if (!editor) {
      setEditorWanted(true);
      return;
    }
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column: 1 });
    editor.focus();
  }, []);

  // Comparing: the kept run (A) above the latest (B), once B has events.
  const request = context.request;
  const ended = !active && trace.length > 0 && request !== undefined;
  const keep = (): void => {
    if (request !== undefined) setKept({ runId: context.runId, seed: request.seed, source: request.source, trace, result: context.result });
  };
  const comparing = kept !== undefined && kept.runId !== context.runId && trace.length > 0 && request !== undefined ? { kept, request } : undefined;
  const edited = comparing !== undefined && comparing.kept.source !== comparing.request.source;

  const warm = () => {
    warmSandbox();
  };

  return (
    <div className="playground" onPointerEnter={warm} onFocus={warm}>
      {renderCode(
        <LazyCodeEditor
          value={code}
          onChange={setCode}
          onRun={() => run()}
          onEscape={() => runButton.current?.focus()}
          markers={markers}
          label={`Code: ${program.title}`}
          modelName={program.key}
          html={code === program.source ? program.html : undefined}
          active={editorWanted}
          onActivate={() => setEditorWanted(true)}
          currentLine={runCursor?.line ?? undefined}
          onReady={(e) => {
            editorRef.current = e;
            e.onDidChangeCursorPosition((event) => setEditorLine(event.position.lineNumber));
          }}
        />,
      )}

      <div className="playground__bar">
        <div className="playground__actions">
          <button ref={runButton} type="button" className="button button--primary" onClick={() => run()}>
            Run
          </button>
          <button type="button" className="button" onClick={stop} disabled={!active}>
            Stop
          </button>
          {program.hunt && <HuntButton source={code} seed={seed} signals={program.signals} goals={program.goals} onFound={(s) => run(s)} />}
          {!editorWanted && (
            <button type="button" className="button button--quiet" onPointerEnter={preloadEditor} onClick={() => setEditorWanted(true)}>
              Edit
            </button>
          )}
          {modified && !confirmReset && (
            <button type="button" className="button button--quiet" onClick={() => setConfirmReset(true)}>
              Reset
            </button>
          )}
          {modified && (
            <span className="badge playground__modified" title="Your edits are saved in this browser">
              Edited
            </span>
          )}
          {editorWanted && <span className="playground__keys">Ctrl+Enter runs · Esc leaves the editor</span>}
        </div>
        <ShareControls code={code} />
      </div>

      {confirmReset && (
        <div className="playground__notice" role="alertdialog" aria-labelledby={`${id}-reset`}>
          <span id={`${id}-reset`}>Discard your edits and go back to the lesson’s code?</span>
          <button
            type="button"
            className="button"
            autoFocus
            onClick={() => {
              setUndoCode(reset());
              setConfirmReset(false);
            }}
          >
            Discard edits
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirmReset(false)}>
            Keep editing
          </button>
        </div>
      )}
      {undoCode !== undefined && !modified && (
        <div className="playground__notice">
          <span>Back to the lesson’s code.</span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              replace(undoCode);
              setUndoCode(undefined);
            }}
          >
            Undo
          </button>
        </div>
      )}

      <details className="playground__options">
        <summary>Run options</summary>
        <div className="playground__option-row">
          <label className="playground__field">
            Seed
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={seed}
              onChange={(e) => {
                const n = Number.parseInt(e.target.value, 10);
                if (Number.isSafeInteger(n)) setSeed(n);
              }}
            />
          </label>
          <button type="button" className="button button--quiet" onClick={() => setSeed(randomSeed())}>
            New seed
          </button>
          <fieldset className="playground__mode">
            <legend>Mode</legend>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === "instant"} onChange={() => setMode("instant")} /> Instant
            </label>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === "paced"} onChange={() => setMode("paced")} /> Live
            </label>
          </fieldset>
          {mode === "paced" && (
            <label className="playground__field">
              Speed
              <select
                value={speed}
                onChange={(e) => {
                  const next = Number(e.target.value);
                  setSpeed(next);
                  // A live run under way follows the new speed at once (the run machine ignores it otherwise).
                  actor.send({ type: "SET_SPEED", speed: next });
                }}
              >
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </details>
      {mode === "paced" && (
        <div className="playground__signals">
          <button type="button" className="button" disabled={!live} onClick={() => sendSignal("SIGINT")}>
            Send SIGINT
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => sendSignal("SIGTERM")}>
            Send SIGTERM
          </button>
        </div>
      )}

      <div role="status" className={`playground__status playground__status--${outcome.kind}`} data-run={context.runId} data-state={status}>
        <span className="playground__status-word">{statusWord(outcome.kind)}</span> {outcome.headline}
      </div>
      {outcome.report && <pre className="playground__report">{outcome.report}</pre>}

      {goalChecks && <GoalList checks={goalChecks} />}
      {children?.({ loadCode })}

      <OutputPanel lines={consoleLines} reached={reachedLines} />

      {/* The picture of the run, and the task table as its text alternative. */}
      <div className="playground__timeline">
        {ended && kept === undefined && (
          <div className="playground__compare" role="group" aria-label="Compare runs">
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                keep();
                run(request.seed + 1);
              }}
            >
              Compare with seed {request.seed + 1}
            </button>
            <button type="button" className="button button--quiet" onClick={keep} title="Then edit the code or change the seed, and run again: both runs are drawn one above the other">
              Keep this run to compare
            </button>
          </div>
        )}
        {kept !== undefined && comparing === undefined && (
          <div className="playground__compare" role="group" aria-label="Compare runs">
            <span>
              Run A (seed {kept.seed}) is kept. Run again — with another seed, or after an edit — to see both runs one above the other.
            </span>
            <button type="button" className="button button--quiet" onClick={() => setKept(undefined)}>
              Stop comparing
            </button>
          </div>
        )}
        {comparing !== undefined ? (
          <Suspense fallback={null}>
            <CompareTimelines
              a={{
                label: `seed ${comparing.kept.seed}${edited ? ", before edit" : ""}`,
                trace: comparing.kept.trace,
                result: comparing.kept.result,
                onSelectLine: comparing.kept.source === code ? showLine : undefined,
                highlightLine: comparing.kept.source === code ? editorLine : undefined,
              }}
              b={{
                label: `seed ${comparing.request.seed}${edited ? ", after edit" : ""}`,
                trace,
                result: context.result,
                live: active,
                onSelectLine: comparing.request.source === code ? showLine : undefined,
                highlightLine: comparing.request.source === code ? editorLine : undefined,
                onCursor: (t, seq, line) => setCursor({ runId: context.runId, seq, t, line }),
              }}
              title={program.title}
              explore={program.explore}
              onStop={() => setKept(undefined)}
            />
          </Suspense>
        ) : trace.length > 0 ? (
          <Suspense fallback={null}>
            <Timeline
              trace={trace}
              result={context.result}
              live={active}
              onSelectLine={showLine}
              highlightLine={editorLine}
              onCursor={(t, seq, line) => setCursor({ runId: context.runId, seq, t, line })}
              title={program.title}
              explore={program.explore}
            />
          </Suspense>
        ) : null}
        <LazyStatechart trace={trace} cursorSeq={runCursor?.seq} />
        <TaskTable rows={tasks} onShowLine={showLine} atMs={runCursor?.t} />
      </div>
    </div>
  );
}

function statusWord(kind: ReturnType<typeof outcomeOf>["kind"]): string {
  switch (kind) {
    case "idle":
      return "";
    case "busy":
      return "⋯";
    case "ok":
      return "✓ ok";
    case "leaks":
      return "⚠ leaks";
    case "deadlock":
      return "✗ deadlock";
    case "panic":
      return "✗ panic";
    case "limit":
      return "⚠ limit";
    case "signal":
      return "⚑ signal";
    case "killed":
      return "■ stopped";
    case "compile-error":
      return "✗ compile error";
  }
}
