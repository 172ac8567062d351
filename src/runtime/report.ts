// RunResult.report: the run explained in the shape of Go's own output — a panic with the
// goroutine that panicked, a deadlock with every goroutine and what it waits on, and the tasks
// main left behind.

import type { Ending, Run } from "./scheduler.ts";
import { quoted, waitReasonOf } from "./scheduler.ts";
import type { Task } from "./task.ts";

/** `goroutine 7 "worker-2" [chan send, 100 ms]:` and the line it waits at. */
export function goroutineBlock(t: Task, now: number, mode: "dump" | "leak"): string {
  const reason = waitReasonOf(t);
  const waiting = t.state === "blocked";
  const when = !waiting ? "" : mode === "leak" ? `, since ${t.since} ms` : `, ${now - t.since} ms`;
  const line = waiting ? t.blockLine : t.line;
  const where = line > 0 ? `${t.name} at line ${line}` : `${t.name} (line unknown)`;
  return `goroutine ${t.id}${quoted(t)} [${reason}${when}]:\n${where}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The leak section: every task still alive when main returned. */
export function leakReport(run: Run): string {
  const leaks = run.leaks();
  if (leaks.length === 0) return "";
  const head = `${plural(leaks.length, "goroutine was", "goroutines were")} still alive when main returned at ${run.mainEnd} ms (leaked):`;
  return [head, ...leaks.map((t) => goroutineBlock(t, run.now, "leak"))].join("\n\n");
}

export function buildReport(run: Run, ending: Ending): string {
  switch (ending.outcome) {
    case "ok":
      return leakReport(run);
    case "deadlock": {
      const parts = [`fatal error: all goroutines are asleep - deadlock!`];
      for (const t of run.tasks) if (t.alive) parts.push(goroutineBlock(t, run.now, "dump"));
      if (ending.signalWait) {
        parts.push(
          "A goroutine was waiting for a signal (signal.notify) that never came. Deliver one with the run's signals option " +
            '(e.g. signals: [{ at: 1000, name: "SIGTERM" }]) or run it live and press "Send SIGTERM".',
        );
      }
      return parts.join("\n\n");
    }
    case "panic": {
      const head = ending.fatal ? `fatal error: ${ending.message}` : `panic: ${ending.message}`;
      const t = ending.task;
      if (t === null) return head;
      const line = ending.loc === null ? 0 : ending.loc.line;
      const where = line > 0 ? `${t.name} at line ${line}` : `${t.name} (line unknown)`;
      return `${head}\n\ngoroutine ${t.id}${quoted(t)} [running]:\n${where}`;
    }
    case "limit":
      return `limit reached: ${ending.message}`;
    case "signal":
      return `signal: ${ending.name} ended the program at ${run.now} ms (no channel was registered for it with signal.notify)`;
    case "stopped":
      return `stopped at ${run.now} ms`;
  }
}
