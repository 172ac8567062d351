import { describe, expect, it } from "vitest";
import { createActor, SimulatedClock } from "xstate";
import * as xstate from "xstate";
import { go, sleep } from "../runtime/index.ts";
import { run } from "../runtime/run.ts";
import type { TraceEvent } from "../runtime/trace.ts";
import { withVirtualClock } from "../runtime/xstate.ts";
import {
  HALF_OPEN_MS,
  packetEvent,
  PROBE_INTERVAL_MS,
  receiverMachine,
  senderMachine,
  SYN_RETRY_MS,
  type HandshakeEvent,
  type Packet,
} from "./handshake-machine.ts";

function sender(firstSession = 7) {
  const clock = new SimulatedClock();
  const actor = createActor(senderMachine, { clock, input: { firstSession } });
  const sent: Packet[] = [];
  actor.on("transmit", (e) => sent.push(e.packet));
  actor.start();
  return { actor, clock, sent };
}

function receiver() {
  const clock = new SimulatedClock();
  const actor = createActor(receiverMachine, { clock });
  const sent: Packet[] = [];
  actor.on("transmit", (e) => sent.push(e.packet));
  actor.start();
  return { actor, clock, sent };
}

/** LINK_UP, SYN(id), ACK(id): the receiver is established in session `id`. */
function establish(r: ReturnType<typeof receiver>, id: number): void {
  r.actor.send({ type: "LINK_UP" });
  r.actor.send({ type: "SYN", session: id });
  r.actor.send({ type: "ACK", session: id });
}

const kinds = (packets: Packet[]) => packets.map((p) => `${p.kind}(${p.session}${p.seq === undefined ? "" : `, ${p.seq}`})`);

describe("sender", () => {
  it("starts down and sends nothing until the link comes up", () => {
    const s = sender();
    expect(s.actor.getSnapshot().value).toBe("down");
    s.clock.increment(10 * SYN_RETRY_MS);
    expect(s.sent).toEqual([]);
  });

  it("LINK_UP opens a session with a fresh id and sends its SYN", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    expect(s.actor.getSnapshot().value).toBe("synSent");
    expect(s.actor.getSnapshot().context.session).toBe(7);
    expect(kinds(s.sent)).toEqual(["SYN(7)"]);
  });

  it("retries the SYN every 3 s, not before", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.clock.increment(SYN_RETRY_MS - 1);
    expect(kinds(s.sent)).toEqual(["SYN(7)"]);
    s.clock.increment(1);
    expect(kinds(s.sent)).toEqual(["SYN(7)", "SYN(7)"]);
    s.clock.increment(SYN_RETRY_MS);
    expect(kinds(s.sent)).toEqual(["SYN(7)", "SYN(7)", "SYN(7)"]);
    expect(s.actor.getSnapshot().context.synsSent).toBe(3);
  });

  it("SYN-ACK for its session: sends ACK and probe 0, and no SYN retry fires afterwards", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.clock.increment(SYN_RETRY_MS - 1);
    s.actor.send({ type: "SYN_ACK", session: 7 });
    expect(s.actor.getSnapshot().value).toBe("established");
    expect(kinds(s.sent)).toEqual(["SYN(7)", "ACK(7)", "PROBE(7, 0)"]);
    // The millisecond the retry would have fired, and long after: leaving synSent cancelled it.
    s.clock.increment(1);
    s.clock.increment(10 * SYN_RETRY_MS);
    expect(s.sent.filter((p) => p.kind === "SYN")).toHaveLength(1);
  });

  it("ignores a late SYN-ACK from another session and keeps retrying", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.actor.send({ type: "SYN_ACK", session: 6 });
    expect(s.actor.getSnapshot().value).toBe("synSent");
    s.clock.increment(SYN_RETRY_MS);
    expect(kinds(s.sent)).toEqual(["SYN(7)", "SYN(7)"]);
  });

  it("probes once per interval with rising sequence numbers once established", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.actor.send({ type: "SYN_ACK", session: 7 });
    // SimulatedClock fires only timers due before a jump, so step one interval at a time.
    for (let i = 0; i < 3; i++) s.clock.increment(PROBE_INTERVAL_MS);
    expect(kinds(s.sent).slice(2)).toEqual(["PROBE(7, 0)", "PROBE(7, 1)", "PROBE(7, 2)", "PROBE(7, 3)"]);
  });

  it("answers a duplicate SYN-ACK with another ACK, without leaving established", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.actor.send({ type: "SYN_ACK", session: 7 });
    s.actor.send({ type: "SYN_ACK", session: 7 });
    expect(s.actor.getSnapshot().value).toBe("established");
    expect(kinds(s.sent)).toEqual(["SYN(7)", "ACK(7)", "PROBE(7, 0)", "ACK(7)"]);
    // A duplicate must not restart the probe timer or the sequence.
    expect(s.actor.getSnapshot().context.probeSeq).toBe(1);
  });

  it("counts probe replies of its session only", () => {
    const s = sender(7);
    s.actor.send({ type: "LINK_UP" });
    s.actor.send({ type: "SYN_ACK", session: 7 });
    s.actor.send({ type: "PROBE_REPLY", session: 7, seq: 0 });
    s.actor.send({ type: "PROBE_REPLY", session: 3, seq: 0 });
    expect(s.actor.getSnapshot().context.replies).toBe(1);
  });

  it("LINK_DOWN from any state goes down and cancels its timers; the next LINK_UP opens a new session", () => {
    for (const reach of [[], [{ type: "SYN_ACK", session: 7 }]] as HandshakeEvent[][]) {
      const s = sender(7);
      s.actor.send({ type: "LINK_UP" });
      for (const e of reach) s.actor.send(e);
      s.actor.send({ type: "LINK_DOWN" });
      expect(s.actor.getSnapshot().value).toBe("down");
      const before = s.sent.length;
      s.clock.increment(10 * SYN_RETRY_MS);
      expect(s.sent).toHaveLength(before);
      s.actor.send({ type: "LINK_UP" });
      expect(s.actor.getSnapshot().context).toMatchObject({ session: 8, probeSeq: 0, synsSent: 1 });
    }
  });
});

