// Keeps the windows of one lesson's slides together: the audience deck and the presenter window
// (or two audience windows on two screens) show the same slide, share blackout and the laser
// pointer, and the presenter can run an example on the audience's slide and see its outcome.
//
//   connecting ──any word from a peer──▶ paired ◀──any word──┐
//        │ (no answer in HELLO_MS)          │ (silent PEER_TIMEOUT_MS, or "bye")
//        ▼                                  ▼                 │
//      alone ───────────any word from a peer─────────────────┘
//   any state ──close──▶ closed (says "bye")
//
// Invariants:
//  - A window announces only changes it made itself (`local.*`). Following a peer (`remote.goto`)
//    updates `slide` first, so when the router then reports the same slide back as `local.goto`
//    nothing is sent again: no echo, no ping-pong between two windows.
//  - On joining, the newcomer takes the slide of the window already there (the running show
//    wins over a reloaded or freshly opened window).
//  - The machine does no I/O itself: it posts through the `post` it is given and asks the page to
//    move or run by emitted events ("navigate", "run"), so it is tested with an in-memory bus.

import { assign, emit, enqueueActions, setup, type ActorRefFrom, type SnapshotFrom } from "xstate";
import type { Point } from "./gestures.ts";
import type { Role, RunMirror, SyncMessage } from "./sync-protocol.ts";

/** How long a new window waits for an answer to hello before it considers itself alone. */
export const HELLO_MS = 1500;
/** Every window says "here" this often while open. */
export const HEARTBEAT_MS = 2000;
/** A peer not heard of for this long is gone (a closed laptop lid says no "bye"). */
export const PEER_TIMEOUT_MS = 7000;

export interface SyncContext {
  self: string;
  role: Role;
  slide: number;
  blackout: boolean;
  /** The laser pointer a peer shows, as fractions of the slide. */
  pointer: Point | null;
  /** Run status of each example, as the audience's playgrounds report it. */
  runs: Record<string, RunMirror>;
}

export type SyncEvent =
  | { type: "local.goto"; slide: number }
  | { type: "local.run"; exampleId: string }
  | { type: "local.runStatus"; exampleId: string; status: RunMirror }
  | { type: "local.pointer"; point: Point | null }
  | { type: "local.blackout"; on: boolean }
  | { type: "heartbeat" }
  | { type: "close" }
  /** Raised for each message from a peer; peer.gone for its "bye". */
  | { type: "peer.seen" }
  | { type: "peer.gone" }
  | { type: "remote"; message: SyncMessage };

export type SyncEmitted = { type: "navigate"; slide: number } | { type: "run"; exampleId: string };

export interface SyncInput {
  self: string;
  role: Role;
  slide: number;
  post: (message: SyncMessage) => void;
}

type Remote<T extends SyncMessage["type"]> = Extract<SyncMessage, { type: T }>;
const remote = <T extends SyncMessage["type"]>(event: SyncEvent, type: T): Remote<T> | undefined =>
  event.type === "remote" && event.message.type === type ? (event.message as Remote<T>) : undefined;

export function createSyncMachine(post: (message: SyncMessage) => void) {
  return setup({
    types: {
      context: {} as SyncContext,
      events: {} as SyncEvent,
      emitted: {} as SyncEmitted,
      input: {} as Omit<SyncInput, "post">,
    },
    actions: {
      sayHello: ({ context: c }) => post({ type: "hello", from: c.self, role: c.role, slide: c.slide }),
      sayHere: ({ context: c }) => post({ type: "here", from: c.self, role: c.role, slide: c.slide, blackout: c.blackout }),
      sayBye: ({ context: c }) => post({ type: "bye", from: c.self }),
    },
    delays: { HELLO_MS, PEER_TIMEOUT_MS },
  }).createMachine({
    id: "slides-sync",
    context: ({ input }) => ({ ...input, blackout: false, pointer: null, runs: {} }),
    initial: "connecting",
    on: {
      "local.goto": {
        guard: ({ context, event }) => event.slide !== context.slide,
        actions: [
          assign({ slide: ({ event }) => event.slide }),
          ({ context }) => post({ type: "goto", from: context.self, slide: context.slide }),
        ],
      },
      "local.run": { actions: ({ context, event }) => post({ type: "run", from: context.self, exampleId: event.exampleId }) },
      "local.runStatus": {
        actions: [
          assign({ runs: ({ context, event }) => ({ ...context.runs, [event.exampleId]: event.status }) }),
          ({ context, event }) => post({ type: "run-status", from: context.self, exampleId: event.exampleId, status: event.status }),
        ],
      },
      "local.pointer": { actions: ({ context, event }) => post({ type: "pointer", from: context.self, point: event.point }) },
      "local.blackout": {
        actions: [assign({ blackout: ({ event }) => event.on }), ({ context }) => post({ type: "blackout", from: context.self, on: context.blackout })],
      },
      heartbeat: { actions: "sayHere" },
      remote: {
        // Every word from a peer: do what it says, then note that a peer is there (or gone).
        actions: enqueueActions(({ context, event, enqueue }) => {
          if (event.type !== "remote") return;
          const m = event.message;
          switch (m.type) {
            case "hello":
              enqueue("sayHere");
              break;
            case "goto":
              // Following a peer: hold the slide first, then ask the page to move (its router
              // then reports local.goto with the slide we already hold, which sends nothing).
              if (m.slide !== context.slide) {
                enqueue.assign({ slide: m.slide });
                enqueue.emit({ type: "navigate", slide: m.slide });
              }
              break;
            case "blackout":
              enqueue.assign({ blackout: m.on });
              break;
            case "pointer":
              enqueue.assign({ pointer: m.point });
              break;
            case "run":
              enqueue.emit({ type: "run", exampleId: m.exampleId });
              break;
            case "run-status":
              enqueue.assign({ runs: { ...context.runs, [m.exampleId]: m.status } });
              break;
            case "bye":
              enqueue.assign({ pointer: null });
              break;
            case "here":
              break;
          }
          enqueue.raise({ type: m.type === "bye" ? "peer.gone" : "peer.seen" });
        }),
      },
      close: { target: ".closed" },
    },
    states: {
      connecting: {
        entry: "sayHello",
        on: {
          remote: [
            {
              // The window already there sets the slide (see the invariants above).
              guard: ({ event }) => remote(event, "here") !== undefined,
              target: "paired",
              actions: [
                assign(({ event }) => {
                  const m = remote(event, "here");
                  return m ? { slide: m.slide, blackout: m.blackout } : {};
                }),
                emit(({ event }) => ({ type: "navigate" as const, slide: remote(event, "here")?.slide ?? 1 })),
              ],
            },
          ],
          "peer.seen": { target: "paired" },
        },
        after: { HELLO_MS: { target: "alone" } },
      },
      alone: {
        on: { "peer.seen": { target: "paired" } },
      },
      paired: {
        on: {
          // Re-entering restarts the PEER_TIMEOUT_MS timer.
          "peer.seen": { target: "paired", reenter: true },
          "peer.gone": { target: "alone" },
        },
        after: { PEER_TIMEOUT_MS: { target: "alone" } },
      },
      closed: {
        entry: "sayBye",
        type: "final",
      },
    },
  });
}

export type SyncMachine = ReturnType<typeof createSyncMachine>;
export type SyncActor = ActorRefFrom<SyncMachine>;
export type SyncSnapshot = SnapshotFrom<SyncMachine>;
export type SyncState = "connecting" | "alone" | "paired" | "closed";

export function syncStateOf(snapshot: SyncSnapshot): SyncState {
  return snapshot.value as SyncState;
}
