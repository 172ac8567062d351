// Go's select. `await select(recv(ch, (v, ok) => …), send(ch, v, () => …), defaultCase(() => …))`
// resolves to the chosen case's handler result.
//
// Steps, as in Go's selectgo:
//   1. Find the ready cases. If there are any, pick one uniformly at random (seeded) and do it.
//   2. Else, with a default case, run it.
//   3. Else put one waiter on each case's channel; the first counterpart to arrive wins the select
//      (`won`), which takes the other waiters off their queues at once.
// A null channel is never ready. select() with no cases blocks forever. A select with one case
// and no default is that single operation, as Go compiles it (its wait reason is "chan send" or
// "chan receive", not "select").

import { recvNow, recvReady, sendNow, sendReady, type Chan } from "./chan.ts";
import { activeRun, type Run } from "./scheduler.ts";
import type { Suspension, Task } from "./task.ts";
import { RECV, SEND, Waiter } from "./wait-queue.ts";

const K_RECV = 0;
const K_SEND = 1;
const K_DEFAULT = 2;
const NO_CASES: readonly SelectCase[] = [];

/** One case of a select; build it with `recv`, `send` or `defaultCase`. `R` is its handler's result. */
export class SelectCase<R = unknown> {
  /** @internal */
  readonly kind: number;
  /** @internal */
  readonly ch: Chan | null;
  /** @internal */
  readonly value: unknown;
  /** @internal */
  readonly fn: ((v: unknown, ok: boolean) => R) | undefined;
  /** @internal */
  constructor(kind: number, ch: Chan | null, value: unknown, fn: ((v: unknown, ok: boolean) => R) | undefined) {
    this.kind = kind;
    this.ch = ch;
    this.value = value;
    this.fn = fn;
  }
}

/** A receive case: `case v, ok := <-ch:`. A null channel is never ready. */
export function recv<T, R = undefined>(ch: Chan<T> | null, fn?: (value: T | undefined, ok: boolean) => R): SelectCase<R> {
  return new SelectCase<R>(K_RECV, ch as Chan | null, undefined, fn as ((v: unknown, ok: boolean) => R) | undefined);
}

/** A send case: `case ch <- v:`. A null channel is never ready; a closed one panics if chosen. */
export function send<T, R = undefined>(ch: Chan<T> | null, value: T, fn?: () => R): SelectCase<R> {
  return new SelectCase<R>(K_SEND, ch as Chan | null, value, fn as ((v: unknown, ok: boolean) => R) | undefined);
}

/** The `default:` case: chosen when no other case is ready. */
export function defaultCase<R = undefined>(fn?: () => R): SelectCase<R> {
  return new SelectCase<R>(K_DEFAULT, null, undefined, fn as ((v: unknown, ok: boolean) => R) | undefined);
}

type CaseResult<C> = C extends SelectCase<infer R> ? Awaited<R> : never;

/**
 * A blocked select: its waiters, and the case that won once one does. Each task keeps one and
 * reuses it, with its waiters and channel list, for its next blocking select: a task is in one
 * select at a time, and by the time it is woken every waiter has left its queue.
 */
export class SelectWait {
  readonly waiters: Waiter[] = [];
  /** The channels the select waits on (the task's waitChans while it is blocked). */
  readonly chans: Chan[] = [];
  cases: readonly SelectCase[] = [];
  chosen = -1;
  v: unknown = undefined;
  ok = false;
  constructor(readonly task: Task) {}

  /** Ready for a new select over `cases`. */
  reset(cases: readonly SelectCase[]): void {
    this.cases = cases;
    this.chosen = -1;
    this.v = undefined;
    this.ok = false;
    this.chans.length = 0;
  }

  /** The waiter for case `i` as the `k`-th of this select, reused when it is free. */
  waiter(k: number, mode: number, value: unknown, i: number): Waiter {
    const w = k < this.waiters.length ? this.waiters[k] : undefined;
    if (w === undefined || w.queue !== null) {
      const n = new Waiter(this.task, mode, value, this, i);
      this.waiters[k] = n;
      return n;
    }
    w.mode = mode;
    w.value = value;
    w.caseIndex = i;
    w.msg = 0;
    return w;
  }

  /** Waiter `w` won: the others leave their queues; the handler runs when the task resumes. */
  won(w: Waiter, v: unknown, ok: boolean): void {
    this.#leaveOthers(w);
    this.chosen = w.caseIndex;
    this.v = v;
    this.ok = ok;
    (this.task.suspension as Suspension).select = this;
  }

