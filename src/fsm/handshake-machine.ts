// The UDP three-way handshake of the H.A.L.O. link monitor (the udp-handshake lesson), as two
// XState machines: the sender opens a session, the receiver accepts it.
//
//   sender                      receiver
//   down ──LINK_UP──▶ synSent   down ──LINK_UP──▶ listening
//   synSent ── SYN(id) ────────▶ listening → synReceived (remembers id)
//   synSent ◀── SYN_ACK(id) ──── synReceived
//   established ── ACK(id) ────▶ synReceived → established (expects probe seq 0)
//   established ── PROBE(id, n) ▶ established ── PROBE_REPLY(id, n) ──▶
//
// Invariants the machines keep (and the tests check):
// - A packet is only acted on when it carries the current session id; anything else (a late
//   packet from an older session, a stray duplicate) is ignored where it lands.
// - Every timeout is a delayed (`after`) transition of the state it belongs to. Leaving the state
//   cancels it: no timer outlives its state, so no stale timeout can ever fire. That is the point
//   of the lesson — the Go version needed a lock, a cancel channel, a check after the lock and a
//   non-blocking send to get the same guarantee.
// - The receiver's expected sequence number restarts at 0 with each session, so a restarted sender
//   is never ignored because of numbers it used before (the bug that started the story).
//
// Packets leave a machine as emitted `transmit` events (`actor.on("transmit", …)`): the machines
// do no I/O, so the same definitions run in tests, in the lesson and in the statechart view.

import { assign, emit, setup } from "xstate";

/** The SYN is sent again every 3 s until a SYN-ACK for the session arrives (the article's SYN_TIMEOUT). */
export const SYN_RETRY_MS = 3000;
/** Once established, the sender probes the link this often. */
export const PROBE_INTERVAL_MS = 1000;
/** A receiver gives up a half-open session (SYN-ACK sent, no ACK) after this long. */
export const HALF_OPEN_MS = 10_000;

export type PacketKind = "SYN" | "SYN_ACK" | "ACK" | "PROBE" | "PROBE_REPLY";

/** A packet on the wire. `seq` only on probes and their replies. */
export interface Packet {
  kind: PacketKind;
  session: number;
  seq?: number;
}

export type LinkEvent = { type: "LINK_UP" } | { type: "LINK_DOWN" };

export type PacketEvent =
  | { type: "SYN"; session: number }
  | { type: "SYN_ACK"; session: number }
  | { type: "ACK"; session: number }
  | { type: "PROBE"; session: number; seq: number }
  | { type: "PROBE_REPLY"; session: number; seq: number };

export type HandshakeEvent = LinkEvent | PacketEvent;

/** What a machine emits: one packet to put on the wire. */
export interface TransmitEvent {
  type: "transmit";
  packet: Packet;
}

/** The event a machine receives when `packet` arrives. */
export function packetEvent(packet: Packet): PacketEvent {
  switch (packet.kind) {
    case "PROBE":
    case "PROBE_REPLY":
      return { type: packet.kind, session: packet.session, seq: packet.seq ?? 0 };
    default:
      return { type: packet.kind, session: packet.session };
  }
}

const transmit = (packet: Packet): TransmitEvent => ({ type: "transmit", packet });

export interface SenderContext {
  /** The current session id; 0 before the first LINK_UP. */
  session: number;
  /** The id the next session will get (ids are never reused). */
  nextSession: number;
  /** SYNs sent for the current session (1 + retries). */
  synsSent: number;
  /** Sequence number of the next probe; restarts at 0 with each session. */
  probeSeq: number;
  /** Probe replies received in the current session. */
  replies: number;
}

export interface SenderInput {
  /** Id of the first session (default 1). A restarted sender would pick a fresh one. */
  firstSession?: number;
}

