import { describe, expect, it } from "vitest";
import { createActor, SimulatedClock } from "xstate";
import { createSyncMachine, HELLO_MS, PEER_TIMEOUT_MS, syncStateOf, type SyncActor, type SyncEmitted } from "./sync-machine.ts";
import type { Role, SyncMessage } from "./sync-protocol.ts";

/** Windows on one in-memory BroadcastChannel: a message reaches every other window, never its sender. */
function bus() {
  const clock = new SimulatedClock();
  const windows: { actor: SyncActor; emitted: SyncEmitted[]; sent: SyncMessage[] }[] = [];
  const queue: { from: number; message: SyncMessage }[] = [];
  const open = (self: string, role: Role, slide: number) => {
    const index = windows.length;
    const sent: SyncMessage[] = [];
    const machine = createSyncMachine((message) => {
      sent.push(message);
      queue.push({ from: index, message });
    });
    const actor = createActor(machine, { input: { self, role, slide }, clock });
    const emitted: SyncEmitted[] = [];
    actor.on("*", (e) => emitted.push(e));
    // The page: following a "navigate" changes the route, which reports the slide back.
    actor.on("navigate", (e) => actor.send({ type: "local.goto", slide: e.slide }));
    windows.push({ actor, emitted, sent });
    actor.start();
    deliver();
    return windows[index];
  };
  // BroadcastChannel delivers asynchronously; here, in order, until the bus is quiet.
  const deliver = () => {
    for (let guard = 0; queue.length > 0; guard++) {
      if (guard > 1000) throw new Error("messages keep bouncing between windows (an echo loop)");
      const { from, message } = queue.shift()!;
      windows.forEach((w, i) => {
        if (i !== from && syncStateOf(w.actor.getSnapshot()) !== "closed") w.actor.send({ type: "remote", message });
      });
    }
  };
  const send = (w: { actor: SyncActor }, event: Parameters<SyncActor["send"]>[0]) => {
    w.actor.send(event);
    deliver();
  };
  return { clock, open, send, deliver, queue };
}

const slideOf = (w: { actor: SyncActor }) => w.actor.getSnapshot().context.slide;
const stateOf = (w: { actor: SyncActor }) => syncStateOf(w.actor.getSnapshot());

describe("slides sync machine", () => {
  it("a window with nobody to answer its hello is alone after HELLO_MS", () => {
    const b = bus();
    const audience = b.open("a", "audience", 4);
    expect(stateOf(audience)).toBe("connecting");
    b.clock.increment(HELLO_MS);
    expect(stateOf(audience)).toBe("alone");
  });

  it("the presenter opened next to the deck pairs with it and takes the deck's slide", () => {
    const b = bus();
    const audience = b.open("a", "audience", 7);
    b.clock.increment(HELLO_MS);
    const presenter = b.open("p", "presenter", 1);
    expect(stateOf(presenter)).toBe("paired");
    expect(stateOf(audience)).toBe("paired");
    expect(slideOf(presenter)).toBe(7);
    expect(presenter.emitted).toContainEqual({ type: "navigate", slide: 7 });
  });

  it("navigating in either window moves the other, and nothing echoes back", () => {
    const b = bus();
    const audience = b.open("a", "audience", 1);
    const presenter = b.open("p", "presenter", 1);
    b.send(presenter, { type: "local.goto", slide: 2 });
    expect(slideOf(audience)).toBe(2);
    b.send(audience, { type: "local.goto", slide: 5 });
    expect(slideOf(presenter)).toBe(5);
    // Each window announced exactly its own moves: one goto each, no echo of the other's.
    expect(presenter.sent.filter((m) => m.type === "goto")).toEqual([{ type: "goto", from: "p", slide: 2 }]);
    expect(audience.sent.filter((m) => m.type === "goto")).toEqual([{ type: "goto", from: "a", slide: 5 }]);
  });

  it("a move to the slide a window already shows sends nothing", () => {
    const b = bus();
    const audience = b.open("a", "audience", 3);
    b.send(audience, { type: "local.goto", slide: 3 });
    expect(audience.sent.some((m) => m.type === "goto")).toBe(false);
  });

  it("Run in the presenter asks the audience to run; the audience's status comes back to the presenter", () => {
    const b = bus();
    const audience = b.open("a", "audience", 3);
    const presenter = b.open("p", "presenter", 3);
    b.send(presenter, { type: "local.run", exampleId: "leaks-never-sent" });
    expect(audience.emitted).toContainEqual({ type: "run", exampleId: "leaks-never-sent" });
    expect(presenter.emitted.some((e) => e.type === "run")).toBe(false);
    b.send(audience, { type: "local.runStatus", exampleId: "leaks-never-sent", status: { busy: false, text: "✗ deadlock" } });
    expect(presenter.actor.getSnapshot().context.runs["leaks-never-sent"]).toEqual({ busy: false, text: "✗ deadlock" });
  });

  it("blackout and the laser pointer reach the other window", () => {
    const b = bus();
    const audience = b.open("a", "audience", 1);
    const presenter = b.open("p", "presenter", 1);
    b.send(presenter, { type: "local.blackout", on: true });
    expect(audience.actor.getSnapshot().context.blackout).toBe(true);
    b.send(presenter, { type: "local.pointer", point: { x: 0.5, y: 0.25 } });
    expect(audience.actor.getSnapshot().context.pointer).toEqual({ x: 0.5, y: 0.25 });
    b.send(presenter, { type: "local.pointer", point: null });
    expect(audience.actor.getSnapshot().context.pointer).toBeNull();
  });

  it("a reloaded audience window gets the blackout state from the presenter", () => {
    const b = bus();
    b.open("a", "audience", 1);
    const presenter = b.open("p", "presenter", 1);
    b.send(presenter, { type: "local.blackout", on: true });
    const reloaded = b.open("a2", "audience", 1);
    expect(reloaded.actor.getSnapshot().context.blackout).toBe(true);
  });

  it("a peer that says bye, or falls silent, leaves the window alone; heartbeats keep it paired", () => {
    const b = bus();
    const audience = b.open("a", "audience", 1);
    const presenter = b.open("p", "presenter", 1);
    for (let i = 0; i < 5; i++) {
      b.clock.increment(PEER_TIMEOUT_MS - 1000);
      b.send(audience, { type: "heartbeat" });
      b.send(presenter, { type: "heartbeat" });
    }
    expect(stateOf(presenter)).toBe("paired");
    b.send(presenter, { type: "close" });
    expect(stateOf(presenter)).toBe("closed");
    expect(stateOf(audience)).toBe("alone");

    const again = b.open("p2", "presenter", 1);
    expect(stateOf(audience)).toBe("paired");
    b.clock.increment(PEER_TIMEOUT_MS);
    expect(stateOf(audience)).toBe("alone");
    expect(stateOf(again)).toBe("alone");
  });

  it("two audience windows and a presenter all follow one move", () => {
    const b = bus();
    const left = b.open("l", "audience", 2);
    const right = b.open("r", "audience", 2);
    const presenter = b.open("p", "presenter", 2);
    b.send(presenter, { type: "local.goto", slide: 9 });
    expect([slideOf(left), slideOf(right), slideOf(presenter)]).toEqual([9, 9, 9]);
  });
});