  /** Waiter `w` (a send case) found its channel closed: the task resumes with a panic. */
  wonByClose(w: Waiter): void {
    this.#leaveOthers(w);
  }

  #leaveOthers(w: Waiter): void {
    const ws = this.waiters;
    for (let k = 0; k < this.chans.length; k++) {
      const o = ws[k];
      if (o !== w && o.queue !== null) o.queue.remove(o);
    }
  }

  runHandler(): unknown {
    const c = this.cases[this.chosen];
    const v = this.v;
    this.cases = NO_CASES; // the reused wait should not keep the cases and value alive
    this.v = undefined;
    return c.fn === undefined ? undefined : c.fn(v, this.ok);
  }
}

/**
 * Go's `select`: waits until one of the cases can proceed, does it and runs its handler; the
 * promise resolves to the handler's result. Ready cases are chosen uniformly at random.
 */
export function select<C extends SelectCase<unknown>[]>(...cases: C): Promise<CaseResult<C[number]>> {
  return selectOp(cases) as unknown as Promise<CaseResult<C[number]>>;
}

function selectOp(cases: readonly SelectCase[]): unknown {
  const run = activeRun();
  const t = run.enter();
  const now = run.now;
  let ready = 0;
  let dflt: SelectCase | null = null;
  let first = -1;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    if (c.kind === K_DEFAULT) {
      dflt = c;
    } else if (c.ch !== null && c.ch !== undefined && (c.kind === K_RECV ? recvReady(c.ch, now) : sendReady(c.ch))) {
      if (ready === 0) first = i;
      ready++;
    }
  }
  if (ready > 0) {
    let pick = first;
    if (ready > 1) {
      let k = run.rng.below(ready);
      for (let i = first; ; i++) {
        const c = cases[i];
        if (c.kind !== K_DEFAULT && c.ch !== null && c.ch !== undefined && (c.kind === K_RECV ? recvReady(c.ch, now) : sendReady(c.ch))) {
          if (k === 0) {
            pick = i;
            break;
          }
          k--;
        }
      }
    }
    return finish(run, t, cases[pick]);
  }
  if (dflt !== null) return finishDefault(run, t, dflt);
  return blockSelect(run, t, cases);
}

function finish(run: Run, t: Task, c: SelectCase): unknown {
  const ch = c.ch as Chan;
  if (c.kind === K_RECV) {
    recvNow(run, ch, t);
    const v = run.rv;
    const ok = run.rok;
    return handled(run, t, c.fn === undefined ? undefined : c.fn(v, ok));
  }
  sendNow(run, ch, c.value, t);
  return handled(run, t, c.fn === undefined ? undefined : c.fn(undefined, true));
}

function finishDefault(run: Run, t: Task, c: SelectCase): unknown {
  return handled(run, t, c.fn === undefined ? undefined : c.fn(undefined, false));
}

/** The select completed at once; its handler may itself have started (and be awaiting) an operation. */
function handled(run: Run, t: Task, result: unknown): unknown {
  return t.pending ? result : run.proceed(t, result);
}

function blockSelect(run: Run, t: Task, cases: readonly SelectCase[]): unknown {
  const ws = t.waitState(run);
  const sel = (ws.selectWait ??= new SelectWait(t));
  sel.reset(cases);
  const chans = sel.chans;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const ch = c.ch;
    if (c.kind === K_DEFAULT || ch === null || ch === undefined) continue;
    const w = sel.waiter(chans.length, c.kind === K_RECV ? RECV : SEND, c.value, i);
    if (c.kind === K_RECV) {
      ch.recvq.push(w);
      if (ch.source !== null) ch.source.watch(run);
    } else {
      if (run.tracing) w.msg = run.nextMsg++;
      ch.sendq.push(w);
    }
    chans.push(ch);
  }
  return run.block(t, reasonOf(cases), chans);
}

function reasonOf(cases: readonly SelectCase[]): string {
  if (cases.length === 0) return "select (no cases)";
  if (cases.length > 1) return "select";
  const c = cases[0];
  const nil = c.ch === null || c.ch === undefined ? " (nil chan)" : "";
  return (c.kind === K_RECV ? "chan receive" : "chan send") + nil;
}
