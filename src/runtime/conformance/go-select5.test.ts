// The idea of Go's test/chan/select5.go: enumerate every way of phrasing one real send or
// receive (a plain operation, or a select with the real case among a default before or after it,
// a dummy send and receive on a channel nobody uses, and sends and receives on a nil channel) and
// check each moves exactly one value and never runs a case that was not ready. Go generates the
// programs as source text; here a small enumerator walks every path through a builder instead.
// (select5's recvOrder/sendOrder templates check Go's evaluation order of channel and value
// expressions; JavaScript always evaluates arguments left to right, so there is nothing to port.)
import { describe, expect, it } from "vitest";
import { chan, defaultCase, recv, select, send, type Chan } from "../index.ts";
import { check, runOk } from "./harness.ts";

/**
 * Walks every path through code that calls choose(n): on successive rounds choose returns each
 * combination of answers once (the last choice varies fastest), as select5.go's next() does.
 */
class PathWalker {
  #choices: { i: number; n: number }[] = [];
  #cp = -1;

  choose(n: number): number {
    if (this.#cp >= this.#choices.length) {
      this.#choices.push({ i: 0, n });
      this.#cp = this.#choices.length;
      return 0;
    }
    const c = this.#choices[this.#cp++];
    if (c.n !== n) throw new Error("inconsistent choices");
    return c.i;
  }

  maybe(): boolean {
    return this.choose(2) === 0;
  }

  /** Starts the next round; false once every path has been walked. */
  next(): boolean {
    if (this.#cp < 0) {
      this.#cp = 0;
      return true;
    }
    let k = this.#choices.length - 1;
    while (k >= 0 && this.#choices[k].i === this.#choices[k].n - 1) k--;
    if (k < 0) {
      this.#choices = [];
      this.#cp = -1;
      return false;
    }
    this.#choices[k].i++;
    this.#choices.length = k + 1;
    this.#cp = 0;
    return true;
  }
}

type Case = Parameters<typeof select>[number];

const fail =
  (what: string) =>
  (): never => {
    throw new Error(what);
  };

/** The decoy cases select5 adds around the real one: none of them may ever be chosen. */
function decoys(p: PathWalker, dummy: Chan<number>, nilch: Chan<number> | null): Case[] {
  const cases: Case[] = [];
  if (p.maybe()) cases.push(send(dummy, 1, fail("dummy send")));
  if (p.maybe()) cases.push(recv(dummy, fail("dummy receive")));
  if (p.maybe()) cases.push(send(nilch, 1, fail("nilch send")));
  if (p.maybe()) cases.push(recv(nilch, fail("nilch recv")));
  return cases;
}

describe("select5.go (every phrasing of one send or receive)", () => {
  it("each phrasing moves exactly the one value and never runs a case that was not ready", async () => {
    const counts = { recv: 0, send: 0, nonblock: 0 };
    await runOk(
      async () => {
        const c = chan<number>(1); // buffered: one task does both ends, as in select5.go
        const dummy = chan<number>();
        const nilch: Chan<number> | null = null;
        let n = 1;
        let x = 0;
        const p = new PathWalker();

        // recv: send n, receive it one way or another into x.
        while (p.next()) {
          counts.recv++;
          await c.send(n);
          if (p.maybe()) {
            x = (await c.recv()) as number;
          } else {
            const before = p.maybe();
            const cases: Case[] = before ? [defaultCase(fail("nonblock"))] : [];
            const how = p.choose(3);
            if (how === 0) cases.push(recv(c, (v) => void (x = v as number)));
            else if (how === 1)
              cases.push(
                recv(c, (v, ok) => {
                  check(ok, "ok must be true for a sent value");
                  x = v as number;
                }),
              );
            else cases.push(recv(c, (v) => v));
            if (!before && p.maybe()) cases.push(defaultCase(fail("nonblock")));
            cases.push(...decoys(p, dummy, nilch));
            const r = await select(...cases);
            if (how === 2) x = r as number;
          }
          check(x === n, `have ${x} want ${n}`);
          n++;
        }

        // send: send n one way or another, receive it into x.
        while (p.next()) {
          counts.send++;
          if (p.maybe()) {
            await c.send(n);
          } else {
            const before = p.maybe();
            const cases: Case[] = before ? [defaultCase(fail("nonblock"))] : [];
            cases.push(send(c, n));
            if (!before && p.maybe()) cases.push(defaultCase(fail("nonblock")));
            cases.push(...decoys(p, dummy, nilch));
            await select(...cases);
          }
          x = (await c.recv()) as number;
          check(x === n, `have ${x} want ${n}`);
          n++;
        }

        // nonblock: nothing is ready, so the default runs and no receive touches x.
        while (p.next()) {
          counts.nonblock++;
          x = n;
          let defaulted = false;
          const before = p.maybe();
          const cases: Case[] = before ? [defaultCase(() => void (defaulted = true))] : [];
          if (p.maybe()) cases.push(send(dummy, 1, fail("dummy <- 1")));
          if (p.maybe()) cases.push(send(nilch, 1, fail("nilch <- 1")));
          if (p.maybe()) cases.push(recv(dummy, fail("<-dummy")));
          if (p.maybe()) cases.push(recv(dummy, (v) => void (x = v as number)));
          if (p.maybe()) cases.push(recv(nilch, fail("<-nilch")));
          if (p.maybe()) cases.push(recv(nilch, (v) => void (x = v as number)));
          if (!before) cases.push(defaultCase(() => void (defaulted = true)));
          await select(...cases);
          check(defaulted, "the default must run when no case is ready");
          check(x === n, `have ${x} want ${n}`);
          n++;
        }
      },
      { trace: false },
    );
    // recv: 1 plain + 2 (default before?) × 3 forms × (after?) … × 16 decoy sets; see the walker.
    expect(counts).toEqual({ recv: 1 + 3 * 3 * 16, send: 1 + 3 * 16, nonblock: 2 * 64 });
  });
});
