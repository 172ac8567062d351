import { describe, expect, it } from "vitest";
import { createMachine } from "xstate";
import type { TraceEvent } from "../runtime/trace.ts";
import { runUserSource } from "../sandbox/node-runner.ts";
import { chartFromDefinition, chartsOf, eventLabel, positionsAt, positionText, seqAtTime, transitionTaken } from "./chart-model.ts";
import { LINK_DEFINITION, LINK_PROGRAM } from "./fixtures.ts";
import { receiverMachine, senderMachine } from "./handshake-machine.ts";

const plain = (m: { toJSON(): unknown }) => JSON.parse(JSON.stringify(m.toJSON())) as unknown;

// A session that retries its SYN every 3 s until a SYN-ACK, then probes; the link may drop.
const program = `import { setup, createActor } from "xstate";
import { sleep } from "chanscope";
const m = setup({}).createMachine({
  id: "session", initial: "synSent",
  states: {
    synSent: { after: { 3000: { target: "synSent", reenter: true } }, on: { SYN_ACK: "established", LINK_DOWN: "down" } },
    established: { after: { 2000: { target: "established", reenter: true } }, on: { LINK_DOWN: "down" } },
    down: { type: "final" },
  },
});
export default async function main() {
  const a = createActor(m);
  a.start();
  await sleep(4000);
  a.send({ type: "SYN_ACK" });
  await sleep(3000);
  a.send({ type: "LINK_DOWN" });
}`;

const linkMachine = createMachine(LINK_DEFINITION);

async function traceOf(source: string): Promise<TraceEvent[]> {
  const r = await runUserSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.result.trace;
}

describe("eventLabel", () => {
  it("names delayed events by their delay and leaves other events as they are", () => {
    expect(eventLabel("xstate.after.3000.sender.synSent")).toBe("after 3000 ms");
    expect(eventLabel("xstate.after.retry.sender.synSent")).toBe("after retry");
    expect(eventLabel("SYN_ACK")).toBe("SYN_ACK");
  });
});

describe("chartFromDefinition", () => {
  it("draws the sender's states, its 3 s retry as a self-loop, and LINK_DOWN from every state (declared on the root)", () => {
    const chart = chartFromDefinition(plain(senderMachine));
    expect(chart?.states).toEqual([
      { id: "down", initial: true, final: false },
      { id: "synSent", initial: false, final: false },
      { id: "established", initial: false, final: false },
    ]);
    const arrows = chart?.transitions.map((t) => `${t.from} → ${t.to}: ${t.label}`);
    expect(arrows).toEqual(
      expect.arrayContaining([
        "down → synSent: LINK_UP",
        "synSent → synSent: after 3000 ms",
        "synSent → established: SYN_ACK [sameSession]",
        "established → established: after 1000 ms",
        "synSent → down: LINK_DOWN",
        "established → down: LINK_DOWN",
      ]),
    );
    // Targetless transitions (the duplicate SYN-ACK answered with an ACK) are actions, not arrows.
    expect(arrows?.filter((a) => a.startsWith("established → established"))).toEqual(["established → established: after 1000 ms"]);
  });

  it("the receiver's guarded alternatives are separate arrows; targetless fallbacks are not drawn", () => {
    const chart = chartFromDefinition(plain(receiverMachine));
    const arrows = chart?.transitions.map((t) => `${t.from} → ${t.to}: ${t.label}`) ?? [];
    expect(arrows).toContain("synReceived → established: ACK [sameSession]");
    expect(arrows).toContain("established → synReceived: SYN [newSession]");
    expect(arrows).toContain("synReceived → listening: after 10000 ms");
    expect(arrows.filter((a) => a.includes("PROBE"))).toEqual([]);
  });

  it("nested states: leaves by path inside their compound state, its own transitions start at its container", () => {
    const chart = chartFromDefinition(plain(linkMachine));
    expect(chart?.states).toEqual([
      { id: "down", initial: true, final: false },
      { id: "connected.handshaking", initial: true, final: false },
      { id: "connected.open.idle", initial: true, final: false },
      { id: "connected.open.waiting", initial: false, final: false },
    ]);
    expect(chart?.groups).toEqual([
      { id: "connected", initial: false },
      { id: "connected.open", initial: false },
    ]);
    expect(chart?.transitions.map((t) => `${t.from} → ${t.to}: ${t.label}`).sort()).toEqual(
      [
        "down → connected: UP",
        "connected → down: DOWN",
        "connected → connected: RESTART",
        "connected.handshaking → connected.handshaking: after 3000 ms",
        "connected.handshaking → connected.open: SYN_ACK",
        "connected.open.idle → connected.open.waiting: PROBE",
        "connected.open.waiting → connected.open.idle: REPLY",
      ].sort(),
    );
  });

  it("is undefined for something that is not a machine definition", () => {
    expect(chartFromDefinition(undefined)).toBeUndefined();
    expect(chartFromDefinition({ states: {} })).toBeUndefined();
  });
});

