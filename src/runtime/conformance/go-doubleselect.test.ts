// Port of Go's test/chan/doubleselect.go: a sender's four-case select must run exactly one case
// per iteration. If two cases ever both ran, one counter would arrive twice at the receiver.
import { describe, expect, it } from "vitest";
import { chan, go, select, send, type Chan } from "../index.ts";
import { check, runOk } from "./harness.ts";

const ITERATIONS = 20_000;

async function doubleSelect(): Promise<number> {
  let received = 0;
  const c = [chan<number>(), chan<number>(), chan<number>(), chan<number>()];
  const cmux = chan<number>();
  const done = chan<boolean>();
  go("sender", async () => {
    for (let i = 0; i < ITERATIONS; i++) await select(...c.map((ch) => send(ch, i)));
    for (const ch of c) ch.close();
  });
  const mux = (inp: Chan<number>) => async () => {
    for await (const v of inp) await cmux.send(v);
    await done.send(true);
  };
  c.forEach((ch, k) => go(`mux-${k}`, mux(ch)));
  go("closer", async () => {
    for (let k = 0; k < c.length; k++) await done.recv();
    cmux.close();
  });
  const seen = new Set<number>();
  for await (const v of cmux) {
    check(!seen.has(v), `got duplicate value: ${v}`);
    seen.add(v);
    received++;
  }
  return received;
}

describe("doubleselect.go", () => {
  for (const explore of [false, true]) {
    it(`a four-case select runs exactly one case per iteration (${explore ? "explore" : "FIFO"} scheduling)`, async () => {
      let received = -1;
      const r = await runOk(
        async () => {
          received = await doubleSelect();
        },
        { trace: false, explore, seed: 5 },
      );
      expect(received).toBe(ITERATIONS);
      expect(r.leaks).toEqual([]);
    });
  }
});
