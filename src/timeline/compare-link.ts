// Two timeline views of runs drawn on one shared axis (compare.ts), kept in step: whatever moves
// one view or its cursor — zoom, pan, fit, pinch, stepping, playback — moves the other alike.
// The axis being shared is what makes this right: the same x is the same virtual ms in both.

import type { TimelineController } from "./controller.ts";

/** Links `a` and `b` (b takes a's view now); returns the function that unlinks them. */
export function linkViews(a: TimelineController, b: TimelineController): () => void {
  a.onViewChange = () => b.follow(a.view, a.cursorX);
  b.onViewChange = () => a.follow(b.view, b.cursorX);
  b.follow(a.view, a.cursorX);
  return () => {
    a.onViewChange = null;
    b.onViewChange = null;
  };
}
