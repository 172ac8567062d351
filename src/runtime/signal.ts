// os/signal: `signal.notify(ch, "SIGINT", "SIGTERM")` relays those signals to `ch`, `signal.stop(ch)`
// ends that. As in Go, delivery never blocks: a signal is dropped for a channel that is neither
// waited on nor has buffer room (so give the channel a buffer of 1). A SIGINT or SIGTERM that no
// channel is notified of ends the program (outcome "signal"). Signals come from the run's options
// (at virtual ms) or, live, from control.signal(name).

import { sendNow, type Chan } from "./chan.ts";
import { activeRun, type Run } from "./scheduler.ts";

/** Go's `signal.Notify(c, sigs...)`: with no names, every signal. */
function notify(ch: Chan<string>, ...names: string[]): void {
  const run = activeRun();
  if (ch === null || ch === undefined) throw new Error("signal.notify: the channel is null; pass a channel made with chan<string>(1)");
  const prev = run.notified.get(ch);
  if (names.length === 0) {
    run.notified.set(ch, null);
    return;
  }
  if (prev === null) return;
  const set = prev ?? new Set<string>();
  for (const n of names) set.add(n);
  run.notified.set(ch, set);
}

/** Go's `signal.Stop(c)`: no more signals are relayed to `ch`. */
function stop(ch: Chan<string>): void {
  activeRun().notified.delete(ch);
}

/** Go's os/signal: `signal.notify(ch, "SIGINT", "SIGTERM")`, `signal.stop(ch)`. */
export const signal = {
  /** Go's `signal.Notify(c, sigs...)`: relay these signals (all, if none named) to ch without blocking. */
  notify,
  /** Go's `signal.Stop(c)`. */
  stop,
};

/** Relays `name` to every channel notified of it; false when no channel is. */
export function deliverSignal(run: Run, name: string): boolean {
  let any = false;
  for (const [ch, names] of run.notified) {
    if (names !== null && !names.has(name)) continue;
    any = true;
    const c = ch as Chan;
    if (!c.closed && (c.recvq.size > 0 || c.count < c.cap)) sendNow(run, c, name, null);
  }
  return any;
}

/** Whether some blocked task waits on a channel registered with signal.notify. */
export function waitsForSignal(run: Run): boolean {
  if (run.notified.size === 0) return false;
  for (const t of run.tasks) {
    if (t.state !== "blocked" || t.waitChans === null) continue;
    for (const c of t.waitChans) if (run.notified.has(c as object)) return true;
  }
  return false;
}
