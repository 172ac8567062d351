// Channels, after Go's runtime/chan.go.
//
// Invariants:
//   - At least one of sendq and recvq is empty (except while a single select waits on both ends of
//     one channel, which no other task can be part of).
//   - Buffered channels: count > 0 implies recvq is empty; count < cap implies sendq is empty.
//   - Unbuffered channels never hold a value: a send hands its value straight to a receiver.
//   - Once closed, sendq and recvq are empty: close woke every waiter.
//   - A timer's channel (`source` set) reports len and cap 0 and is never in a buffer state: its
//     value is produced when a receiver takes it (Go 1.23's synchronous timer channels), so a
//     stopped or reset timer can never deliver a stale value.
//
// Each exported operation does one step of the protocol; `select` uses the same steps.

import { GoPanic, MSG } from "./errors.ts";
import { activeRun, active, type Run } from "./scheduler.ts";
import type { Task } from "./task.ts";
import { plainWaiter, RECV, RECV_ITER, RECV_OK, SEND, WaitQueue, type Waiter } from "./wait-queue.ts";

/** What drives a timer's channel (see timers.ts). */
export interface ChanSource {
  readonly id: number;
  /** Whether a value is due for a receiver at virtual time `now`. */
  due(now: number): boolean;
  /** Produces the due value (the virtual ms it fired at) and advances the timer. */
  take(run: Run): number;
  /** A task started waiting on the channel: the timer now counts for the clock. */
  watch(run: Run): void;
}

/**
 * A channel: `chan<T>(cap, name)` is Go's `make(chan T, cap)`. Use `await ch.send(v)`,
 * `await ch.recv()`, `await ch.recvOk()`, `ch.close()`, and `for await (const v of ch)`.
 */
export class Chan<T = unknown> implements AsyncIterable<T> {
  /** @internal */
  readonly id: number;
  /** Capacity: 0 for an unbuffered channel (Go's `cap(ch)`). */
  readonly cap: number;
  /** A name for the timeline and reports. */
  readonly name: string;
  /** @internal */
  buf: (T | undefined)[] | null = null;
  /** @internal */
  msgs: number[] | null = null;
  /** @internal */
  head = 0;
  /** @internal */
  count = 0;
  /** @internal */
  closed = false;
  /** @internal */
  readonly recvq = new WaitQueue();
  /** @internal */
  readonly sendq = new WaitQueue();
  /** @internal */
  source: ChanSource | null = null;
  /** @internal `[this]`, made once: what a blocked plain send or receive waits on. */
  readonly self: readonly Chan[];

  constructor(cap = 0, name?: string) {
    if (!Number.isInteger(cap) || cap < 0) throw new GoPanic(MSG.makechanSize);
    this.cap = cap;
    const run = active;
    this.id = run === null ? 0 : run.nextChan++;
    this.name = name ?? `chan ${this.id}`;
    this.self = [this as Chan];
    if (run !== null && run.tracing) {
      run.emit({ seq: 0, t: run.now, kind: "chan.make", chan: this.id, name: this.name, cap });
    }
  }

  /** Number of values in the buffer (Go's `len(ch)`). */
  get len(): number {
    return this.count;
  }

  /** Sends `v` (Go's `ch <- v`): waits until a receiver takes it or the buffer has room. */
  send(v: T): Promise<void> {
    const run = activeRun();
    const t = run.enter();
    if (sendReady(this)) {
      sendNow(run, this, v, t);
      return run.proceed(t, undefined) as unknown as Promise<void>;
    }
    const w = plainWaiter(run, t, SEND, v);
    if (run.tracing) w.msg = run.nextMsg++;
    this.sendq.push(w);
    return run.block(t, "chan send", this.self) as unknown as Promise<void>;
  }

  /** Receives a value (Go's `<-ch`); `undefined` once the channel is closed and drained. */
  recv(): Promise<T | undefined> {
    return recvOp(this, RECV) as unknown as Promise<T | undefined>;
  }

  /** Receives `[value, ok]` (Go's `v, ok := <-ch`); ok is false once closed and drained. */
  recvOk(): Promise<[T | undefined, boolean]> {
    return recvOp(this, RECV_OK) as unknown as Promise<[T | undefined, boolean]>;
  }

  /** Closes the channel (Go's `close(ch)`): receivers drain it, then get `undefined, false`. */
  close(): void {
    closeChan(this);
  }

