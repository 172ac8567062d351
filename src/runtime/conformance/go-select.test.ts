// Ports of Go's select tests in test/chan/: select.go, select2.go, select3.go, select4.go,
// select6.go, select7.go, sendstmt.go and zerosize.go.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { chan, close, defaultCase, go, recv, select, send, sleep, type Chan } from "../index.ts";
import { check, runOk, runProgram } from "./harness.ts";

describe("select.go", () => {
  it("a select evaluates every case's value once, takes one ready case, and never a nil channel", async () => {
    await runOk(async () => {
      let counter = 0;
      let shift = 0;
      const getValue = (): number => {
        counter++;
        return 1 << shift;
      };
      const sendAll = async (a0: Chan<number> | null, b0: Chan<number> | null): Promise<number> => {
        let [a, b] = [a0, b0];
        let i = 0;
        for (;;) {
          const more = await select(
            send(a, getValue(), () => {
              i++;
              a = null;
              return true;
            }),
            send(b, getValue(), () => {
              i++;
              b = null;
              return true;
            }),
            defaultCase(() => false),
          );
          if (!more) break;
          shift++;
        }
        return i;
      };
      const a = chan<number>(1);
      const b = chan<number>(1);
      check((await sendAll(a, b)) === 2, "Send(a, b) did not send twice");
      const av = (await a.recv()) as number;
      const bv = (await b.recv()) as number;
      check((av | bv) === 3, `bad values ${av} ${bv}`);
      check((await sendAll(a, null)) === 1, "Send(a, nil) did not send once");
      check(counter === 10, `counter is ${counter}, want 10`);
    });
  });
});

describe("select2.go", () => {
  it("100 000 selects whose other case never wins leave no garbage behind on that channel", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    let growth = Number.NaN;
    await runOk(
      async () => {
        const c = chan<number>();
        const dummy = chan<number>();
        const round = async (): Promise<void> => {
          go("sender", async () => {
            for (let i = 0; i < 100_000; i++) await c.send(1);
          });
          for (let i = 0; i < 100_000; i++) {
            await select(
              recv(c),
              recv(dummy, () => {
                throw new Error("dummy");
              }),
            );
          }
        };
        await round();
        gc();
        const before = process.memoryUsage().heapUsed;
        await round();
        gc();
        growth = process.memoryUsage().heapUsed - before;
      },
      { trace: false },
    );
    // Go allows 110 kB; a runtime that leaves a dead waiter per select on `dummy` keeps ~10 MB.
    expect(growth).toBeLessThan(3_000_000);
  });
});

// select3.go: testBlock runs f in a task and says whether it blocked "always" (still blocked
// after 100 ms) or "never"; testPanic (a separate run here: chanscope has no recover) whether
// f panics.
const ALWAYS = "blocks";
const NEVER = "returns";

async function blocking(f: () => Promise<unknown>): Promise<string> {
  let verdict = "";
  await runOk(async () => {
    const c = chan<string>();
    go("f", async () => {
      await f();
      await c.send(NEVER);
    });
    go("timeout", async () => {
      await sleep(100);
      await c.send(ALWAYS);
    });
    verdict = (await c.recv()) as string;
  });
  return verdict;
}

async function panicsWith(f: () => Promise<unknown>): Promise<string | undefined> {
  const r = await runProgram(f);
  return r.outcome === "panic" ? r.panic?.message : undefined;
}

const unreachable = (): never => {
  throw new Error("control flow shouldn't reach here");
};

describe("select3.go", () => {
  const nilch: Chan<number> | null = null;
  const closed = (): Chan<number> => {
    const c = chan<number>();
    c.close();
    return c;
  };

  it("a select case on a nil channel is never chosen", async () => {
    await runOk(async () => {
      await select(send(nilch, 7, unreachable), defaultCase());
      await select(recv(nilch, unreachable), defaultCase());
    });
  });

  it("sending to a buffered channel with free space never blocks", async () => {
    expect(await blocking(async () => chan<number>(1).send(7))).toBe(NEVER);
  });

  it("receiving from a closed channel never blocks and yields the zero value, not ok", async () => {
    expect(
      await blocking(async () => {
        const c = closed();
        for (let i = 0; i < 10; i++) {
          check((await c.recv()) === undefined, "closed channel gave a value");
          const [x, ok] = await c.recvOk();
          check(x === undefined && !ok, `closed channel gave ${String(x)}, ${String(ok)}`);
        }
      }),
    ).toBe(NEVER);
  });

  it("sending to a closed channel panics, inside a select too", async () => {
    expect(await panicsWith(async () => closed().send(7))).toBe("send on closed channel");
    expect(await panicsWith(async () => select(send(closed(), 7)))).toBe("send on closed channel");
  });

  it("receiving from a channel nobody sends on always blocks", async () => {
    expect(await blocking(async () => chan<number>().recv())).toBe(ALWAYS);
  });

  it("an empty select always blocks", async () => {
    expect(await blocking(async () => select())).toBe(ALWAYS);
  });

  it("a select over nil channels only always blocks", async () => {
    expect(await blocking(async () => select(recv(nilch, unreachable)))).toBe(ALWAYS);
    expect(await blocking(async () => select(send(nilch, 7, unreachable)))).toBe(ALWAYS);
    expect(await blocking(async () => select(recv(nilch, unreachable), send(nilch, 7, unreachable)))).toBe(ALWAYS);
  });

  it("a select over channels that are not ready always blocks", async () => {
    expect(await blocking(async () => select(recv(chan<number>(), unreachable)))).toBe(ALWAYS);
  });

  it("a select with a default never blocks", async () => {
    expect(await blocking(async () => select(defaultCase()))).toBe(NEVER);
    expect(await blocking(async () => select(recv(nilch, unreachable), defaultCase()))).toBe(NEVER);
    expect(await blocking(async () => select(send(nilch, 7, unreachable), defaultCase()))).toBe(NEVER);
  });

  it("a select with a ready case takes it rather than the default", async () => {
    expect(await blocking(async () => select(send(chan<number>(1), 7), defaultCase(unreachable)))).toBe(NEVER);
    expect(
      await blocking(async () => {
        const ch = chan<number>(1);
        await ch.send(7);
        await select(recv(ch), defaultCase(unreachable));
      }),
    ).toBe(NEVER);
  });

  it("a select on a closed channel behaves like a receive: ready, with zero value and not ok", async () => {
    expect(await blocking(async () => select(recv(closed())))).toBe(NEVER);
    let got: [unknown, unknown] = [1, true];
    expect(
      await blocking(async () =>
        select(
          recv(closed(), (x, ok) => {
            got = [x, ok];
          }),
        ),
      ),
    ).toBe(NEVER);
    expect(got).toEqual([undefined, false]);
  });

  it("a select that sends and receives on the same unbuffered channel does not pair with itself", async () => {
    expect(
      await blocking(async () => {
        const c = chan<number>();
        await select(send(c, 1), recv(c));
      }),
    ).toBe(ALWAYS);
  });
});

