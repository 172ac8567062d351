// One run machine per playground, wired to real workers, and what the page needs from it.

import { useActorRef, useSelector } from "@xstate/react";
import { useMemo } from "react";
import { createWorkerPort } from "../../sandbox/client.ts";
import { createRunMachine, statusOf, type RunActor, type RunContext, type RunStatus } from "../../sandbox/run-machine.ts";

export function useRun(): { actor: RunActor; status: RunStatus; context: RunContext } {
  const machine = useMemo(() => createRunMachine(createWorkerPort()), []);
  const actor = useActorRef(machine);
  const status = useSelector(actor, statusOf);
  const context = useSelector(actor, (s) => s.context);
  return { actor, status, context };
}
