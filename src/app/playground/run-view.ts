// What the playground shows of a run, as pure functions of the trace and the result: the console
// (virtual time, task name, text), the task table (the accessible text view of the run), the
// outcome line, and the markers for the editor. While a run streams, everything comes from the
// trace received so far; once it ends, from the RunResult.

import type { EditorMarker } from "../../editor/editor-types.ts";
import type { WireRunResult, WireTraceEvent } from "../../sandbox/protocol.ts";
import type { RunContext, RunStatus } from "../../sandbox/run-machine.ts";

export interface ConsoleLine {
  t: number;
  task: string;
  text: string;
}

export interface TaskRow {
  id: number;
  name: string;
  parent: string;
  state: string;
  waitReason: string;
  line: number | undefined;
}

export type OutcomeKind = "idle" | "busy" | "ok" | "leaks" | "deadlock" | "panic" | "limit" | "signal" | "killed" | "compile-error";

export interface OutcomeView {
  kind: OutcomeKind;
  /** One sentence for the status line. */
  headline: string;
  /** Go-style report (panic, deadlock dump, leaks), shown in a <pre>. */
  report: string;
}

function taskNames(trace: readonly WireTraceEvent[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const e of trace) if (e.kind === "task.spawn") names.set(e.task, e.name);
  return names;
}

/** Console lines from a trace's `log` events. */
export function consoleFromTrace(trace: readonly WireTraceEvent[]): ConsoleLine[] {
  const names = taskNames(trace);
  const lines: ConsoleLine[] = [];
  for (const e of trace) {
    if (e.kind !== "log") continue;
    lines.push({ t: e.t, task: names.get(e.task) ?? `task ${e.task}`, text: e.text });
  }
  return lines;
}

/** The `seq` of every console line's event, in order: the console's line i is printed at seqs[i]. */
export function printSeqs(trace: readonly WireTraceEvent[]): number[] {
  const seqs: number[] = [];
  for (const e of trace) if (e.kind === "log") seqs.push(e.seq);
  return seqs;
}

/** How many of `items`, ascending by `key`, have a key ≤ `limit` (binary search: a run can print
 *  thousands of lines and record a million events). */
