import { describe, expect, it } from "vitest";
import { runUserSource } from "../sandbox/node-runner.ts";
import { eventSentences, logWindow } from "./event-log.ts";
import { BUFFERED_VS_UNBUFFERED, DEADLOCK, LEAK, STATE_MACHINE_RETRY } from "./fixtures.ts";
import { buildTimeline, type TimelineModel } from "./model.ts";

async function modelOf(source: string): Promise<TimelineModel> {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(`fixture does not compile: ${r.error.message} at line ${r.error.line}`);
  return buildTimeline(r.result.trace, r.result);
}

function logOf(model: TimelineModel): string[] {
  const say = eventSentences(model);
  return model.events.map((_, i) => say(i));
}

describe("event sentences", () => {
  it("a deadlock reads as who blocked sending or receiving on which channel, at which line", async () => {
    const log = logOf(await modelOf(DEADLOCK));
    expect(log).toContain("t=0 ms main started worker");
    expect(log).toContain("t=0 ms main blocked receiving from done (line 9)");
    expect(log).toContain("t=0 ms worker blocked sending to results (line 6)");
  });

  it("a timeout names its context, its error, the select it woke and the task that leaked", async () => {
    const log = logOf(await modelOf(LEAK));
    expect(log).toContain("t=100 ms ctx withTimeout(100) cancelled: context deadline exceeded");
    expect(log).toContain("t=0 ms main blocked in select on results, withTimeout(100).Done() (line 7)");
    expect(log).toContain("t=0 ms channel withTimeout(100).Done() made (unbuffered)");
    expect(log).toContain("t=100 ms main received nothing from withTimeout(100).Done() (closed)");
    expect(log).toContain('t=100 ms main printed "search canceled"');
    expect(log).toContain("t=200 ms search blocked sending to results (line 4)");
    expect(log[log.length - 1]).toBe("t=400 ms search leaked: chan send since t=200 ms");
  });

  it("a retry's self-transition reads as its state re-entered, a change of state as from → to", async () => {
    const log = logOf(await modelOf(STATE_MACHINE_RETRY));
    expect(log).toContain("t=3 s sender: synSent re-entered on xstate.after.3000.sender.synSent");
    expect(log).toContain("t=7 s sender: synSent → established on SYN_ACK");
  });

  it("a receive names the value its send carried", async () => {
    const model = await modelOf(BUFFERED_VS_UNBUFFERED);
    const log = logOf(model);
    const received = log.filter((s) => / received \S+ from queue$/.test(s));
    expect(received.map((s) => s.replace(/^t=\S+ ms \S+ received (\S+) from queue$/, "$1"))).toEqual(["0", "1", "2"]);
    expect(log.some((s) => /sent 0 to queue$/.test(s))).toBe(true);
  });

  it("one sentence per kept event, in trace order, each starting with its virtual time", async () => {
    const model = await modelOf(LEAK);
    const log = logOf(model);
    expect(log.length).toBe(model.events.length);
    log.forEach((s, i) => expect(s.startsWith(`t=${model.events[i].t === 0 ? "0" : model.events[i].t} ms `), s).toBe(true));
    expect(eventSentences(model)(model.events.length)).toBe("");
  });
});

describe("log window", () => {
  it("shows a short run whole", () => {
    expect(logWindow(10, 5, 2000)).toEqual({ from: 0, to: 10 });
  });

  it("caps a long run to max entries around the cursor, clamped to the ends", () => {
    expect(logWindow(100_000, 50_000, 2000)).toEqual({ from: 49_500, to: 51_500 });
    expect(logWindow(100_000, -1, 2000)).toEqual({ from: 0, to: 2000 });
    expect(logWindow(100_000, 99_999, 2000)).toEqual({ from: 98_000, to: 100_000 });
  });
});
