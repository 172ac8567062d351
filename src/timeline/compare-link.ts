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

/** Where one run's events sit on the shared axis (ascending), and how many there are. */
export interface RunPositions {
  pos: ArrayLike<number>;
  count: number;
}

/**
 * Stepping through two runs at once: the next (+1) or previous (−1) event of either run from the
 * shared cursor, whichever is nearer — so A's and B's events are visited in time order. Null when
 * neither run has an event that way.
 */
export function stepBoth(runs: readonly RunPositions[], cursorX: number | null, dir: 1 | -1): { run: number; idx: number } | null {
  if (cursorX === null && dir === -1) return null;
  let best: { run: number; idx: number } | null = null;
  let bestX = 0;
  for (let run = 0; run < runs.length; run++) {
    const r = runs[run];
    // First index whose position is past the cursor (dir 1), or the last one before it (dir −1).
    let lo = 0;
    let hi = r.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const past = cursorX === null || (dir === 1 ? r.pos[mid] > cursorX : r.pos[mid] >= cursorX);
      if (past) hi = mid;
      else lo = mid + 1;
    }
    const idx = dir === 1 ? lo : lo - 1;
    if (idx < 0 || idx >= r.count) continue;
    const x = r.pos[idx];
    if (best === null || (dir === 1 ? x < bestX : x > bestX)) {
      best = { run, idx };
      bestX = x;
    }
  }
  return best;
}