export function countAtOrBefore<T>(items: readonly T[], limit: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The trace up to and including the event numbered `seq` (its prefix: events are in seq order). */
export function traceUpTo<E extends { seq: number }>(trace: readonly E[], seq: number): readonly E[] {
  const n = countAtOrBefore(trace, seq, (e) => e.seq);
  return n === trace.length ? trace : trace.slice(0, n);
}

/** Console lines from a finished run. */
export function consoleFromResult(result: WireRunResult): ConsoleLine[] {
  const names = new Map(result.tasks.map((t) => [t.id, t.name]));
  return result.output.map((o) => ({ t: o.t, task: names.get(o.task) ?? `task ${o.task}`, text: o.text }));
}

/** The task table from a trace (a run that was killed or is still going). */
export function tasksFromTrace(trace: readonly WireTraceEvent[]): TaskRow[] {
  const names = taskNames(trace);
  const rows = new Map<number, TaskRow>();
  let running: number | undefined;
  for (const e of trace) {
    if (e.kind === "task.spawn") {
      rows.set(e.task, {
        id: e.task,
        name: e.name,
        parent: e.parent === null ? "" : (names.get(e.parent) ?? `task ${e.parent}`),
        state: "runnable",
        waitReason: "",
        line: e.loc?.line,
      });
      continue;
    }
    if (!e.kind.startsWith("task.") || !("task" in e) || typeof e.task !== "number") continue;
    const row = rows.get(e.task);
    if (!row) continue;
    switch (e.kind) {
      case "task.run": {
        // One task runs at a time: the one that ran before is runnable again, unless it blocked or ended.
        const previous = running === undefined ? undefined : rows.get(running);
        if (previous && previous !== row && previous.state === "running") previous.state = "runnable";
        row.state = "running";
        row.waitReason = "";
        running = e.task;
        break;
      }
      case "task.block":
        row.state = "blocked";
        row.waitReason = e.reason;
        row.line = e.loc?.line ?? row.line;
        break;
      case "task.unblock":
        row.state = "runnable";
        row.waitReason = "";
        break;
      case "task.exit":
        row.state = "exited";
        row.waitReason = "";
        break;
      case "task.panic":
        row.state = "panicked";
        break;
    }
  }
  return [...rows.values()];
}

/** The task table from a finished run. */
export function tasksFromResult(result: WireRunResult): TaskRow[] {
  const names = new Map(result.tasks.map((t) => [t.id, t.name]));
  const leaked = new Set(result.leaks.map((l) => l.task));
  return result.tasks.map((t) => ({
    id: t.id,
    name: t.name,
    parent: t.parent === null ? "" : (names.get(t.parent) ?? `task ${t.parent}`),
    state: leaked.has(t.id) ? `leaked (${t.state})` : t.state,
    waitReason: t.waitReason ?? "",
    line: t.loc?.line,
  }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The outcome line and report for the run machine's state. */
export function outcomeOf(status: RunStatus, context: RunContext): OutcomeView {
  switch (status) {
    case "idle":
      return { kind: "idle", headline: "Not run yet. Press Run (Ctrl+Enter in the editor).", report: "" };
    case "compiling":
      return { kind: "busy", headline: "Compiling…", report: "" };
    case "running":
      return { kind: "busy", headline: "Running…", report: "" };
    case "paced":
      return { kind: "busy", headline: "Running live…", report: "" };
    case "awaitingSignal":
      return { kind: "busy", headline: "Waiting for a signal: press Send SIGINT or Send SIGTERM.", report: "" };
    case "compileError": {
      const e = context.compileError;
      return { kind: "compile-error", headline: e ? `Does not compile: line ${e.line}, column ${e.column}: ${e.message}` : "Does not compile.", report: "" };
    }
    case "killed":
      return { kind: "killed", headline: context.killed?.message ?? "Stopped.", report: "" };
    default:
      break;
  }
  const r = context.result;
  if (!r) return { kind: "idle", headline: "", report: "" };
  const at = `at ${r.virtualMs} ms (virtual)`;
  const leaks = r.leaks.length > 0 ? `, leaking ${plural(r.leaks.length, "task", "tasks")} (${r.leaks.map((l) => l.name).join(", ")})` : "";
  switch (r.outcome) {
    case "ok":
      return { kind: r.leaks.length > 0 ? "leaks" : "ok", headline: `Finished ${at}${leaks}.`, report: r.report };
    case "deadlock":
      return { kind: "deadlock", headline: `Deadlock ${at}: every task is asleep${leaks}.`, report: r.report };
    case "panic":
      return { kind: "panic", headline: `Panic ${at}: ${r.panic?.message ?? "the program panicked"}.`, report: r.report };
    case "limit":
      return { kind: "limit", headline: `Stopped by a limit ${at}.`, report: r.report };
    case "signal":
      return { kind: "signal", headline: `Ended by a signal ${at}${leaks}.`, report: r.report };
    case "stopped":
      return { kind: "killed", headline: `Stopped ${at}.`, report: r.report };
  }
}

/** Markers for the editor: the compile error, the panic's line, and where leaked tasks wait. */
export function markersOf(status: RunStatus, context: RunContext): EditorMarker[] {
  if (status === "compileError" && context.compileError) {
    const e = context.compileError;
    return [{ line: e.line, column: e.column, message: e.message, severity: "error" }];
  }
  const r = context.result;
  if (!r) return [];
  const markers: EditorMarker[] = [];
  if (r.panic) {
    const loc = r.tasks.find((t) => t.id === r.panic?.task)?.loc;
    if (loc) markers.push({ line: loc.line, column: loc.column + 1, message: `panic: ${r.panic.message}`, severity: "error" });
  }
  if (r.outcome === "deadlock") {
    for (const t of r.tasks) {
      if (t.state !== "blocked" || !t.loc) continue;
      markers.push({ line: t.loc.line, column: t.loc.column + 1, message: `Deadlock: task "${t.name}" is stuck here (${t.waitReason ?? "blocked"}).`, severity: "error" });
    }
    return markers;
  }
  for (const leak of r.leaks) {
    if (!leak.loc) continue;
    markers.push({
      line: leak.loc.line,
      column: leak.loc.column + 1,
      message: `Leaked: task "${leak.name}" was still waiting here (${leak.waitReason}, since ${leak.since} ms) when main returned.`,
      severity: "warning",
    });
  }
  return markers;
}
