import { useEffect, useRef, type RefObject } from "react";
import type { Slide } from "../lessons/types.ts";
import { watchRunStatus } from "./run-mirror.ts";
import type { RunMirror } from "./sync-protocol.ts";

/** The ids of the runnable blocks on a slide (examples and exercises share the example- anchor). */
export function runnableIds(slide: Slide): string[] {
  return slide.parts.flatMap((p) => (p.kind === "example" ? [p.example.id] : p.kind === "exercise" ? [p.exercise.id] : []));
}

/** While `active`, reports every change of run status of the playgrounds inside `ref`. */
export function useRunMirror(ref: RefObject<HTMLElement | null>, slide: Slide, active: boolean, onChange: (exampleId: string, status: RunMirror) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const root = ref.current;
    const ids = runnableIds(slide);
    if (!active || !root || ids.length === 0) return;
    return watchRunStatus(root, ids, (id, status) => latest.current(id, status));
  }, [ref, slide, active]);
}
