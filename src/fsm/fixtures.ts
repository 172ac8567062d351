// A machine with nested states, for the tests of the chart model, its layout and the view in the
// browser: a link whose `connected` state holds the handshake and, once open, a probe loop.

/** The machine's config (plain data, so a program's source can embed it as it is). */
export const LINK_DEFINITION = {
  id: "link",
  initial: "down",
  states: {
    down: { on: { UP: "connected" } },
    connected: {
      initial: "handshaking",
      on: { DOWN: "down", RESTART: { target: "connected", reenter: true } },
      states: {
        handshaking: { after: { 3000: { target: "handshaking", reenter: true } }, on: { SYN_ACK: "open" } },
        open: { initial: "idle", states: { idle: { on: { PROBE: "waiting" } }, waiting: { on: { REPLY: "idle" } } } },
      },
    },
  },
} as const;

/**
 * A run of it: up at 0, one retry at 3000 ms, open at 3500, restarted at 4000 (the container's own
 * arrow), open again at 5000 and waiting for a probe's reply at the end.
 */
export const LINK_PROGRAM = `import { createMachine, createActor } from "xstate";
import { sleep } from "chanscope";
export default async function main() {
  const link = createActor(createMachine(${JSON.stringify(LINK_DEFINITION)})).start();
  link.send({ type: "UP" });
  await sleep(3500);
  link.send({ type: "SYN_ACK" });
  await sleep(500);
  link.send({ type: "RESTART" });
  await sleep(1000);
  link.send({ type: "SYN_ACK" });
  link.send({ type: "PROBE" });
  console.log(JSON.stringify(link.getSnapshot().value));
}
// Output:
// {"connected":{"open":"waiting"}}
`;
