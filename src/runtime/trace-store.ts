// Where a run records its trace: columns of numbers (typed arrays), not one object per event.
// A traced run records millions of events; kept as objects, the garbage collector would copy and
// mark every one of them again and again while the program runs. The TraceEvent objects of
// DESIGN §4 are built from the columns when someone reads them: a batch for onEvents, or the
// whole RunResult.trace on first access.
//
// Invariant: event i has seq i. The hot kinds (task run/block/unblock/exit/spawn, chan send/recv)
// have their own columns; any other kind is kept as its finished object.

import { preview } from "./format.ts";
import type { TraceEvent } from "./trace.ts";

const OBJECT = 0;
const RUN = 1;
const BLOCK = 2;
const UNBLOCK = 3;
const EXIT = 4;
const SPAWN = 5;
const SEND = 6;
const RECV = 7;

/** A sent value kept as it was, to preview when read: only for values that cannot change. */
function keepable(v: unknown): boolean {
  const k = typeof v;
  return k === "number" || k === "string" || k === "boolean" || k === "undefined" || k === "bigint" || v === null;
}

export class TraceStore {
  n = 0;
  #kind = new Uint8Array(1024);
  #t = new Float64Array(1024);
  #a = new Int32Array(1024);
  #b = new Int32Array(1024);
  #c = new Int32Array(1024);
  #d = new Int32Array(1024);
  #refs: unknown[] = [];
  #reasons: string[] = [];
  #reasonCode = new Map<string, number>();
  #lastReason = "";
  #lastCode = 0;

  // `refs` stays dense (one entry per event): a sparse array would fall back to a slow dictionary.
  #slot(kind: number, t: number, a: number, b: number, c: number, d: number, ref: unknown): number {
    const i = this.n;
    this.#refs.push(ref);
    if (i === this.#kind.length) this.#grow();
    this.#kind[i] = kind;
    this.#t[i] = t;
    this.#a[i] = a;
    this.#b[i] = b;
    this.#c[i] = c;
    this.#d[i] = d;
    this.n = i + 1;
    return i;
  }

  #grow(): void {
    const n = this.#kind.length * 2;
    const grow = <A extends Uint8Array | Float64Array | Int32Array>(old: A, make: (n: number) => A): A => {
      const x = make(n);
      x.set(old);
      return x;
    };
    this.#kind = grow(this.#kind, (k) => new Uint8Array(k));
    this.#t = grow(this.#t, (k) => new Float64Array(k));
    this.#a = grow(this.#a, (k) => new Int32Array(k));
    this.#b = grow(this.#b, (k) => new Int32Array(k));
    this.#c = grow(this.#c, (k) => new Int32Array(k));
    this.#d = grow(this.#d, (k) => new Int32Array(k));
  }

  /** Any event, as its finished object (its seq must be `n`). */
  object(e: TraceEvent): void {
    this.#slot(OBJECT, e.t, 0, 0, 0, 0, e);
  }

  run(t: number, task: number): void {
    this.#slot(RUN, t, task, 0, 0, 0, undefined);
  }
  unblock(t: number, task: number): void {
    this.#slot(UNBLOCK, t, task, 0, 0, 0, undefined);
  }
  exit(t: number, task: number): void {
    this.#slot(EXIT, t, task, 0, 0, 0, undefined);
  }
  block(t: number, task: number, reason: string, chans: readonly { id: number }[] | null, line: number, column: number): void {
    let code = reason === this.#lastReason ? this.#lastCode : this.#reasonCode.get(reason);
    if (code === undefined) {
      code = this.#reasons.length;
      this.#reasons.push(reason);
      this.#reasonCode.set(reason, code);
    }
    this.#lastReason = reason;
    this.#lastCode = code;
    this.#slot(BLOCK, t, task, code, line, column, chans === null ? undefined : chans);
  }
  spawn(t: number, task: number, parent: number | null, name: string, line: number, column: number): void {
    this.#slot(SPAWN, t, task, parent === null ? -1 : parent, line, column, name);
  }
  send(t: number, chan: number, task: number | null, msg: number, value: unknown): void {
    const keep = keepable(value);
    this.#slot(SEND, t, chan, task === null ? -1 : task, msg, keep ? 0 : 1, keep ? value : preview(value));
  }
  /** A timer's value: already its preview. */
  sendPreview(t: number, chan: number, msg: number, text: string): void {
    this.#slot(SEND, t, chan, -1, msg, 1, text);
  }
  recv(t: number, chan: number, task: number, msg: number | null, ok: boolean): void {
    this.#slot(RECV, t, chan, task, msg === null ? -1 : msg, ok ? 1 : 0, undefined);
  }

  /** Event i as DESIGN §4's object. */
  event(i: number): TraceEvent {
    const t = this.#t[i];
    const a = this.#a[i];
    switch (this.#kind[i]) {
      case RUN:
        return { seq: i, t, kind: "task.run", task: a };
      case UNBLOCK:
        return { seq: i, t, kind: "task.unblock", task: a };
      case EXIT:
        return { seq: i, t, kind: "task.exit", task: a };
      case BLOCK: {
        const line = this.#c[i];
        const e: TraceEvent = { seq: i, t, kind: "task.block", task: a, reason: this.#reasons[this.#b[i]], loc: line > 0 ? { line, column: this.#d[i] } : null };
        const chans = this.#refs[i] as readonly { id: number }[] | undefined;
        if (chans !== undefined) e.chans = chans.map((c) => c.id);
        return e;
      }
      case SPAWN: {
        const line = this.#c[i];
        const parent = this.#b[i];
        return { seq: i, t, kind: "task.spawn", task: a, parent: parent < 0 ? null : parent, name: this.#refs[i] as string, loc: line > 0 ? { line, column: this.#d[i] } : null };
      }
      case SEND: {
        const task = this.#b[i];
        const ref = this.#refs[i];
        return { seq: i, t, kind: "chan.send", chan: a, task: task < 0 ? null : task, msg: this.#c[i], preview: this.#d[i] === 1 ? (ref as string) : preview(ref) };
      }
      case RECV: {
        const msg = this.#c[i];
        return { seq: i, t, kind: "chan.recv", chan: a, task: this.#b[i], msg: msg < 0 ? null : msg, ok: this.#d[i] === 1 };
      }
      default:
        return this.#refs[i] as TraceEvent;
    }
  }

  /** Events [from, to) as objects. */
  slice(from: number, to: number = this.n): TraceEvent[] {
    const out: TraceEvent[] = new Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.event(i);
    return out;
  }
}
