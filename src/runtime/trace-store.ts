// Where a run records its trace: a stream of int32 words in chunks, not one object per event.
// A traced run records millions of events; kept as objects, the garbage collector would copy and
// mark every one of them again and again while the program runs. The TraceEvent objects of
// DESIGN §4 are built from the words when someone reads them: a batch for onEvents, or the
// whole RunResult.trace on first access.
//
// Layout. Event i has seq i. Each event is one row of words in a chunk; a row never spans two
// chunks. Its first word is the header `kind | a << KIND_BITS` (a = the event's task or channel);
// how many words follow depends on the kind alone:
//   RUN, UNBLOCK, EXIT   header                                   (a = task)
//   BLOCK                header, reason code, chans, line, column  (a = task; chans: see NO_CHANS)
//   SPAWN                header, parent | -1, line, column, name ref | -1   (a = task)
//   SEND                 header, task | -1, msg, value kind, value          (a = chan)
//   RECV                 header, task, msg | -1, ok                         (a = chan)
//   OBJECT               header                                   (a = index of the event in refs)
// Any other kind, and an event whose `a` does not fit in the header, is kept as its finished object.
// Virtual time changes rarely (only when the clock jumps), so it is not a column: `#tAt`/`#tVal`
// list the events at which it changed.
//
// Reading walks the rows in order. A read cursor remembers where the last read stopped, so
// streaming batch after batch (onEvents) never walks a row twice.

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

const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;
/** The largest `a` a header holds; an event with a larger one is kept as an object. */
const MAX_A = (1 << (31 - KIND_BITS)) - 1;
/** Words per kind's row, indexed by kind. */
const ROW = [1, 1, 5, 1, 1, 5, 5, 4];
/** Words per chunk (256 KiB). The stream grows by whole chunks, never by copying. */
const CHUNK = 1 << 16;

/** A sent value kept as it was, to preview when read: only for values that cannot change. */
function keepable(v: unknown): boolean {
  const k = typeof v;
  return k === "number" || k === "string" || k === "boolean" || k === "undefined" || k === "bigint" || v === null;
}

/** How a send's value is kept. */
const V_REF = 0; // the value itself, in refs (it cannot change)
const V_PREVIEW = 1; // its preview string, in refs
const V_INT = 2; // an int32, inline

/** Slots in the cache of channel-id lists (a power of two). */
const LIST_CACHE = 16;

/** A block's chans word: -1 no channels; ≥ 0 an index in refs; ≤ -2 the one channel, id = -2 - w. */
const NO_CHANS = -1;

export class TraceStore {
  /** Events recorded. */
  n = 0;
  /** Full chunks and the words used in each; the chunk being filled and its next free word. */
  #chunks: Int32Array[] = [];
  #used: number[] = [];
  #x = new Int32Array(0);
  #w = 0;
  #end = -1; // no chunk yet: the first event makes one
  /** The events at which virtual time changed, and its new value (event 0 starts at 0). */
  #tAt: number[] = [0];
  #tVal: number[] = [0];
  #lastT = 0;
  #refs: unknown[] = [];
  #reasons: string[] = [];
  /** Cache of channel-id lists (see #chanList): a refs index per slot, -1 when empty. */
  #listRef = new Int32Array(LIST_CACHE).fill(-1);
  #reasonCode = new Map<string, number>();
  #lastReason = "";
  #lastCode = 0;
  /** Read side: one `[id]` array per channel and one Loc per place, shared by the events built. */
  #oneChan: number[][] = [];
  #locs = new Map<number, Loc>();
  /** The read cursor: the next event to read is `#rEvent`, at word `#rWord` of chunk `#rChunk`. */
  #rEvent = 0;
  #rChunk = 0;
  #rWord = 0;