/** The side that opens a session: SYN, retried every SYN_RETRY_MS, until SYN-ACK; then probes. */
export const senderMachine = setup({
  types: {
    context: {} as SenderContext,
    events: {} as HandshakeEvent,
    input: {} as SenderInput,
    emitted: {} as TransmitEvent,
  },
  guards: {
    /** The packet belongs to the session this side is opening or has open. */
    sameSession: ({ context, event }) => "session" in event && event.session === context.session,
  },
  actions: {
    openSession: assign(({ context }) => ({ session: context.nextSession, nextSession: context.nextSession + 1, synsSent: 0, probeSeq: 0, replies: 0 })),
    sendSyn: emit(({ context }) => transmit({ kind: "SYN", session: context.session })),
    countSyn: assign({ synsSent: ({ context }) => context.synsSent + 1 }),
    sendAck: emit(({ context }) => transmit({ kind: "ACK", session: context.session })),
    sendProbe: emit(({ context }) => transmit({ kind: "PROBE", session: context.session, seq: context.probeSeq })),
    nextProbe: assign({ probeSeq: ({ context }) => context.probeSeq + 1 }),
    countReply: assign({ replies: ({ context }) => context.replies + 1 }),
  },
}).createMachine({
  id: "sender",
  initial: "down",
  context: ({ input }) => ({ session: 0, nextSession: input.firstSession ?? 1, synsSent: 0, probeSeq: 0, replies: 0 }),
  on: { LINK_DOWN: ".down" },
  states: {
    down: {
      on: { LINK_UP: { target: "synSent", actions: "openSession" } },
    },
    synSent: {
      // Re-entering the state restarts its 3 s timer: the retry is the state's own timeout.
      entry: ["countSyn", "sendSyn"],
      after: { [SYN_RETRY_MS]: { target: "synSent", reenter: true } },
      on: {
        SYN_ACK: { guard: "sameSession", target: "established", actions: "sendAck" },
      },
    },
    established: {
      // The first probe (seq 0) goes right after the ACK, then one per interval.
      entry: ["sendProbe", "nextProbe"],
      after: { [PROBE_INTERVAL_MS]: { target: "established", reenter: true } },
      on: {
        // Our ACK was lost and the receiver retried its SYN-ACK: acknowledge again.
        SYN_ACK: { guard: "sameSession", actions: "sendAck" },
        PROBE_REPLY: { guard: "sameSession", actions: "countReply" },
      },
    },
  },
});

export interface ReceiverContext {
  /** The session being accepted or open; 0 when none. */
  session: number;
  /** The probe sequence number expected next; restarts at 0 with each session. */
  expectedSeq: number;
  /** Probes accepted in the current session. */
  accepted: number;
  /** Packets ignored: late, duplicated, or from another session. */
  ignored: number;
}

/** The side that accepts a session: SYN → SYN-ACK, ACK → established; answers probes in order. */
export const receiverMachine = setup({
  types: {
    context: {} as ReceiverContext,
    events: {} as HandshakeEvent,
    emitted: {} as TransmitEvent,
  },
  guards: {
    sameSession: ({ context, event }) => "session" in event && event.session === context.session,
    /** A SYN for a session other than the open one: the sender restarted. */
    newSession: ({ context, event }) => event.type === "SYN" && event.session !== context.session,
    /** The next probe of this session, or a later one (earlier ones were lost). */
    nextProbe: ({ context, event }) => event.type === "PROBE" && event.session === context.session && event.seq >= context.expectedSeq,
  },
  actions: {
    takeSession: assign(({ event }) => ({ session: "session" in event ? event.session : 0, expectedSeq: 0, accepted: 0 })),
    sendSynAck: emit(({ context }) => transmit({ kind: "SYN_ACK", session: context.session })),
    acceptProbe: assign(({ context, event }) => ({ expectedSeq: (event.type === "PROBE" ? event.seq : context.expectedSeq) + 1, accepted: context.accepted + 1 })),
    replyProbe: emit(({ context, event }) => transmit({ kind: "PROBE_REPLY", session: context.session, seq: event.type === "PROBE" ? event.seq : -1 })),
    ignore: assign({ ignored: ({ context }) => context.ignored + 1 }),
    forgetSession: assign({ session: 0, expectedSeq: 0, accepted: 0 }),
  },
}).createMachine({
  id: "receiver",
  initial: "down",
  context: { session: 0, expectedSeq: 0, accepted: 0, ignored: 0 },
  on: { LINK_DOWN: { target: ".down", actions: "forgetSession" } },
  states: {
    down: {
      on: { LINK_UP: "listening" },
    },
    listening: {
      on: {
        SYN: { target: "synReceived", actions: ["takeSession", "sendSynAck"] },
        SYN_ACK: { actions: "ignore" },
        ACK: { actions: "ignore" },
        PROBE: { actions: "ignore" },
      },
    },
    synReceived: {
      after: { [HALF_OPEN_MS]: { target: "listening", actions: "forgetSession" } },
      on: {
        // The sender retried (our SYN-ACK was lost) or restarted: answer the SYN we see now.
        SYN: { target: "synReceived", reenter: true, actions: ["takeSession", "sendSynAck"] },
        ACK: [{ guard: "sameSession", target: "established" }, { actions: "ignore" }],
        PROBE: { actions: "ignore" },
      },
    },
    established: {
      on: {
        SYN: [{ guard: "newSession", target: "synReceived", actions: ["takeSession", "sendSynAck"] }, { actions: "ignore" }],
        ACK: { actions: "ignore" },
        PROBE: [{ guard: "nextProbe", actions: ["acceptProbe", "replyProbe"] }, { actions: "ignore" }],
      },
    },
  },
});
