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
import { defaultName } from "./task.ts";

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

/** Int32 columns per event, interleaved: kind, a, b, c, d, ref index (-1: none). */
const W = 6;

export class TraceStore {
  n = 0;
  #cap = 4096;
  #i = new Int32Array(4096 * W);
  #t = new Float64Array(4096);
  #refs: unknown[] = [];
  #reasons: string[] = [];
  #reasonCode = new Map<string, number>();
  #lastReason = "";
  #lastCode = 0;

  #slot(kind: number, t: number, a: number, b: number, c: number, d: number, ref: unknown): void {
    const i = this.n;
    if (i === this.#cap) this.#grow();
    const x = this.#i;
    const o = i * W;
    x[o] = kind;
    x[o + 1] = a;
    x[o + 2] = b;
    x[o + 3] = c;
    x[o + 4] = d;
    x[o + 5] = ref === undefined ? -1 : this.#refs.push(ref) - 1;
    this.#t[i] = t;
    this.n = i + 1;
  }

  #grow(): void {
    this.#cap *= 2;
    const x = new Int32Array(this.#cap * W);
    x.set(this.#i);
    this.#i = x;
    const t = new Float64Array(this.#cap);
    t.set(this.#t);
    this.#t = t;
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

  #ref(i: number): unknown {
    const k = this.#i[i * W + 5];
    return k < 0 ? undefined : this.#refs[k];
  }

  /** Event i as DESIGN §4's object. */
  event(i: number): TraceEvent {
    const t = this.#t[i];
    const x = this.#i;
    const o = i * W;
    const a = x[o + 1];
    const b = x[o + 2];
    const c = x[o + 3];
    const d = x[o + 4];
    switch (x[o]) {
      case RUN:
        return { seq: i, t, kind: "task.run", task: a };
      case UNBLOCK:
        return { seq: i, t, kind: "task.unblock", task: a };
      case EXIT:
        return { seq: i, t, kind: "task.exit", task: a };
      case BLOCK: {
        const line = c;
        const e: TraceEvent = { seq: i, t, kind: "task.block", task: a, reason: this.#reasons[b], loc: line > 0 ? { line, column: d } : null };
        const chans = this.#ref(i) as readonly { id: number }[] | undefined;
        if (chans !== undefined) e.chans = chans.map((c) => c.id);
        return e;
      }
      case SPAWN: {
        const line = c;
        const parent = b;
        const given = this.#ref(i) as string | undefined;
        return { seq: i, t, kind: "task.spawn", task: a, parent: parent < 0 ? null : parent, name: given !== undefined && given !== "" ? given : defaultName(a), loc: line > 0 ? { line, column: d } : null };
      }
      case SEND: {
        const task = b;
        const ref = this.#ref(i);
        return { seq: i, t, kind: "chan.send", chan: a, task: task < 0 ? null : task, msg: c, preview: d === 1 ? (ref as string) : preview(ref) };
      }
      case RECV: {
        const msg = c;
        return { seq: i, t, kind: "chan.recv", chan: a, task: b, msg: msg < 0 ? null : msg, ok: d === 1 };
      }
      default:
        return this.#ref(i) as TraceEvent;
    }
  }

  /** Events [from, to) as objects. */
  slice(from: number, to: number = this.n): TraceEvent[] {
    const out: TraceEvent[] = new Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.event(i);
    return out;
  }
}