describe("receiver", () => {
  it("ignores packets while down and starts listening on LINK_UP", () => {
    const r = receiver();
    r.actor.send({ type: "SYN", session: 7 });
    expect(r.actor.getSnapshot().value).toBe("down");
    r.actor.send({ type: "LINK_UP" });
    expect(r.actor.getSnapshot().value).toBe("listening");
    expect(r.sent).toEqual([]);
  });

  it("SYN: remembers the id and answers SYN-ACK with it", () => {
    const r = receiver();
    r.actor.send({ type: "LINK_UP" });
    r.actor.send({ type: "SYN", session: 7 });
    expect(r.actor.getSnapshot().value).toBe("synReceived");
    expect(r.actor.getSnapshot().context.session).toBe(7);
    expect(kinds(r.sent)).toEqual(["SYN_ACK(7)"]);
  });

  it("accepts the ACK only when its id matches the SYN's", () => {
    const r = receiver();
    r.actor.send({ type: "LINK_UP" });
    r.actor.send({ type: "SYN", session: 7 });
    r.actor.send({ type: "ACK", session: 6 });
    expect(r.actor.getSnapshot().value).toBe("synReceived");
    expect(r.actor.getSnapshot().context.ignored).toBe(1);
    r.actor.send({ type: "ACK", session: 7 });
    expect(r.actor.getSnapshot().value).toBe("established");
  });

  it("a retried SYN gets a SYN-ACK again and restarts the half-open timer", () => {
    const r = receiver();
    r.actor.send({ type: "LINK_UP" });
    r.actor.send({ type: "SYN", session: 7 });
    r.clock.increment(HALF_OPEN_MS - 1);
    r.actor.send({ type: "SYN", session: 7 });
    r.clock.increment(HALF_OPEN_MS - 1);
    expect(r.actor.getSnapshot().value).toBe("synReceived");
    expect(kinds(r.sent)).toEqual(["SYN_ACK(7)", "SYN_ACK(7)"]);
    r.clock.increment(1);
    expect(r.actor.getSnapshot().value).toBe("listening");
    expect(r.actor.getSnapshot().context.session).toBe(0);
  });

  it("accepts probes in order from seq 0, replies to each, and ignores duplicates and late ones", () => {
    const r = receiver();
    establish(r, 7);
    const probes: [number, number][] = [
      [7, 0],
      [7, 1],
      [7, 1], // duplicate
      [7, 3], // 2 was lost: a later one is fine
      [7, 2], // late
      [6, 4], // another session
    ];
    for (const [session, seq] of probes) r.actor.send({ type: "PROBE", session, seq });
    expect(kinds(r.sent).slice(1)).toEqual(["PROBE_REPLY(7, 0)", "PROBE_REPLY(7, 1)", "PROBE_REPLY(7, 3)"]);
    expect(r.actor.getSnapshot().context).toMatchObject({ accepted: 3, ignored: 3, expectedSeq: 4 });
  });

  it("a SYN with a new id while established restarts the session at seq 0 (the sender rebooted)", () => {
    const r = receiver();
    establish(r, 7);
    for (let seq = 0; seq < 5; seq++) r.actor.send({ type: "PROBE", session: 7, seq });
    r.actor.send({ type: "SYN", session: 8 });
    expect(r.actor.getSnapshot().value).toBe("synReceived");
    r.actor.send({ type: "ACK", session: 8 });
    r.actor.send({ type: "PROBE", session: 8, seq: 0 });
    expect(r.actor.getSnapshot().context).toMatchObject({ session: 8, expectedSeq: 1, accepted: 1 });
  });

  it("a duplicate SYN of the open session is ignored while established", () => {
    const r = receiver();
    establish(r, 7);
    r.actor.send({ type: "SYN", session: 7 });
    expect(r.actor.getSnapshot().value).toBe("established");
    expect(kinds(r.sent)).toEqual(["SYN_ACK(7)"]);
  });

  it("LINK_DOWN forgets the session from any state", () => {
    const r = receiver();
    establish(r, 7);
    r.actor.send({ type: "LINK_DOWN" });
    expect(r.actor.getSnapshot().value).toBe("down");
    expect(r.actor.getSnapshot().context.session).toBe(0);
  });
});

