import { describe, expect, it } from "vitest";
import { chan, close, go, recv, select, send, defaultCase, sleep } from "./index.ts";
import { run } from "./run.ts";

describe("channels", () => {
  it("an unbuffered send waits until a receiver takes the value", async () => {
    const r = await run(async () => {
      const c = chan<string>();
      go("sender", async () => {
        await c.send("hi");
        console.log("sent");
      });
      await sleep(50);
      console.log("got", await c.recv());
      await sleep(1);
    });
    expect(r.output.map((o) => [o.t, o.text])).toEqual([
      [50, "got hi"],
      [50, "sent"],
    ]);
    const send = r.trace.find((e) => e.kind === "chan.send");
    expect(send).toMatchObject({ t: 50, task: 2, preview: '"hi"' });
  });

  it("a buffered channel is FIFO and reports len and cap", async () => {
    const r = await run(async () => {
      const c = chan<number>(3, "jobs");
      await c.send(1);
      await c.send(2);
      console.log(c.len, c.cap, c.name);
      console.log(await c.recv(), await c.recv());
    });
    expect(r.output.map((o) => o.text)).toEqual(["2 3 jobs", "1 2"]);
  });

  it("a closed channel drains, then yields undefined, false; range ends", async () => {
    const r = await run(async () => {
      const c = chan<number>(2);
      await c.send(1);
      await c.send(2);
      close(c);
      const seen: number[] = [];
      for await (const v of c) seen.push(v);
      console.log(seen, await c.recvOk());
    });
    expect(r.output.map((o) => o.text)).toEqual(["[1, 2] [undefined, false]"]);
  });

  it("a blocked sender moves its value into the buffer as soon as there is room", async () => {
    const r = await run(async () => {
      const c = chan<number>(1);
      await c.send(1);
      go("second", () => c.send(2));
      await sleep(1);
      console.log(await c.recv(), c.len, await c.recv());
    });
    expect(r.output.map((o) => o.text)).toEqual(["1 1 2"]);
  });

  it("waiting receivers are served first come, first served", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      for (const n of ["r1", "r2", "r3"]) go(n, async () => console.log(n, await c.recv()));
      await sleep(1);
      for (let i = 1; i <= 3; i++) await c.send(i);
      await sleep(1);
    });
    expect(r.output.map((o) => o.text)).toEqual(["r1 1", "r2 2", "r3 3"]);
  });

  it("a negative or fractional capacity panics like Go's make", async () => {
    const r = await run(async () => {
      chan(-1);
    });
    expect(r.panic?.message).toBe("makechan: size out of range");
  });
});

describe("select", () => {
  it("chooses uniformly among ready cases (10 000 selects: 50 % ± 2 %)", async () => {
    let a = 0;
    const r = await run(
      async () => {
        const x = chan<number>(1);
        const y = chan<number>(1);
        for (let i = 0; i < 10_000; i++) {
          await x.send(0);
          await y.send(0);
          await select(recv(x, () => a++), recv(y));
          await select(recv(x), recv(y)); // drain the other
        }
      },
      { trace: false, seed: 9 },
    );
    expect(r.outcome).toBe("ok");
    expect(a / 10_000).toBeGreaterThan(0.48);
    expect(a / 10_000).toBeLessThan(0.52);
  });

  it("a losing case leaves the channel's queue intact for the next waiter", async () => {
    const r = await run(async () => {
      const a = chan<string>();
      const b = chan<string>();
      go("selector", () => select(recv(a, (v) => console.log("selector a", v)), recv(b, (v) => console.log("selector b", v))));
      go("plain", async () => console.log("plain b", await b.recv()));
      await sleep(1);
      await a.send("1"); // the selector wins on a; its waiter on b must be gone
      await b.send("2"); // so this goes to "plain"
      await sleep(1);
    });
    expect(r.output.map((o) => o.text)).toEqual(["selector a 1", "plain b 2"]);
  });

  it("resolves to the chosen handler's result, or undefined without a handler", async () => {
    const r = await run(async () => {
      const c = chan<number>(1);
      await c.send(5);
      const x = await select(recv(c, (v) => (v ?? 0) * 2), defaultCase(() => -1));
      const y = await select(recv(c), defaultCase(() => -1));
      const z = await select(send(c, 1), defaultCase(() => -1));
      console.log(x, y, z);
    });
    expect(r.output.map((o) => o.text)).toEqual(["10 -1 undefined"]);
  });

  it("a blocked select runs its handler in its own task when a case becomes ready", async () => {
    const r = await run(async () => {
      const c = chan<number>();
      go("sender", async () => {
        await sleep(20);
        await c.send(7);
      });
      const got = await select(recv(c, async (v) => {
        await sleep(5);
        return `got ${v}`;
      }));
      console.log(got);
    });
    expect(r.output.map((o) => [o.t, o.task, o.text])).toEqual([[25, 1, "got 7"]]);
  });
});
