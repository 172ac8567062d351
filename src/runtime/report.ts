// RunResult.report: the run explained in the shape of Go's own output — a panic with the
// goroutine that panicked, a deadlock with every goroutine and what it waits on, and the tasks
// main left behind.

import type { Ending, Leak, Run } from "./scheduler.ts";
import { quoted, waitReasonOf } from "./scheduler.ts";
import type { Task } from "./task.ts";

/** `goroutine 7 "worker-2" [chan send, 100 ms]:` and the line it waits at (deadlock dump). */
export function goroutineBlock(t: Task, now: number): string {
  const waiting = t.state === "blocked";
  const when = waiting ? `, ${now - t.since} ms` : "";
  return `goroutine ${t.id}${quoted(t)} [${waitReasonOf(t)}${when}]:\n${where(t.name, waiting ? t.blockLine : t.line)}`;
}

function where(name: string, line: number): string {
  return line > 0 ? `${name} at line ${line}` : `${name} (line unknown)`;
}

/** `goroutine 2 "search" [chan send, since 200 ms]:`, its line, and what would have happened. */
function leakBlock(l: Leak): string {
  const t = l.task;
  const since = l.reason === "runnable" || l.reason === "running" ? "" : `, since ${l.since} ms`;
  let s = `goroutine ${t.id}${quoted(t)} [${l.reason}${since}]:\n${where(t.name, l.loc === null ? 0 : l.loc.line)}`;
  if (l.wouldExitAt !== undefined) s += `\nstill working when main returned (it would have exited at ${l.wouldExitAt} ms)`;
  if (l.wouldPanic !== undefined) s += `\nstill working when main returned (it would have panicked: ${l.wouldPanic})`;
  return s;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The leak section: every task still alive when main returned. */
export function leakReport(run: Run): string {
  const leaks = run.leaks();
  if (leaks.length === 0) return "";
  const head = `${plural(leaks.length, "goroutine was", "goroutines were")} still alive when main returned at ${run.mainEnd} ms (leaked):`;
  return [head, ...leaks.map(leakBlock)].join("\n\n");
}

export function buildReport(run: Run, ending: Ending): string {
  switch (ending.outcome) {
    case "ok":
      return leakReport(run);
    case "deadlock": {
      const parts = [`fatal error: all goroutines are asleep - deadlock!`];
      for (const t of run.tasks) if (t.alive) parts.push(goroutineBlock(t, run.now));
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