describe("packetEvent", () => {
  it("turns a packet into the event its machine reads", () => {
    expect(packetEvent({ kind: "SYN", session: 3 })).toEqual({ type: "SYN", session: 3 });
    expect(packetEvent({ kind: "PROBE", session: 3, seq: 9 })).toEqual({ type: "PROBE", session: 3, seq: 9 });
  });
});

/**
 * Both machines on the runtime's virtual clock, joined by a simulated link: each packet is
 * delivered `latency` ms after it is sent by a task of its own, unless `drop` says it is lost;
 * `duplicate` delivers it twice.
 */
async function handshakeOnRuntime(opts: { latency: number; until: number; drop?: (p: Packet, n: number) => boolean; duplicate?: (p: Packet) => boolean }) {
  const x = withVirtualClock(xstate);
  const log: string[] = [];
  const result = await run(async () => {
    const s = x.createActor(senderMachine, { input: { firstSession: 7 } });
    const r = x.createActor(receiverMachine);
    let n = 0;
    const wire = (to: typeof s | typeof r) => (e: { packet: Packet }) => {
      const p = e.packet;
      if (opts.drop?.(p, n++)) return;
      const copies = opts.duplicate?.(p) ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        go(`${p.kind}(${p.session})`, async () => {
          await sleep(opts.latency);
          to.send(packetEvent(p));
        });
      }
    };
    s.on("transmit", (e) => {
      log.push(`${e.packet.kind}`);
      wire(r)(e);
    });
    r.on("transmit", wire(s));
    s.start();
    r.start();
    r.send({ type: "LINK_UP" });
    s.send({ type: "LINK_UP" });
    await sleep(opts.until);
    s.stop();
    r.stop();
  });
  const transitions = result.trace.filter((e): e is Extract<TraceEvent, { kind: "fsm.transition" }> => e.kind === "fsm.transition");
  return { result, log, transitions };
}

describe("the handshake on the runtime's virtual clock", () => {
  it("completes in one round trip and then probes; the trace records each state change and each probe's re-entry at its virtual time", async () => {
    const { result, transitions } = await handshakeOnRuntime({ latency: 20, until: 2100 });
    expect(result.outcome).toBe("ok");
    const seen = transitions.map((e) => `${e.t} ${e.machine}: ${e.from || "·"} → ${e.to} (${e.event})`);
    expect(seen).toEqual([
      "0 sender: · → down (xstate.init)",
      "0 receiver: · → down (xstate.init)",
      "0 receiver: down → listening (LINK_UP)",
      "0 sender: down → synSent (LINK_UP)",
      "20 receiver: listening → synReceived (SYN)",
      "40 sender: synSent → established (SYN_ACK)",
      "60 receiver: synReceived → established (ACK)",
      // Each probe re-enters established (a self-transition), so the probes show on the machine's lane.
      "1040 sender: established → established (xstate.after.1000.sender.established)",
      "2040 sender: established → established (xstate.after.1000.sender.established)",
    ]);
  });

  it("each actor's first traced event carries its machine definition as plain data, later ones do not", async () => {
    const { transitions } = await handshakeOnRuntime({ latency: 20, until: 100 });
    const first = transitions.filter((e) => e.from === "");
    expect(first.map((e) => e.machine)).toEqual(["sender", "receiver"]);
    const def = first[0].definition as { id: string; states: Record<string, { on: Record<string, unknown> }> };
    expect(def.id).toBe("sender");
    expect(Object.keys(def.states)).toEqual(["down", "synSent", "established"]);
    expect(Object.keys(def.states.synSent.on)).toContain("xstate.after.3000.sender.synSent");
    expect(transitions.filter((e) => e.from !== "").every((e) => e.definition === undefined)).toBe(true);
  });

  it("a lost first SYN is retried at 3 s on the same clock the tasks use", async () => {
    const { transitions, log } = await handshakeOnRuntime({ latency: 20, until: 3100, drop: (p, n) => n === 0 && p.kind === "SYN" });
    expect(log.slice(0, 2)).toEqual(["SYN", "SYN"]);
    const established = transitions.find((e) => e.machine === "receiver" && e.to === "established");
    expect(established?.t).toBe(SYN_RETRY_MS + 60);
    // The retry itself is traced: synSent re-entered at 3 s.
    const retries = transitions.filter((e) => e.machine === "sender" && e.from === "synSent" && e.to === "synSent");
    expect(retries.map((e) => [e.t, e.event])).toEqual([[SYN_RETRY_MS, "xstate.after.3000.sender.synSent"]]);
  });

  it("every packet delivered twice still gives one session and in-order probes", async () => {
    const { result, transitions } = await handshakeOnRuntime({ latency: 20, until: 3050, duplicate: () => true });
    expect(result.outcome).toBe("ok");
    const toEstablished = transitions.filter((e) => e.from !== e.to && e.to === "established").map((e) => e.machine);
    expect(toEstablished).toEqual(["sender", "receiver"]);
  });
});
