import { describe, expect, it } from "vitest";
import * as xstate from "xstate";
import { sleep } from "./index.ts";
import { run } from "./run.ts";
import type { TraceEvent } from "./trace.ts";
import { withVirtualClock } from "./xstate.ts";

const xs = withVirtualClock(xstate);

const moves = (trace: readonly TraceEvent[]) => trace.flatMap((e) => (e.kind === "fsm.transition" ? [[e.t, e.from, e.to, e.event]] : []));

describe("withVirtualClock traces self-transitions", () => {
  it("a retry that re-enters its state every 3 s is traced once per retry, from === to", async () => {
    const machine = xs.createMachine({
      id: "sender",
      initial: "synSent",
      states: {
        synSent: { after: { 3000: { target: "synSent", reenter: true } }, on: { SYN_ACK: "established" } },
        established: {},
      },
    });
    const r = await run(async () => {
      const actor = xs.createActor(machine).start();
      await sleep(7000);
      actor.send({ type: "SYN_ACK" });
    });
    expect(moves(r.trace)).toEqual([
      [0, "", "synSent", "xstate.init"],
      [3000, "synSent", "synSent", "xstate.after.3000.sender.synSent"],
      [6000, "synSent", "synSent", "xstate.after.3000.sender.synSent"],
      [7000, "synSent", "established", "SYN_ACK"],
    ]);
  });

  it("an event handled without a target (actions only) is not a transition, and a state change is traced once", async () => {
    const machine = xs.createMachine({
      id: "m",
      initial: "a",
      states: {
        a: { on: { TICK: { actions: [] }, AGAIN: { target: "a", reenter: true }, GO: "b" } },
        b: { initial: "x", states: { x: { on: { NEXT: "y" } }, y: {} }, on: { RESTART: { target: "b", reenter: true } } },
      },
    });
    const r = await run(() => {
      const actor = xs.createActor(machine).start();
      for (const type of ["TICK", "AGAIN", "GO", "RESTART", "NEXT", "RESTART"]) actor.send({ type });
    });
    expect(moves(r.trace)).toEqual([
      [0, "", "a", "xstate.init"],
      [0, "a", "a", "AGAIN"],
      [0, "a", "b.x", "GO"],
      // b.x re-entered through its parent: the value is the same, so it is a self-transition.
      [0, "b.x", "b.x", "RESTART"],
      [0, "b.x", "b.y", "NEXT"],
      [0, "b.y", "b.x", "RESTART"],
    ]);
  });

  it("a step out and straight back inside one macrostep is not mistaken for a self-transition", async () => {
    const machine = xs.createMachine({
      id: "bounce",
      initial: "a",
      states: {
        a: { on: { GO: "b" } },
        b: { always: "a" },
      },
    });
    const r = await run(() => {
      xs.createActor(machine).start().send({ type: "GO" });
    });
    expect(moves(r.trace)).toEqual([[0, "", "a", "xstate.init"]]);
  });
});
