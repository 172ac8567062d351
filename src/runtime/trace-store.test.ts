import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preview } from "./format.ts";
import { defaultName } from "./task.ts";
import type { TaskBlockEvent, TraceEvent } from "./trace.ts";
import { TraceStore } from "./trace-store.ts";

describe("TraceStore", () => {
  it("gives back each recorded event as DESIGN §4's object, with seq = its index", () => {
    const s = new TraceStore();
    s.spawn(0, 2, 1, "worker", 4, 2);
    s.spawn(0, 1, null, "main", 0, 0);
    s.run(1, 2);
    s.block(1, 2, "select", [{ id: 3 }, { id: 5 }], 9, 4);
    s.block(2, 1, "sleep", null, 0, 0);
    s.unblock(3, 2);
    s.send(3, 3, 2, 7, 42);
    s.sendPreview(3, 4, 8, "100");
    s.recv(3, 3, 1, 7, true);
    s.recv(4, 3, 1, null, false);
    s.exit(5, 2);
    s.object({ seq: 11, t: 5, kind: "signal", name: "SIGTERM" });
    expect(s.slice(0)).toEqual([
      { seq: 0, t: 0, kind: "task.spawn", task: 2, parent: 1, name: "worker", loc: { line: 4, column: 2 } },
      { seq: 1, t: 0, kind: "task.spawn", task: 1, parent: null, name: "main", loc: null },
      { seq: 2, t: 1, kind: "task.run", task: 2 },
      { seq: 3, t: 1, kind: "task.block", task: 2, reason: "select", chans: [3, 5], loc: { line: 9, column: 4 } },
      { seq: 4, t: 2, kind: "task.block", task: 1, reason: "sleep", loc: null },
      { seq: 5, t: 3, kind: "task.unblock", task: 2 },
      { seq: 6, t: 3, kind: "chan.send", chan: 3, task: 2, msg: 7, preview: "42" },
      { seq: 7, t: 3, kind: "chan.send", chan: 4, task: null, msg: 8, preview: "100" },
      { seq: 8, t: 3, kind: "chan.recv", chan: 3, task: 1, msg: 7, ok: true },
      { seq: 9, t: 4, kind: "chan.recv", chan: 3, task: 1, msg: null, ok: false },
      { seq: 10, t: 5, kind: "task.exit", task: 2 },
      { seq: 11, t: 5, kind: "signal", name: "SIGTERM" },
    ]);
  });

  it("previews an object as it was when sent, even if it changes later", () => {
    const s = new TraceStore();
    const job = { id: 1 };
    s.send(0, 1, 1, 1, job);
    job.id = 2;
    expect(s.event(0)).toMatchObject({ preview: "{ id: 1 }" });
  });

  it("blocks on the same channels share one chans array (a select in a loop records it once)", () => {
    const s = new TraceStore();
    const a = { id: 3 };
    const b = { id: 5 };
    for (let i = 0; i < 3; i++) {
      s.block(i, 1, "select", [a, b], 0, 0);
      s.block(i, 2, "select", [b, a], 0, 0);
    }
    const [first, other, ...rest] = s.slice(0) as TaskBlockEvent[];
    expect(first.chans).toEqual([3, 5]);
    expect(other.chans).toEqual([5, 3]);
    for (let i = 0; i < rest.length; i += 2) {
      expect(rest[i].chans).toBe(first.chans);
      expect(rest[i + 1].chans).toBe(other.chans);
    }
  });

  it("grows past its first capacity without losing events", () => {
    const s = new TraceStore();
    for (let i = 0; i < 10_000; i++) s.run(i, i);
    expect(s.n).toBe(10_000);
    expect(s.event(9_999)).toEqual({ seq: 9_999, t: 9_999, kind: "task.run", task: 9_999 });
  });
});

// A reference recorder: each call kept as the object DESIGN §4 describes, built the obvious way.
type Call =
  | { k: "run" | "unblock" | "exit"; t: number; task: number }
  | { k: "block"; t: number; task: number; reason: string; chans: number[] | null; line: number; column: number }
  | { k: "spawn"; t: number; task: number; parent: number | null; name: string; line: number; column: number }
  | { k: "send"; t: number; chan: number; task: number | null; msg: number; value: unknown }
  | { k: "recv"; t: number; chan: number; task: number; msg: number | null; ok: boolean }
  | { k: "signal"; t: number; name: string };

function expected(calls: Call[]): TraceEvent[] {
  return calls.map((c, seq): TraceEvent => {
    const loc = (line: number, column: number) => (line > 0 ? { line, column } : null);
    switch (c.k) {
      case "run":
        return { seq, t: c.t, kind: "task.run", task: c.task };
      case "unblock":
        return { seq, t: c.t, kind: "task.unblock", task: c.task };
      case "exit":
        return { seq, t: c.t, kind: "task.exit", task: c.task };
      case "block":
        return c.chans === null
          ? { seq, t: c.t, kind: "task.block", task: c.task, reason: c.reason, loc: loc(c.line, c.column) }
          : { seq, t: c.t, kind: "task.block", task: c.task, reason: c.reason, loc: loc(c.line, c.column), chans: c.chans };
      case "spawn":
        return { seq, t: c.t, kind: "task.spawn", task: c.task, parent: c.parent, name: c.name === "" ? defaultName(c.task) : c.name, loc: loc(c.line, c.column) };
      case "send":
        return { seq, t: c.t, kind: "chan.send", chan: c.chan, task: c.task, msg: c.msg, preview: preview(c.value) };
      case "recv":
        return { seq, t: c.t, kind: "chan.recv", chan: c.chan, task: c.task, msg: c.msg, ok: c.ok };
      case "signal":
        return { seq, t: c.t, kind: "signal", name: c.name };
    }
  });
}