  /** `for await (const v of ch)` is Go's `for v := range ch`. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const next = (): Promise<IteratorResult<T>> => recvOp(this, RECV_ITER) as unknown as Promise<IteratorResult<T>>;
    return { next } as AsyncIterator<T>;
  }

  /** @internal */
  toString(): string {
    return `chan ${this.name}`;
  }
}

function recvOp<T>(c: Chan<T>, mode: number): unknown {
  const run = activeRun();
  const t = run.enter();
  if (recvReady(c, run.now)) {
    recvNow(run, c, t);
    return run.proceed(t, shape(mode, run.rv, run.rok));
  }
  const w = plainWaiter(run, t, mode, undefined);
  c.recvq.push(w);
  if (c.source !== null) c.source.watch(run);
  return run.block(t, "chan receive", c.self);
}

/** The value a receive resolves to, in the form its caller asked for. */
export function shape(mode: number, v: unknown, ok: boolean): unknown {
  return mode === RECV ? v : mode === RECV_OK ? [v, ok] : { value: v, done: !ok };
}

/** Whether a send would complete now (or panic, on a closed channel). */
export function sendReady(c: Chan): boolean {
  return c.closed || c.recvq.size > 0 || c.count < c.cap;
}

/** Whether a receive would complete now. */
export function recvReady(c: Chan, now: number): boolean {
  return c.count > 0 || c.sendq.size > 0 || c.closed || (c.source !== null && c.source.due(now));
}

/** Does a send that `sendReady` allowed: hands off to a receiver or fills the buffer. */
export function sendNow(run: Run, c: Chan, v: unknown, t: Task | null): void {
  if (c.closed) throw new GoPanic(MSG.sendClosed);
  const w = c.recvq.shift();
  if (w !== null) {
    let msg = 0;
    if (run.tracing) {
      msg = run.nextMsg++;
      run.traceSend(c.id, t === null ? null : t.id, msg, v);
    }
    handToReceiver(run, c, w, v, true, msg);
    return;
  }
  let buf = c.buf;
  if (buf === null) buf = c.buf = new Array(Math.min(c.cap, 1024));
  if (buf.length < c.cap && c.count === buf.length) growRing(c);
  buf = c.buf as (unknown | undefined)[];
  const i = wrap(c.head + c.count, buf.length);
  buf[i] = v;
  c.count++;
  if (run.tracing) {
    const msg = run.nextMsg++;
    (c.msgs ??= [])[i] = msg;
    run.traceSend(c.id, t === null ? null : t.id, msg, v);
  }
}

/** `i mod n` for 0 ≤ i < 2n, without a division. */
function wrap(i: number, n: number): number {
  return i >= n ? i - n : i;
}

// The ring starts small (a channel of cap 100 000 rarely holds that many) and doubles when full.
function growRing(c: Chan): void {
  const old = c.buf as unknown[];
  const n = Math.min(c.cap, old.length * 2);
  const next: unknown[] = new Array(n);
  const msgs: number[] | null = c.msgs === null ? null : new Array(n);
  // The values run from head to the end of the old ring, then wrap to its start.
  const first = Math.min(c.count, old.length - c.head);
  for (let k = 0; k < c.count; k++) {
    const j = k < first ? c.head + k : k - first;
    next[k] = old[j];
    if (msgs !== null) msgs[k] = (c.msgs as number[])[j];
  }
  c.buf = next as (never | undefined)[];
  c.msgs = msgs;
  c.head = 0;
}

/**
 * Does a receive that `recvReady` allowed. The value and ok are left in `run.rv` / `run.rok`
 * (no tuple per receive).
 */