describe("select4.go", () => {
  it("only the chosen case's handler runs, and it gets the buffered value", async () => {
    await runOk(async () => {
      const c = chan<number>(1);
      const c1 = chan<number>();
      await c.send(42);
      const got = await select(
        recv(c1, () => {
          throw new Error("BUG: the losing case's handler ran");
        }),
        recv(c, (v) => v),
      );
      check(got === 42, `BUG: got ${String(got)}`);
    });
  });
});

describe("select6.go (Go issue 2075)", () => {
  it("a select that lost on a channel leaves that channel's other waiters able to wake", async () => {
    await runOk(async () => {
      const c1 = chan<boolean>();
      const c2 = chan<boolean>();
      const c3 = chan<boolean>();
      go("plain-receiver", async () => {
        await c1.recv();
      });
      go("selecter", async () => {
        const won = await select(
          recv(c1, () => {
            throw new Error("dummy");
          }),
          recv(c2, () => "c2"),
        );
        check(won === "c2", "the c2 case must win");
        await c3.send(true);
        await c1.recv();
      });
      go("c2-sender", async () => {
        await c2.send(true);
      });
      await c3.recv();
      await c1.send(true);
      await c1.send(true);
    });
  });
});

describe("select7.go", () => {
  const recv1 = async (c: Chan<number>) => {
    await c.recv();
  };
  const recv2 = async (c: Chan<number>) => {
    await select(recv(c));
  };
  const recv3 = async (c: Chan<number>) => {
    await select(recv(c), recv(chan<number>()));
  };
  type Receiver = (c: Chan<number>) => Promise<void>;
  const send1 = async (r: Receiver) => {
    const c = chan<number>();
    go(() => r(c));
    await sleep(0);
    await c.send(1);
  };
  const send2 = async (r: Receiver) => {
    const c = chan<number>();
    go(() => r(c));
    await sleep(0);
    await select(send(c, 1));
  };
  const send3 = async (r: Receiver) => {
    const c = chan<number>();
    go(() => r(c));
    await sleep(0);
    await select(send(c, 1), send(chan<number>(), 1));
  };

  it("every pairing of plain and select sends with plain and select receives hands the value over", async () => {
    const result = await runOk(async () => {
      for (const s of [send1, send2, send3]) for (const r of [recv1, recv2, recv3]) await s(r);
    });
    expect(result.leaks).toEqual([]);
  });
});

describe("sendstmt.go", () => {
  it("a select can send on a channel it has just received from another channel", async () => {
    await runOk(async () => {
      const cc = chan<Chan<number>>(1);
      const c = chan<number>(1);
      await cc.send(c);
      await select(
        send((await cc.recv()) as Chan<number>, 2),
        defaultCase(() => {
          throw new Error("nonblock");
        }),
      );
      check((await c.recv()) === 2, "bad receive");
      const b = chan<boolean>(1);
      const no = Boolean(c.len); // false, but not a constant the linter folds
      await b.send(no || true);
      check((await b.recv()) === true, "sent false");
    });
  });
});

describe("zerosize.go", () => {
  it("channels of no value (Go's chan struct{}) can be made, buffered or not, and carry undefined", async () => {
    await runOk(async () => {
      chan<void>();
      chan<never[]>(1);
      const done = chan<void>(1);
      await done.send(undefined);
      const [v, ok] = await done.recvOk();
      check(v === undefined && ok, "a sent undefined must arrive with ok = true");
      close(done);
      const [, ok2] = await done.recvOk();
      check(!ok2, "a closed, drained channel must say ok = false");
    });
  });
});
