import type { Point } from "./gestures.ts";

/** The laser pointer: a red dot on the slide at `point` (fractions of the slide), when there is one. */
export function Laser({ point }: { point: Point | null }) {
  if (!point) return null;
  return <div className="laser" aria-hidden="true" style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }} />;
}