export function recvNow(run: Run, c: Chan, t: Task): void {
  if (c.count > 0) {
    const buf = c.buf as unknown[];
    const i = c.head;
    const v = buf[i];
    buf[i] = undefined;
    c.head = wrap(i + 1, buf.length);
    c.count--;
    if (run.tracing) run.traceRecv(c.id, t.id, (c.msgs as number[])[i], true);
    // The buffer has room now: the oldest blocked sender moves its value in.
    const s = c.sendq.shift();
    if (s !== null) {
      const j = wrap(c.head + c.count, buf.length);
      buf[j] = s.value;
      c.count++;
      if (run.tracing) {
        (c.msgs as number[])[j] = s.msg;
        run.traceSend(c.id, s.task.id, s.msg, s.value);
      }
      releaseSender(run, s);
    }
    run.rv = v;
    run.rok = true;
    return;
  }
  const s = c.sendq.shift();
  if (s !== null) {
    if (run.tracing) {
      run.traceSend(c.id, s.task.id, s.msg, s.value);
      run.traceRecv(c.id, t.id, s.msg, true);
    }
    run.rv = s.value;
    run.rok = true;
    releaseSender(run, s);
    return;
  }
  if (c.source !== null && c.source.due(run.now)) {
    const v = c.source.take(run);
    if (run.tracing) {
      const msg = run.nextMsg++;
      run.emit({ seq: 0, t: run.now, kind: "timer.fire", timer: c.source.id, chan: c.id });
      run.traceTimerSend(c.id, msg, String(v));
      run.traceRecv(c.id, t.id, msg, true);
    }
    run.rv = v;
    run.rok = true;
    return;
  }
  // Closed and drained.
  if (run.tracing) run.traceRecv(c.id, t.id, null, false);
  run.rv = undefined;
  run.rok = false;
}

/** A timer delivers its due value to the oldest waiting receiver (timers.ts). */
export function timerDeliver(run: Run, c: Chan): boolean {
  const w = c.recvq.shift();
  if (w === null || c.source === null) return false;
  const v = c.source.take(run);
  let msg = 0;
  if (run.tracing) {
    msg = run.nextMsg++;
    run.emit({ seq: 0, t: run.now, kind: "timer.fire", timer: c.source.id, chan: c.id });
    run.traceTimerSend(c.id, msg, String(v));
  }
  handToReceiver(run, c, w, v, true, msg);
  return true;
}

/** Completes a waiting receiver (plain or select) with `v, ok` and makes it runnable. */
function handToReceiver(run: Run, c: Chan, w: Waiter, v: unknown, ok: boolean, msg: number): void {
  if (run.tracing) run.traceRecv(c.id, w.task.id, ok ? msg : null, ok);
  if (w.sel !== null) {
    w.sel.won(w, v, ok);
    run.wake(w.task, undefined);
  } else {
    run.wake(w.task, shape(w.mode, v, ok));
  }
}

/** A waiting sender's value was taken: it goes on. */
function releaseSender(run: Run, s: Waiter): void {
  if (s.sel !== null) s.sel.won(s, undefined, true);
  else s.value = undefined; // the receiver has it; the reused waiter should not keep it alive
  run.wake(s.task, undefined);
}

/** Go's `close(ch)`. */
export function closeChan(c: Chan | null): void {
  const run = activeRun();
  run.step();
  if (c === null || c === undefined) throw new GoPanic(MSG.closeNil);
  if (c.source !== null) throw new GoPanic("invalid operation: close of receive-only channel (a timer's channel)");
  if (c.closed) throw new GoPanic(MSG.closeClosed);
  c.closed = true;
  if (run.tracing) run.emit({ seq: 0, t: run.now, kind: "chan.close", chan: c.id, task: run.current === null ? null : run.current.id });
  // Receivers get the zero value and ok = false; senders panic (Go wakes them with a panic).
  for (let w = c.recvq.shift(); w !== null; w = c.recvq.shift()) handToReceiver(run, c, w, undefined, false, 0);
  for (let s = c.sendq.shift(); s !== null; s = c.sendq.shift()) {
    if (s.sel !== null) s.sel.wonByClose(s);
    run.wakeWithError(s.task, new GoPanic(MSG.sendClosed));
  }
}

/** Closes a channel from the runtime itself (a context's done channel), outside any task. */
export function closeInternal(run: Run, c: Chan): void {
  if (c.closed) return;
  c.closed = true;
  if (run.tracing) run.emit({ seq: 0, t: run.now, kind: "chan.close", chan: c.id, task: run.current === null ? null : run.current.id });
  for (let w = c.recvq.shift(); w !== null; w = c.recvq.shift()) handToReceiver(run, c, w, undefined, false, 0);
}

/** Go's `make(chan T, cap)`: `chan<T>()` is unbuffered, `chan<T>(n)` buffers n values. */
export function chan<T = unknown>(cap = 0, name?: string): Chan<T> {
  return new Chan<T>(cap, name);
}

/** Go's `close(ch)`; `close(null)` panics with "close of nil channel", as in Go. */
export function close(ch: Chan<unknown> | null): void {
  closeChan(ch as Chan | null);
}
