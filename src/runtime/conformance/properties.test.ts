// Property tests: random programs of producers, consumers, buffered and unbuffered channels,
// selects with and without default, and closes by the last producer, generated as data and
// interpreted on chanscope. Whatever the program and the seed: no value is lost or duplicated,
// each consumer sees each producer's values in the order they were sent, and a run replays
// identically from its seed (in FIFO and in explore mode).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { after, chan, context, defaultCase, go, recv, select, send, sleep, WaitGroup, type Chan } from "../index.ts";
import { runProgram, type RunOptions, type RunResult } from "./harness.ts";

type SendMode = "send" | "select" | "select-default";
type RecvMode = "range" | "select";

interface Program {
  caps: number[];
  producers: { chan: number; count: number; mode: SendMode }[];
  consumers: { chans: number[]; mode: RecvMode }[];
}

/** A program in which every channel has at least one producer and one consumer. */
const programArb: fc.Arbitrary<Program> = fc
  .record({
    caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    producers: fc.array(
      fc.record({
        chan: fc.nat(),
        count: fc.integer({ min: 0, max: 20 }),
        mode: fc.constantFrom<SendMode>("send", "select", "select-default"),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    consumers: fc.array(
      fc.record({ chans: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), mode: fc.constantFrom<RecvMode>("range", "select") }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ caps, producers, consumers }) => {
    const n = caps.length;
    const ps = producers.map((p) => ({ ...p, chan: p.chan % n }));
    const cs = consumers.map((c) => ({ ...c, chans: [...new Set(c.chans.map((x) => x % n))] }));
    for (let i = 0; i < n; i++) {
      if (!ps.some((p) => p.chan === i)) ps.push({ chan: i, count: 0, mode: "send" });
      if (!cs.some((c) => c.chans.includes(i))) cs[0].chans.push(i);
    }
    return { caps, producers: ps, consumers: cs };
  });

interface Observed {
  sent: number[];
  /** What each consumer received, in the order it received. */
  received: number[][];
}

const valueOf = (producer: number, k: number): number => producer * 1000 + k;
const producerOf = (v: number): number => Math.floor(v / 1000);

/** Interprets the program on chanscope. */
function interpret(p: Program, seen: Observed): () => Promise<void> {
  return async () => {
    const chans = p.caps.map((cap, i) => chan<number>(cap, `c${i}`));
    const producersLeft = p.caps.map((_, i) => p.producers.filter((x) => x.chan === i).length);
    const wg = new WaitGroup();

    p.producers.forEach((spec, pi) => {
      wg.add(1);
      go(`producer-${pi}`, async () => {
        const ch = chans[spec.chan];
        for (let k = 0; k < spec.count; k++) {
          const v = valueOf(pi, k);
          seen.sent.push(v);
          if (spec.mode === "send") await ch.send(v);
          else if (spec.mode === "select") await select(send(ch, v), recv(null));
          else while (!(await select(send(ch, v, () => true), defaultCase(() => false)))) await sleep(1);
        }
        if (--producersLeft[spec.chan] === 0) ch.close();
        wg.done();
      });
    });

    p.consumers.forEach((spec, ci) => {
      const got: number[] = [];
      seen.received.push(got);
      wg.add(1);
      go(`consumer-${ci}`, async () => {
        if (spec.mode === "range") {
          for (const c of spec.chans) for await (const v of chans[c]) got.push(v);
        } else {
          const open: (Chan<number> | null)[] = spec.chans.map((c) => chans[c]);
          while (open.some((c) => c !== null)) {
            await select(
              ...open.map((c, i) =>
                recv(c, (v, ok) => {
                  if (ok) got.push(v as number);
                  else open[i] = null;
                }),
              ),
            );
          }
        }
        wg.done();
      });
    });

    await wg.wait();
  };
}

async function runOnce(p: Program, options: RunOptions): Promise<{ result: RunResult; seen: Observed }> {
  const seen: Observed = { sent: [], received: [] };
  const result = await runProgram(interpret(p, seen), options);
  return { result, seen };
}

function checkDelivery(p: Program, { result, seen }: { result: RunResult; seen: Observed }): void {
  expect(result.outcome, result.report).toBe("ok");
  expect(result.leaks).toEqual([]);
  const all = seen.received.flat();
  // Nothing lost, nothing duplicated.
  expect([...all].sort((a, b) => a - b)).toEqual([...seen.sent].sort((a, b) => a - b));
  expect(all.length).toBe(p.producers.reduce((n, x) => n + x.count, 0));
  // Each consumer sees each producer's values in send order.
  for (const got of seen.received) {
    const last = new Map<number, number>();
    for (const v of got) {
      const prev = last.get(producerOf(v));
      if (prev !== undefined) expect(v).toBeGreaterThan(prev);
      last.set(producerOf(v), v);
    }
  }
}

describe("random programs", () => {
  it("lose no value, duplicate none, keep each producer's order, and replay from their seed", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 1, max: 1_000_000 }), async (p, seed) => {
        const a = await runOnce(p, { seed });
        checkDelivery(p, a);
        const b = await runOnce(p, { seed });
        expect(b.result.trace).toEqual(a.result.trace);
        expect(b.seen).toEqual(a.seen);
      }),
      { numRuns: 120 },
    );
  });

  it("tracing changes nothing a program can observe: the same seed with trace off gives the same deliveries", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), async (p, seed, explore) => {
        const on = await runOnce(p, { seed, explore });
        const off = await runOnce(p, { seed, explore, trace: false });
        expect(off.seen).toEqual(on.seen);
        expect(off.result.virtualMs).toBe(on.result.virtualMs);
        expect(off.result.outcome).toBe(on.result.outcome);
      }),
      { numRuns: 40 },
    );
  });

  it("in explore mode too: every interleaving it picks delivers correctly, and the seed replays it", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 1, max: 1_000_000 }), async (p, seed) => {
        const a = await runOnce(p, { seed, explore: true });
        checkDelivery(p, a);
        const b = await runOnce(p, { seed, explore: true });
        expect(b.result.trace).toEqual(a.result.trace);
        expect(b.seen).toEqual(a.seen);
      }),
      { numRuns: 120 },
    );
  });

  it("a single producer and a single consumer: the consumer gets exactly the sent sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.array(fc.integer(), { maxLength: 30 }), fc.nat(), async (cap, values, seed) => {
        const got: number[] = [];
        const r = await runProgram(
          async () => {
            const c = chan<number>(cap);
            go("producer", async () => {
              for (const v of values) await c.send(v);
              c.close();
            });
            for await (const v of c) got.push(v);
          },
          { seed, trace: false },
        );
        expect(r.outcome).toBe("ok");
        expect(got).toEqual(values);
      }),
      { numRuns: 50 },
    );
  });

  it("with sleeps, timeouts and a deadline: nothing received twice or out of order, and replay is exact", async () => {
    const timedArb = fc.record({
      producers: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
      cap: fc.integer({ min: 0, max: 2 }),
      deadline: fc.integer({ min: 1, max: 150 }),
      patience: fc.integer({ min: 1, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(timedArb, fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), async (spec, seed, explore) => {
        const once = async () => {
          const got: number[] = [];
          const result = await runProgram(
            async () => {
              const c = chan<number>(spec.cap);
              spec.producers.forEach((sleeps, pi) =>
                go(`producer-${pi}`, async () => {
                  for (let k = 0; k < sleeps.length; k++) {
                    await sleep(sleeps[k]);
                    await c.send(valueOf(pi, k));
                  }
                }),
              );
              const [ctx, cancel] = context.withTimeout(context.background(), spec.deadline);
              for (let open = true; open; ) {
                await select(
                  recv(c, (v) => void got.push(v as number)),
                  recv(ctx.done(), () => void (open = false)),
                  recv(after(spec.patience), () => void (open = false)),
                );
              }
              cancel();
            },
            { seed, explore },
          );
          return { result, got };
        };
        const a = await once();
        expect(a.result.outcome, a.result.report).toBe("ok");
        expect(new Set(a.got).size).toBe(a.got.length);
        const last = new Map<number, number>();
        for (const v of a.got) {
          expect(v).toBeGreaterThan(last.get(producerOf(v)) ?? -1);
          last.set(producerOf(v), v);
        }
        expect(a.result.virtualMs).toBeLessThanOrEqual(spec.deadline);
        const b = await once();
        expect(b.result.trace).toEqual(a.result.trace);
        expect(b.got).toEqual(a.got);
      }),
      { numRuns: 80 },
    );
  });
});
