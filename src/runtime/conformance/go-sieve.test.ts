// Ports of Go's test/chan/sieve1.go (a daisy chain of filter tasks) and sieve2.go (an
// Eratosthenes sieve of merged multiples with a feedback loop through an elastic proxy built on
// select with a disabled, nil, send case).
import { describe, expect, it } from "vitest";
import { chan, go, recv, select, send, type Chan } from "../index.ts";
import { check, runOk } from "./harness.ts";

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

/** FIFO scheduling, then explore mode under a few seeds: the primes must not depend on interleaving. */
const SCHEDULES = [{ explore: false, seed: 1 }, ...[1, 2, 3].map((seed) => ({ explore: true, seed }))];
const label = (s: { explore: boolean; seed: number }) => (s.explore ? `explore, seed ${s.seed}` : "FIFO");

describe("sieve1.go", () => {
  for (const sched of SCHEDULES) {
    it(`a chain of filter tasks yields the primes below 100 in order (${label(sched)})`, async () => {
      const got: number[] = [];
      const result = await runOk(async () => {
        const generate = async (ch: Chan<number>) => {
          for (let i = 2; ; i++) await ch.send(i);
        };
        const filter = async (inp: Chan<number>, out: Chan<number>, prime: number) => {
          for await (const i of inp) if (i % prime !== 0) await out.send(i);
        };
        const primes = chan<number>();
        go("sieve", async () => {
          // go f(x) evaluates x at the go statement; a closure reads it when the task runs, so
          // each task gets its own const copy of the channel variable.
          let ch = chan<number>();
          const first = ch;
          go("generate", () => generate(first));
          for (;;) {
            const prime = (await ch.recv()) as number;
            await primes.send(prime);
            const [inp, ch1] = [ch, chan<number>()];
            go(`filter-${prime}`, () => filter(inp, ch1, prime));
            ch = ch1;
          }
        });
        for (const want of PRIMES) {
          const x = (await primes.recv()) as number;
          check(x === want, `${x} != ${want}`);
          got.push(x);
        }
      }, sched);
      expect(got).toEqual(PRIMES);
      // Go's program just exits; here every task of the chain is still alive, so each is a leak.
      expect(result.leaks.length).toBeGreaterThan(PRIMES.length);
    });
  }
});

/** A min-heap of peekable channels, ordered by the value at their head (sieve2's PeekChHeap). */
class PeekHeap {
  #items: { head: number; ch: Chan<number> }[] = [];
  push(x: { head: number; ch: Chan<number> }): void {
    const a = this.#items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p].head <= a[i].head) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): { head: number; ch: Chan<number> } {
    const a = this.#items;
    const top = a[0];
    const last = a.pop() as { head: number; ch: Chan<number> };
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].head < a[m].head) m = l;
        if (r < a.length && a[r].head < a[m].head) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

describe("sieve2.go", () => {
  for (const sched of SCHEDULES) {
    it(`merged multiples with a feedback loop through an elastic proxy yield the primes below 100 (${label(sched)})`, async () => {
      const got: number[] = [];
      await runOk(async () => {
        const odds = (): Chan<number> => {
          const out = chan<number>(50);
          go("odds", async () => {
            for (let n = 5; ; n += 2) await out.send(n);
          });
          return out;
        };
        const multiples = (p: number): Chan<number> => {
          const out = chan<number>(10);
          go(`multiples-${p}`, async () => {
            for (let n = p * p; ; n += 2 * p) await out.send(n);
          });
          return out;
        };
        // A channel whose sends never block: a task buffers without bound between proxy and out.
        const sendProxy = (out: Chan<number>): Chan<number> => {
          const proxy = chan<number>(10);
          go("sendproxy", async () => {
            const queue: number[] = [];
            for (;;) {
              // With nothing queued the send case is on a nil channel: disabled.
              const c = queue.length > 0 ? out : null;
              await select(
                recv(proxy, (e) => void queue.push(e as number)),
                send(c, queue[0], () => void queue.shift()),
              );
            }
          });
          return proxy;
        };
        const sieve = async (): Promise<Chan<number>> => {
          const out = chan<number>(10);
          await out.send(2);
          await out.send(3);
          const composites = chan<number>(50);
          // The feedback loop: primes found so far, whose multiples are merged into composites.
          const primes = chan<number>(10);
          await primes.send(3);
          go("merge", async () => {
            const h = new PeekHeap();
            let min = 15;
            for (;;) {
              const m = multiples((await primes.recv()) as number);
              const head = (await m.recv()) as number;
              while (min < head) {
                await composites.send(min);
                const minchan = h.pop();
                min = minchan.head;
                minchan.head = (await minchan.ch.recv()) as number;
                h.push(minchan);
              }
              while (min === head) {
                const minchan = h.pop();
                min = minchan.head;
                minchan.head = (await minchan.ch.recv()) as number;
                h.push(minchan);
              }
              await composites.send(head);
              h.push({ head: (await m.recv()) as number, ch: m });
            }
          });
          go("candidates", async () => {
            const primesIn = sendProxy(primes);
            const candidates = odds();
            let p = (await candidates.recv()) as number;
            for (;;) {
              const c = (await composites.recv()) as number;
              while (p < c) {
                await primesIn.send(p);
                await out.send(p);
                p = (await candidates.recv()) as number;
              }
              if (p === c) p = (await candidates.recv()) as number;
            }
          });
          return out;
        };
        const primes = await sieve();
        for (const want of PRIMES) {
          const x = (await primes.recv()) as number;
          check(x === want, `${x} != ${want}`);
          got.push(x);
        }
      }, sched);
      expect(got).toEqual(PRIMES);
    });
  }
});
