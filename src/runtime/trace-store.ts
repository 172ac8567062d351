// Where a run records its trace: columns of numbers (typed arrays), not one object per event.
// A traced run records millions of events; kept as objects, the garbage collector would copy and
// mark every one of them again and again while the program runs. The TraceEvent objects of
// DESIGN §4 are built from the columns when someone reads them: a batch for onEvents, or the
// whole RunResult.trace on first access.
//
// Invariant: event i has seq i. The hot kinds (task run/block/unblock/exit/spawn, chan send/recv)
// have their own columns; any other kind is kept as its finished object.

import { preview } from "./format.ts";
import type { Loc, TraceEvent } from "./trace.ts";
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

/** Int32 columns per event, interleaved: kind, a, b, c, d, e (a ref index, or an inline value). */
const W = 6;
/**
 * Events per chunk. The columns grow by whole chunks, never by copying: a traced ping-pong
 * records 2 000 000 events, and doubling one big array copied each event several times.
 */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** `e` of a send: how its value is kept. */
const V_REF = 0; // the value itself, in refs (it cannot change)
const V_PREVIEW = 1; // its preview string, in refs
const V_INT = 2; // an int32, inline in `e`

/** `e` of a block: -1 no channels; ≥ 0 an index in refs; ≤ -2 the one channel, id = -2 - e. */
const NO_CHANS = -1;

export class TraceStore {
  n = 0;
  /** The chunks, and the one being filled (its Int32 and time columns, next free event in it). */
  #ints: Int32Array[] = [];
  #times: Float64Array[] = [];
  #x = new Int32Array(0);
  #t = new Float64Array(0);
  #free = CHUNK; // as if full, so the first event allocates the first chunk
  #refs: unknown[] = [];
  #reasons: string[] = [];
  #reasonCode = new Map<string, number>();
  #lastReason = "";
  #lastCode = 0;
  /** Read side: one `[id]` array per channel and one Loc per place, shared by the events built. */
  #oneChan: number[][] = [];
  #locs = new Map<number, Loc>();

  /** Claims the next event's row in the current chunk (starting a new chunk when it is full). */
  #row(): number {
    const j = this.#free === CHUNK ? this.#newChunk() : this.#free;
    this.#free = j + 1;
    this.n++;
    return j;
  }

  #newChunk(): number {
    this.#x = new Int32Array(CHUNK * W);
    this.#t = new Float64Array(CHUNK);
    this.#ints.push(this.#x);
    this.#times.push(this.#t);
    return 0;
  }

  #slot(kind: number, t: number, a: number, b: number, c: number, d: number, e: number): void {
    const j = this.#row();
    const x = this.#x;
    const o = j * W;
    x[o] = kind;
    x[o + 1] = a;
    x[o + 2] = b;
    x[o + 3] = c;
    x[o + 4] = d;
    x[o + 5] = e;
    this.#t[j] = t;
  }

  /** An event with one field (run, unblock, exit): the rest of its row stays as allocated (0). */
  #slot1(kind: number, t: number, a: number): void {
    const j = this.#row();
    const o = j * W;
    this.#x[o] = kind;
    this.#x[o + 1] = a;
    this.#t[j] = t;
  }

  #ref(v: unknown): number {
    return this.#refs.push(v) - 1;
  }

  /** Any event, as its finished object (its seq must be `n`). */
  object(e: TraceEvent): void {
    this.#slot(OBJECT, e.t, 0, 0, 0, 0, this.#ref(e));
  }

  run(t: number, task: number): void {
    this.#slot1(RUN, t, task);
  }
  unblock(t: number, task: number): void {
    this.#slot1(UNBLOCK, t, task);
  }
  exit(t: number, task: number): void {
    this.#slot1(EXIT, t, task);
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
    const e = chans === null ? NO_CHANS : chans.length === 1 ? -2 - chans[0].id : this.#ref(chans.map((c) => c.id));
    this.#slot(BLOCK, t, task, code, line, column, e);
  }
  spawn(t: number, task: number, parent: number | null, name: string, line: number, column: number): void {
    this.#slot(SPAWN, t, task, parent === null ? -1 : parent, line, column, name === "" ? -1 : this.#ref(name));
  }
  send(t: number, chan: number, task: number | null, msg: number, value: unknown): void {
    const tk = task === null ? -1 : task;
    if (typeof value === "number" && (value | 0) === value) this.#slot(SEND, t, chan, tk, msg, V_INT, value);
    else if (keepable(value)) this.#slot(SEND, t, chan, tk, msg, V_REF, this.#ref(value));
    else this.#slot(SEND, t, chan, tk, msg, V_PREVIEW, this.#ref(preview(value)));
  }
  /** A timer's value: already its preview. */
  sendPreview(t: number, chan: number, msg: number, text: string): void {
    this.#slot(SEND, t, chan, -1, msg, V_PREVIEW, this.#ref(text));
  }
  recv(t: number, chan: number, task: number, msg: number | null, ok: boolean): void {
    this.#slot(RECV, t, chan, task, msg === null ? -1 : msg, ok ? 1 : 0, -1);
  }

  #loc(line: number, column: number): Loc | null {
    if (line <= 0) return null;
    const key = line * 65536 + column;
    let l = this.#locs.get(key);
    if (l === undefined) {
      l = { line, column };
      this.#locs.set(key, l);
    }
    return l;
  }

  #chans(e: number): number[] | undefined {
    if (e === NO_CHANS) return undefined;
    if (e >= 0) return this.#refs[e] as number[];
    const id = -2 - e;
    return (this.#oneChan[id] ??= [id]);
  }

  /**
   * Event i as DESIGN §4's object. Events built here share their `loc` objects and one-channel
   * `chans` arrays (they are read, never changed).
   */
  event(i: number): TraceEvent {
    const j = i & MASK;
    const x = this.#ints[i >> CHUNK_BITS];
    const t = this.#times[i >> CHUNK_BITS][j];
    const o = j * W;
    const a = x[o + 1];
    const b = x[o + 2];
    const c = x[o + 3];
    const d = x[o + 4];
    const e = x[o + 5];
    switch (x[o]) {
      case RUN:
        return { seq: i, t, kind: "task.run", task: a };
      case UNBLOCK:
        return { seq: i, t, kind: "task.unblock", task: a };
      case EXIT:
        return { seq: i, t, kind: "task.exit", task: a };
      case BLOCK: {
        const chans = this.#chans(e);
        if (chans === undefined) return { seq: i, t, kind: "task.block", task: a, reason: this.#reasons[b], loc: this.#loc(c, d) };
        return { seq: i, t, kind: "task.block", task: a, reason: this.#reasons[b], loc: this.#loc(c, d), chans };
      }
      case SPAWN:
        return { seq: i, t, kind: "task.spawn", task: a, parent: b < 0 ? null : b, name: e < 0 ? defaultName(a) : (this.#refs[e] as string), loc: this.#loc(c, d) };
      case SEND:
        return { seq: i, t, kind: "chan.send", chan: a, task: b < 0 ? null : b, msg: c, preview: d === V_INT ? String(e) : d === V_PREVIEW ? (this.#refs[e] as string) : preview(this.#refs[e]) };
      case RECV:
        return { seq: i, t, kind: "chan.recv", chan: a, task: b, msg: c < 0 ? null : c, ok: d === 1 };
      default:
        return this.#refs[e] as TraceEvent;
    }
  }

  /** Events [from, to) as objects. */
  slice(from: number, to: number = this.n): TraceEvent[] {
    const out: TraceEvent[] = new Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.event(i);
    return out;
  }
}