function record(s: TraceStore, c: Call): void {
  switch (c.k) {
    case "run":
    case "unblock":
    case "exit":
      s[c.k](c.t, c.task);
      return;
    case "block":
      s.block(c.t, c.task, c.reason, c.chans === null ? null : c.chans.map((id) => ({ id })), c.line, c.column);
      return;
    case "spawn":
      s.spawn(c.t, c.task, c.parent, c.name, c.line, c.column);
      return;
    case "send":
      s.send(c.t, c.chan, c.task, c.msg, c.value);
      return;
    case "recv":
      s.recv(c.t, c.chan, c.task, c.msg, c.ok);
      return;
    case "signal":
      s.object({ seq: s.n, t: c.t, kind: "signal", name: c.name });
  }
}

// Ids mostly small, sometimes too large for a row's header (the store keeps those as objects).
const id = fc.oneof({ weight: 9, arbitrary: fc.nat(50) }, { weight: 1, arbitrary: fc.integer({ min: 2 ** 28 - 2, max: 2 ** 31 - 1 }) });
const line = fc.oneof(fc.constant(0), fc.nat(500));
const callOf = (t: number): fc.Arbitrary<Call> =>
  fc.oneof(
    fc.record({ k: fc.constantFrom("run" as const, "unblock" as const, "exit" as const), t: fc.constant(t), task: id }),
    fc.record({ k: fc.constant("block" as const), t: fc.constant(t), task: id, reason: fc.constantFrom("chan send", "chan receive", "select", "sleep"), chans: fc.option(fc.array(fc.nat(20), { maxLength: 3 })), line, column: fc.nat(80) }),
    fc.record({ k: fc.constant("spawn" as const), t: fc.constant(t), task: id, parent: fc.option(fc.nat(50)), name: fc.constantFrom("", "worker", "main"), line, column: fc.nat(80) }),
    fc.record({ k: fc.constant("send" as const), t: fc.constant(t), chan: id, task: fc.option(fc.nat(50)), msg: fc.nat(), value: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(undefined), fc.constant(null), fc.record({ a: fc.nat() })) }),
    fc.record({ k: fc.constant("recv" as const), t: fc.constant(t), chan: id, task: fc.nat(50), msg: fc.option(fc.nat()), ok: fc.boolean() }),
    fc.record({ k: fc.constant("signal" as const), t: fc.constant(t), name: fc.constantFrom("SIGINT", "SIGTERM") }),
  );
// A run's calls: virtual time stays put for stretches and jumps forward now and then.
const calls = fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 30 })), { maxLength: 40 }).chain((steps) => {
  let t = 0;
  return fc.tuple(...steps.map(([dt, n]) => ((t += dt * 0.5), fc.array(callOf(t), { minLength: n, maxLength: n })))).map((xs) => xs.flat());
});

describe("TraceStore, against a plain recorder", () => {
  it("gives back exactly the events recorded — same fields, same key order, same seq and t", () => {
    fc.assert(
      fc.property(calls, (cs) => {
        const s = new TraceStore();
        for (const c of cs) record(s, c);
        const got = s.slice(0);
        const want = expected(cs);
        expect(got).toStrictEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { numRuns: 100 },
    );
  });

  it("streams the same events in batches of any size, and looks up any one event afterwards", () => {
    fc.assert(
      fc.property(calls, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), fc.nat(), (cs, sizes, pick) => {
        const s = new TraceStore();
        const streamed: TraceEvent[] = [];
        let k = 0;
        for (const c of cs) {
          record(s, c);
          // A batch is read whenever the size due is reached, as onEvents does while the run goes on.
          if (s.n - streamed.length >= sizes[k % sizes.length]) {
            streamed.push(...s.slice(streamed.length));
            k++;
          }
        }
        streamed.push(...s.slice(streamed.length));
        const want = expected(cs);
        expect(streamed).toStrictEqual(want);
        if (want.length > 0) expect(s.event(pick % want.length)).toStrictEqual(want[pick % want.length]);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps every row whole across chunk boundaries (one-word and five-word rows interleaved)", () => {
    const s = new TraceStore();
    // 240 000 words: the rows cross three chunk boundaries at different places in a row.
    for (let i = 0; i < 40_000; i++) {
      s.run(i >> 10, i & 1023);
      s.send(i >> 10, 3, 1, i, i);
    }
    expect(s.n).toBe(80_000);
    const all = s.slice(0);
    for (let i = 0; i < 40_000; i++) {
      expect(all[2 * i]).toEqual({ seq: 2 * i, t: i >> 10, kind: "task.run", task: i & 1023 });
      expect(all[2 * i + 1]).toEqual({ seq: 2 * i + 1, t: i >> 10, kind: "chan.send", chan: 3, task: 1, msg: i, preview: String(i) });
    }
    expect(s.event(12_345)).toEqual(all[12_345]);
  });
});
