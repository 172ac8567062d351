// Virtual time: a binary heap of timer entries ordered by (when, creation order). The scheduler
// advances the clock only when no task can run, to the earliest entry that still counts
// (Go's testing/synctest rule). Entries are never removed from the middle: stopping a timer makes
// its entry stale (`live()` false), and stale entries are dropped when they reach the top.

export interface TimerEntry {
  /** Virtual ms at which it fires. */
  readonly when: number;
  /** Creation order; breaks ties between entries due at the same time. */
  readonly seq: number;
  /** Whether the entry still counts: a stale or unwatched entry is dropped, never fired. */
  live(): boolean;
  fire(): void;
}

export class TimerHeap {
  #items: TimerEntry[] = [];
  #seq = 0;

  /** The next tie-breaking sequence number for a new entry. */
  nextSeq(): number {
    return this.#seq++;
  }

  get size(): number {
    return this.#items.length;
  }

  push(e: TimerEntry): void {
    const a = this.#items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = e;
  }

  /** The earliest entry that still counts, dropping stale ones on the way; it stays in the heap. */
  peekLive(): TimerEntry | undefined {
    const a = this.#items;
    while (a.length > 0) {
      if (a[0].live()) return a[0];
      this.pop();
    }
    return undefined;
  }

  pop(): TimerEntry | undefined {
    const a = this.#items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as TimerEntry;
    if (a.length > 0) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(a[r], a[l]) ? r : l;
        if (!before(a[c], last)) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

function before(x: TimerEntry, y: TimerEntry): boolean {
  return x.when < y.when || (x.when === y.when && x.seq < y.seq);
}