describe("charts and positions from a real run", () => {
  it("a user program's machine is drawn from its definition, including transitions the run never took", async () => {
    const [chart, ...rest] = chartsOf(await traceOf(program));
    expect(rest).toEqual([]);
    expect(chart.machine).toBe("session");
    expect(chart.fromDefinition).toBe(true);
    expect(chart.states.find((s) => s.id === "down")?.final).toBe(true);
    // The run never goes synSent → down, but the chart has it.
    expect(chart.transitions.map((t) => `${t.from} → ${t.to}: ${t.label}`)).toContain("synSent → down: LINK_DOWN");
  });

  it("the active state follows the cursor: synSent until 4000 ms, established until 7000 ms, then down", async () => {
    const trace = await traceOf(program);
    const stateAt = (t: number) => positionsAt(trace, seqAtTime(trace, t))[0].state;
    expect(stateAt(0)).toBe("synSent");
    expect(stateAt(3999)).toBe("synSent");
    expect(stateAt(4000)).toBe("established");
    expect(stateAt(6999)).toBe("established");
    expect(stateAt(7000)).toBe("down");
    expect(positionsAt(trace)[0].state).toBe("down");
    // Before the actor started, no state is active.
    expect(positionsAt(trace, -1)[0].state).toBeUndefined();
  });

  it("names the arrow the last transition took", async () => {
    const trace = await traceOf(program);
    const [chart] = chartsOf(trace);
    const [pos] = positionsAt(trace, seqAtTime(trace, 5000));
    expect(transitionTaken(chart, pos.last)?.label).toBe("SYN_ACK");
  });

  it("each retry takes the self-loop: at 3000 ms the arrow taken is synSent's retry, and the caption says re-entered", async () => {
    const trace = await traceOf(program);
    const [chart] = chartsOf(trace);
    const at = (t: number) => positionsAt(trace, seqAtTime(trace, t))[0];
    expect(at(2999).last).toBeUndefined();
    const retry = transitionTaken(chart, at(3000).last);
    expect(retry && [retry.from, retry.to, retry.label]).toEqual(["synSent", "synSent", "after 3000 ms"]);
    expect(positionText(chart.machine, at(3500))).toBe("session: synSent (initial state), re-entered at 3000 ms (after 3000 ms)");
    expect(positionText(chart.machine, at(6500))).toBe("session: established since 4000 ms (SYN_ACK), re-entered at 6000 ms (after 2000 ms)");
    expect(positionText(chart.machine, at(4500))).toBe("session: established since 4000 ms (SYN_ACK)");
    expect(transitionTaken(chart, at(6000).last)?.label).toBe("after 2000 ms");
    expect(positionText(chart.machine, at(0))).toBe("session: synSent (initial state)");
    expect(positionText(chart.machine, positionsAt(trace, -1)[0])).toBe("session: not started yet");
  });

  it("in a nested machine each recorded transition lights the arrow it took, container arrows included", async () => {
    const trace = await traceOf(LINK_PROGRAM);
    const [chart] = chartsOf(trace);
    expect(chart.groups.map((g) => g.id)).toEqual(["connected", "connected.open"]);
    const taken = (t: number) => {
      const pos = positionsAt(trace, seqAtTime(trace, t))[0];
      const arrow = transitionTaken(chart, pos.last);
      return `${pos.state} by ${arrow ? `${arrow.from} → ${arrow.to}: ${arrow.label}` : "-"}`;
    };
    expect(taken(0)).toBe("connected.handshaking by down → connected: UP");
    expect(taken(3000)).toBe("connected.handshaking by connected.handshaking → connected.handshaking: after 3000 ms");
    expect(taken(3500)).toBe("connected.open.idle by connected.handshaking → connected.open: SYN_ACK");
    expect(taken(4000)).toBe("connected.handshaking by connected → connected: RESTART");
    expect(taken(5000)).toBe("connected.open.waiting by connected.open.idle → connected.open.waiting: PROBE");
  });

  it("without a definition the chart is what the run did", () => {
    const e = (seq: number, from: string, to: string, event: string): TraceEvent => ({ seq, t: seq, kind: "fsm.transition", machine: "m", from, to, event });
    const [chart] = chartsOf([e(0, "", "a", "xstate.init"), e(1, "a", "b", "GO"), e(2, "b", "a", "xstate.after.50.m.b")]);
    expect(chart.fromDefinition).toBe(false);
    expect(chart.states).toEqual([
      { id: "a", initial: true, final: false },
      { id: "b", initial: false, final: false },
    ]);
    expect(chart.transitions.map((t) => t.label)).toEqual(["GO", "after 50 ms"]);
  });
});
