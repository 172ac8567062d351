// Ports of Go's test/chan/fifo.go and test/chan/goroutines.go: channels are first in, first out,
// and a long daisy chain of tasks threads one value through and tears down cleanly.
import { describe, expect, it } from "vitest";
import { chan, go, type Chan } from "../index.ts";
import { check, runOk } from "./harness.ts";

const N = 10;

describe("fifo.go", () => {
  it("a buffered channel gives back its values in the order they were sent", async () => {
    await runOk(async () => {
      const ch = chan<number>(N);
      for (let i = 0; i < N; i++) await ch.send(i);
      for (let i = 0; i < N; i++) check((await ch.recv()) === i, `bad receive at ${i}`);
    });
  });

  it("an unbuffered channel serves waiting receivers in the order they arrived (daisy chain)", async () => {
    // Each link waits for its turn on `inp`, then takes one value from the shared channel and
    // expects exactly its own index: only true if blocked receivers are woken first come, first served.
    const seen: number[] = [];
    await runOk(async () => {
      const ch = chan<number>();
      const first = chan<number>();
      let inp: Chan<number> = first;
      for (let i = 0; i < N; i++) {
        const out = chan<number>();
        const myIn = inp;
        go(`link-${i}`, async () => {
          await myIn.recv();
          const v = await ch.recv();
          check(v === i, `link ${i} received ${String(v)}`);
          seen.push(v as number);
          await out.send(1);
        });
        inp = out;
      }
      await first.send(0);
      for (let i = 0; i < N; i++) await ch.send(i);
      await inp.recv();
    });
    expect(seen).toEqual([...Array(N).keys()]);
  });
});

describe("goroutines.go", () => {
  it("10 000 tasks threaded together pass one value from the right end to the left and all exit", async () => {
    const n = 10_000;
    const result = await runOk(
      async () => {
        const leftmost = chan<number>();
        let left = leftmost;
        let right = leftmost;
        for (let i = 0; i < n; i++) {
          right = chan<number>();
          const [l, r] = [left, right];
          go(async () => {
            await l.send((await r.recv()) as number);
          });
          left = right;
        }
        const end = right;
        go(async () => {
          await end.send(1);
        });
        check((await leftmost.recv()) === 1, "the value did not arrive");
      },
      { trace: false },
    );
    expect(result.leaks).toEqual([]);
  });
});
