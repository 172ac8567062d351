// One run machine per playground, wired to real workers, and what the page needs from it.
// A run can stream thousands of trace batches; the page redraws at once when the lifecycle state
// changes, and at most every RENDER_MS while the same state streams more events.

import { useActorRef } from "@xstate/react";
import { useEffect, useMemo, useState } from "react";
import { createWorkerPort } from "../../sandbox/client.ts";
import { createRunMachine, statusOf, type RunActor, type RunContext, type RunSnapshot, type RunStatus } from "../../sandbox/run-machine.ts";

const RENDER_MS = 100;

export function useRun(): { actor: RunActor; status: RunStatus; context: RunContext } {
  const machine = useMemo(() => createRunMachine(createWorkerPort()), []);
  const actor = useActorRef(machine);
  const [snapshot, setSnapshot] = useState<RunSnapshot>(() => actor.getSnapshot());

  useEffect(() => {
    let shown = actor.getSnapshot();
    let latest = shown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      shown = latest;
      setSnapshot(latest);
    };
    const subscription = actor.subscribe((next) => {
      latest = next;
      if (statusOf(next) !== statusOf(shown) || next.context.runId !== shown.context.runId) {
        if (timer !== undefined) clearTimeout(timer);
        show();
      } else if (timer === undefined) {
        timer = setTimeout(show, RENDER_MS);
      }
    });
    setSnapshot(actor.getSnapshot());
    return () => {
      subscription.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [actor]);

  return { actor, status: statusOf(snapshot), context: snapshot.context };
}
