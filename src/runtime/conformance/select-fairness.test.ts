// Go's select picks uniformly at random among the ready cases: a program must never come to
// depend on case order. Over 10 000 selects with two always-ready cases each wins 50 % ± 2 %.
import { describe, expect, it } from "vitest";
import { chan, go, recv, select } from "../index.ts";
import { runOk } from "./harness.ts";

const N = 10_000;
const within = (count: number) => Math.abs(count / N - 0.5);

describe("select fairness", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`two closed channels (always ready): each case wins 50 % ± 2 % (seed ${seed})`, async () => {
      const wins = [0, 0];
      await runOk(
        async () => {
          const a = chan<number>();
          const b = chan<number>();
          a.close();
          b.close();
          for (let i = 0; i < N; i++)
            await select(
              recv(a, () => void wins[0]++),
              recv(b, () => void wins[1]++),
            );
        },
        { seed, trace: false },
      );
      expect(wins[0] + wins[1]).toBe(N);
      expect(within(wins[0])).toBeLessThanOrEqual(0.02);
    });
  }

  it("two producers always waiting to send: each wins 50 % ± 2 %, and neither starves", async () => {
    const wins = { a: 0, b: 0 };
    let longestRun = 0;
    await runOk(
      async () => {
        const a = chan<string>();
        const b = chan<string>();
        go("a", async () => {
          for (;;) await a.send("a");
        });
        go("b", async () => {
          for (;;) await b.send("b");
        });
        let last = "";
        let run = 0;
        for (let i = 0; i < N; i++) {
          const v = (await select(
            recv(a, (x) => x),
            recv(b, (x) => x),
          )) as "a" | "b";
          wins[v]++;
          run = v === last ? run + 1 : 1;
          last = v;
          longestRun = Math.max(longestRun, run);
        }
      },
      { seed: 42, trace: false },
    );
    expect(within(wins.a)).toBeLessThanOrEqual(0.02);
    // 10 000 fair coin flips: a run longer than ~30 would be a one-in-a-million event.
    expect(longestRun).toBeLessThan(30);
  });

  it("the choice depends on the seed: different seeds give different sequences", async () => {
    const sequence = async (seed: number) => {
      const picks: number[] = [];
      await runOk(
        async () => {
          const a = chan<number>();
          const b = chan<number>();
          a.close();
          b.close();
          for (let i = 0; i < 64; i++)
            await select(
              recv(a, () => void picks.push(0)),
              recv(b, () => void picks.push(1)),
            );
        },
        { seed, trace: false },
      );
      return picks.join("");
    };
    expect(await sequence(1)).toBe(await sequence(1));
    expect(await sequence(1)).not.toBe(await sequence(2));
  });
});
