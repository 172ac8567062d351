// XState on virtual time, traced. The sandbox hands user code `withVirtualClock(xstate)` in place
// of the xstate module: every actor created in user code gets the runtime's `clock` (so `after`
// delays run on virtual time) and each state change is recorded as an `fsm.transition` event for
// the statechart view. A targeted transition that lands in the state it left (a retry's
// `reenter: true`, say) is recorded too, with `from === to`: the state value alone cannot show
// it, so it is read from XState's `@xstate.microstep` inspection events, which list the
// transitions each step took. The runtime does not depend on xstate: it wraps the module it is given.

import { active } from "./scheduler.ts";
import { clock } from "./timers.ts";

interface InspectionEventLike {
  type: string;
  event?: { type?: unknown };
  snapshot?: { value?: unknown };
  /** On `@xstate.microstep`: the transitions the step took (a targetless one has no `target`). */
  _transitions?: { target?: unknown }[];
  actorRef?: { id?: unknown; logic?: { id?: unknown; toJSON?: () => unknown } };
}

type Inspect = ((e: InspectionEventLike) => void) | { next?: (e: InspectionEventLike) => void };

interface ActorOptionsLike {
  clock?: unknown;
  inspect?: Inspect;
  [key: string]: unknown;
}

/** The part of the xstate module this wraps. */
export interface XStateLike {
  createActor: (...args: never[]) => unknown;
}

/** A state value as text: "idle", or "connected.synSent" for nested states. */
export function stateText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}.${stateText(v)}`)
      .join(", ");
  }
  return String(value);
}

/** `xstate` with createActor on the runtime's virtual clock and traced transitions. */
export function withVirtualClock<X extends XStateLike>(xstate: X): X {
  const createActor = (logic: unknown, options: ActorOptionsLike = {}): unknown => {
    const last = new WeakMap<object, string>();
    const step = new WeakMap<object, string>(); // state after the latest microstep of the macrostep under way
    const user = options.inspect;
    const inspect = (e: InspectionEventLike): void => {
      if (e.actorRef !== undefined && e.snapshot !== undefined && "value" in e.snapshot) {
        if (e.type === "@xstate.microstep") recordSelfTransition(e, last, step);
        else if (e.type === "@xstate.snapshot") {
          step.delete(e.actorRef);
          recordTransition(e, last);
        }
      }
      if (typeof user === "function") user(e);
      else user?.next?.(e);
    };
    const createReal = xstate.createActor as unknown as (l: unknown, o: ActorOptionsLike) => unknown;
    return createReal(logic, { ...options, clock: options.clock ?? clock, inspect });
  };
  return { ...xstate, createActor } as X;
}

function recordTransition(e: InspectionEventLike, last: WeakMap<object, string>): void {
  const ref = e.actorRef as object;
  const to = stateText((e.snapshot as { value?: unknown }).value);
  const from = last.get(ref) ?? "";
  last.set(ref, to);
  if (from !== to) emitTransition(e, from, to);
}

/**
 * A microstep that took a targeted transition and left the state value as it was is a
 * self-transition (the state was left and entered again, or `reenter: false` kept it): traced
 * `from === to`. A value that changed is left to the snapshot event, which traces it once.
 */
function recordSelfTransition(e: InspectionEventLike, last: WeakMap<object, string>, step: WeakMap<object, string>): void {
  const ref = e.actorRef as object;
  const value = stateText((e.snapshot as { value?: unknown }).value);
  const before = step.get(ref) ?? last.get(ref);
  step.set(ref, value);
  const targeted = (e._transitions ?? []).some((t) => Array.isArray(t.target) && t.target.length > 0);
  if (before === value && targeted) emitTransition(e, value, value);
}

function emitTransition(e: InspectionEventLike, from: string, to: string): void {
  const run = active;
  if (run === null || run.over || !run.tracing) return;
  const a = e.actorRef as NonNullable<InspectionEventLike["actorRef"]>;
  const machine = String(a.logic?.id ?? a.id ?? "machine");
  const event = typeof e.event?.type === "string" ? e.event.type : "";
  const definition = from === "" ? definitionOf(a.logic) : undefined;
  run.emit(definition === undefined ? { seq: 0, t: run.now, kind: "fsm.transition", machine, from, to, event } : { seq: 0, t: run.now, kind: "fsm.transition", machine, from, to, event, definition });
}

/** A machine's definition as plain data (structured-clonable for the worker's messages), or undefined. */
function definitionOf(logic: { toJSON?: () => unknown } | undefined): unknown {
  if (typeof logic?.toJSON !== "function") return undefined;
  try {
    return JSON.parse(JSON.stringify(logic.toJSON())) as unknown;
  } catch {
    return undefined; // a definition that cannot be serialised is drawn from its transitions alone
  }
}
