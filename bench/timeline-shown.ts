// What the timeline benchmark's page reports for one trace it was handed (timeline-harness.tsx
// measures it in Chromium; timeline-bench.ts reads it through Playwright).
export interface Shown {
  /** ms from handing over the trace to the end of the first drawn frame. */
  firstDrawMs: number;
  /** ms the first frame's render itself took. */
  renderMs: number;
  /** ms React took to mount (model and scene are built during it). */
  mountMs: number;
  /** ms until the page had painted that frame and run a task after it. */
  settledMs: number;
  modelMs: number;
  sceneMs: number;
}