  /** Claims `words` words for the next event at time `t`; returns where its row starts. */
  #row(t: number, words: number): number {
    if (t !== this.#lastT) {
      this.#lastT = t;
      this.#tAt.push(this.n);
      this.#tVal.push(t);
    }
    this.n++;
    const w = this.#w;
    if (w + words <= this.#end) {
      this.#w = w + words;
      return w;
    }
    return this.#newChunk(words);
  }

  #newChunk(words: number): number {
    if (this.#end >= 0) this.#used.push(this.#w);
    this.#x = new Int32Array(CHUNK);
    this.#chunks.push(this.#x);
    this.#end = CHUNK;
    this.#w = words;
    return 0;
  }

  /**
   * The refs index of a block's channel ids (two or more). A select in a loop blocks on the same
   * channels again and again: the lists are kept in a small cache, so its blocks share one array.
   */
  #chanList(chans: readonly { id: number }[]): number {
    let h = chans.length;
    for (let i = 0; i < chans.length; i++) h = (h * 31 + chans[i].id) | 0;
    const k = h & (LIST_CACHE - 1);
    const ref = this.#listRef[k];
    if (ref >= 0) {
      const ids = this.#refs[ref] as number[];
      let same = ids.length === chans.length;
      for (let i = 0; same && i < ids.length; i++) same = ids[i] === chans[i].id;
      if (same) return ref;
    }
    const made = this.#ref(chans.map((c) => c.id));
    this.#listRef[k] = made;
    return made;
  }

  /** A five-word row: the header and four words. */
  #five(t: number, header: number, b: number, c: number, d: number, e: number): void {
    const o = this.#row(t, 5);
    const x = this.#x;
    x[o] = header;
    x[o + 1] = b;
    x[o + 2] = c;
    x[o + 3] = d;
    x[o + 4] = e;
  }

  #ref(v: unknown): number {
    return this.#refs.push(v) - 1;
  }

  /** Any event, as its finished object (its seq must be `n`). */
  object(e: TraceEvent): void {
    const ref = this.#ref(e);
    if (ref > MAX_A) throw new Error(`chanscope: the trace holds more than ${MAX_A} recorded objects`);
    const o = this.#row(e.t, 1);
    this.#x[o] = OBJECT | (ref << KIND_BITS);
  }

  run(t: number, task: number): void {
    if (task > MAX_A) return this.object({ seq: this.n, t, kind: "task.run", task });
    const o = this.#row(t, 1); // before reading #x: claiming a row may start a new chunk
    this.#x[o] = RUN | (task << KIND_BITS);
  }
  unblock(t: number, task: number): void {
    if (task > MAX_A) return this.object({ seq: this.n, t, kind: "task.unblock", task });
    const o = this.#row(t, 1); // before reading #x: claiming a row may start a new chunk
    this.#x[o] = UNBLOCK | (task << KIND_BITS);
  }
  exit(t: number, task: number): void {
    if (task > MAX_A) return this.object({ seq: this.n, t, kind: "task.exit", task });
    const o = this.#row(t, 1); // before reading #x: claiming a row may start a new chunk
    this.#x[o] = EXIT | (task << KIND_BITS);
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
    if (task > MAX_A) {
      const loc = this.#loc(line, column);
      this.object(chans === null ? { seq: this.n, t, kind: "task.block", task, reason, loc } : { seq: this.n, t, kind: "task.block", task, reason, loc, chans: chans.map((c) => c.id) });
      return;
    }
    const cs = chans === null ? NO_CHANS : chans.length === 1 ? -2 - chans[0].id : this.#chanList(chans);
    this.#five(t, BLOCK | (task << KIND_BITS), code, cs, line, column);
  }
  spawn(t: number, task: number, parent: number | null, name: string, line: number, column: number): void {
    if (task > MAX_A) {
      this.object({ seq: this.n, t, kind: "task.spawn", task, parent, name: name === "" ? defaultName(task) : name, loc: this.#loc(line, column) });
      return;
    }
    this.#five(t, SPAWN | (task << KIND_BITS), parent === null ? -1 : parent, line, column, name === "" ? -1 : this.#ref(name));
  }
  send(t: number, chan: number, task: number | null, msg: number, value: unknown): void {
    if (typeof value === "number" && (value | 0) === value) this.#send(t, chan, task, msg, V_INT, value);
    else if (keepable(value)) this.#send(t, chan, task, msg, V_REF, this.#ref(value));
    else this.#send(t, chan, task, msg, V_PREVIEW, this.#ref(preview(value)));
  }
  /** A timer's value: already its preview. */
  sendPreview(t: number, chan: number, msg: number, text: string): void {
    this.#send(t, chan, null, msg, V_PREVIEW, this.#ref(text));
  }
  #send(t: number, chan: number, task: number | null, msg: number, how: number, value: number): void {
    if (chan > MAX_A) {
      this.object({ seq: this.n, t, kind: "chan.send", chan, task, msg, preview: this.#preview(how, value) });
      return;
    }
    this.#five(t, SEND | (chan << KIND_BITS), task === null ? -1 : task, msg, how, value);
  }
  recv(t: number, chan: number, task: number, msg: number | null, ok: boolean): void {
    if (chan > MAX_A) return this.object({ seq: this.n, t, kind: "chan.recv", chan, task, msg, ok });
    const o = this.#row(t, 4);
    const x = this.#x;
    x[o] = RECV | (chan << KIND_BITS);
    x[o + 1] = task;
    x[o + 2] = msg === null ? -1 : msg;
    x[o + 3] = ok ? 1 : 0;
  }

  #preview(how: number, value: number): string {
    return how === V_INT ? String(value) : how === V_PREVIEW ? (this.#refs[value] as string) : preview(this.#refs[value]);
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

  #chans(w: number): number[] | undefined {
    if (w === NO_CHANS) return undefined;
    if (w >= 0) return this.#refs[w] as number[];
    const id = -2 - w;
    return (this.#oneChan[id] ??= [id]);
  }

  /** Event i as DESIGN §4's object (for tests and single look-ups; read many with `slice`). */
  event(i: number): TraceEvent {
    return this.slice(i, i + 1)[0];
  }

  /** Moves the read cursor to event `i`: on from where it is, or from the start. */
  #seek(i: number): void {
    if (i < this.#rEvent) {
      this.#rEvent = 0;
      this.#rChunk = 0;
      this.#rWord = 0;
    }
    while (this.#rEvent < i) {
      const c = this.#rChunk;
      if (this.#rWord >= this.#usedIn(c)) {
        this.#rChunk = c + 1;
        this.#rWord = 0;
        continue;
      }
      this.#rWord += ROW[this.#chunks[c][this.#rWord] & KIND_MASK];
      this.#rEvent++;
    }
  }

  #usedIn(c: number): number {
    return c < this.#used.length ? this.#used[c] : this.#w;
  }

  /**
   * Events [from, to) as objects. Events built here share their `loc` objects and one-channel
   * `chans` arrays (they are read, never changed). Each kind is built by one object literal, so
   * every event of a kind has the same shape.
   */
  slice(from: number, to: number = this.n): TraceEvent[] {
    if (to > this.n) to = this.n;
    const out: TraceEvent[] = new Array(Math.max(0, to - from));
    if (from >= to) return out;
    this.#seek(from);
    const refs = this.#refs;
    const reasons = this.#reasons;
    const tAt = this.#tAt;
    const tVal = this.#tVal;
    // The time of event `from`: the last change at or before it.
    let k = 0;
    let hi = tAt.length - 1;
    while (k < hi) {
      const mid = (k + hi + 1) >> 1;
      if (tAt[mid] <= from) k = mid;
      else hi = mid - 1;
    }
    let t = tVal[k];
    let nextAt = k + 1 < tAt.length ? tAt[k + 1] : -1;
    let c = this.#rChunk;
    let x = this.#chunks[c];
    let o = this.#rWord;
    let used = this.#usedIn(c);
    for (let i = from; i < to; i++) {
      if (o >= used) {
        c++;
        x = this.#chunks[c];
        o = 0;
        used = this.#usedIn(c);
      }
      if (i === nextAt) {
        k++;
        t = tVal[k];
        nextAt = k + 1 < tAt.length ? tAt[k + 1] : -1;
      }
      const h = x[o];
      const a = h >> KIND_BITS;
      let e: TraceEvent;
      switch (h & KIND_MASK) {
        case RUN:
          e = { seq: i, t, kind: "task.run", task: a };
          o += 1;
          break;
        case UNBLOCK:
          e = { seq: i, t, kind: "task.unblock", task: a };
          o += 1;
          break;
        case EXIT:
          e = { seq: i, t, kind: "task.exit", task: a };
          o += 1;
          break;
        case BLOCK: {
          const chans = this.#chans(x[o + 2]);
          const reason = reasons[x[o + 1]];
          const loc = this.#loc(x[o + 3], x[o + 4]);
          e = chans === undefined ? { seq: i, t, kind: "task.block", task: a, reason, loc } : { seq: i, t, kind: "task.block", task: a, reason, loc, chans };
          o += 5;
          break;
        }
        case SPAWN: {
          const parent = x[o + 1];
          const name = x[o + 4];
          e = { seq: i, t, kind: "task.spawn", task: a, parent: parent < 0 ? null : parent, name: name < 0 ? defaultName(a) : (refs[name] as string), loc: this.#loc(x[o + 2], x[o + 3]) };
          o += 5;
          break;
        }
        case SEND: {
          const task = x[o + 1];
          e = { seq: i, t, kind: "chan.send", chan: a, task: task < 0 ? null : task, msg: x[o + 2], preview: this.#preview(x[o + 3], x[o + 4]) };
          o += 5;
          break;
        }
        case RECV: {
          const msg = x[o + 2];
          e = { seq: i, t, kind: "chan.recv", chan: a, task: x[o + 1], msg: msg < 0 ? null : msg, ok: x[o + 3] === 1 };
          o += 4;
          break;
        }
        default:
          e = refs[a] as TraceEvent;
          o += 1;
      }
      out[i - from] = e;
    }
    this.#rEvent = to;
    this.#rChunk = c;
    this.#rWord = o;
    return out;
  }
}
