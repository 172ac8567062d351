// The sync machine (sync-machine.ts) wired to a real BroadcastChannel, the router and a
// heartbeat. One per window; the page passes its slide in and gets moves and run requests out.

import { useActorRef, useSelector } from "@xstate/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { createSyncMachine, HEARTBEAT_MS, syncStateOf, type SyncActor, type SyncContext, type SyncState } from "./sync-machine.ts";
import { channelName, parseSyncMessage, type Role, type SyncMessage } from "./sync-protocol.ts";

export interface DeckSync {
  actor: SyncActor;
  state: SyncState;
  context: SyncContext;
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `w${Math.random().toString(36).slice(2)}`;
}

export function useDeckSync(options: {
  slug: string;
  role: Role;
  slide: number;
  onNavigate: (slide: number) => void;
  onRun?: (exampleId: string) => void;
}): DeckSync {
  const { slug, role, slide } = options;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  // The channel is opened on first use (the actor's entry "hello" may come before any effect
  // here runs) and closed when the page goes; a StrictMode remount opens a fresh one.
  const channel = useRef<BroadcastChannel | null>(null);
  const open = useMemo(
    () => () => {
      if (!channel.current && typeof BroadcastChannel !== "undefined") channel.current = new BroadcastChannel(channelName(slug));
      return channel.current;
    },
    [slug],
  );
  const machine = useMemo(
    () =>
      createSyncMachine((message: SyncMessage) => {
        try {
          open()?.postMessage(message);
        } catch {
          // A closed channel (the page is going away): nobody to tell.
        }
      }),
    [open],
  );
  const [self] = useState(newId);
  const actor = useActorRef(machine, { input: { self, role, slide } });

  useEffect(() => {
    const bc = open();
    if (!bc) return;
    const onMessage = (event: MessageEvent) => {
      const message = parseSyncMessage(event.data);
      if (message) actor.send({ type: "remote", message });
    };
    bc.addEventListener("message", onMessage);
    const navigate = actor.on("navigate", (e) => latest.current.onNavigate(e.slide));
    const run = actor.on("run", (e) => latest.current.onRun?.(e.exampleId));
    const heartbeat = setInterval(() => actor.send({ type: "heartbeat" }), HEARTBEAT_MS);
    const bye = () => actor.send({ type: "close" });
    window.addEventListener("pagehide", bye);
    return () => {
      window.removeEventListener("pagehide", bye);
      clearInterval(heartbeat);
      navigate.unsubscribe();
      run.unsubscribe();
      bc.removeEventListener("message", onMessage);
      bc.postMessage({ type: "bye", from: self } satisfies SyncMessage);
      bc.close();
      channel.current = null;
    };
  }, [actor, open, self]);

  // The page's own moves (keys, clicks, the URL) are announced; a move that came from a peer
  // arrives here too and is recognised by the machine as the slide it already holds.
  useEffect(() => {
    actor.send({ type: "local.goto", slide });
  }, [actor, slide]);

  const state = useSelector(actor, (s) => syncStateOf(s));
  const context = useSelector(actor, (s) => s.context);
  return { actor, state, context };
}
