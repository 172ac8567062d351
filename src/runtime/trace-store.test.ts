import { describe, expect, it } from "vitest";
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

  it("grows past its first capacity without losing events", () => {
    const s = new TraceStore();
    for (let i = 0; i < 10_000; i++) s.run(i, i);
    expect(s.n).toBe(10_000);
    expect(s.event(9_999)).toEqual({ seq: 9_999, t: 9_999, kind: "task.run", task: 9_999 });
  });
});
