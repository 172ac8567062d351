// Toolbar controls every timeline view has: zoom (−, + and Fit all; the keys −, + and 0 on the
// canvas do the same) and the axis mode.

import type { AxisMode } from "./axis.ts";
import type { TimelineController } from "./controller.ts";

export function ZoomButtons({ controller, zoomed, fitTitle }: { controller: TimelineController; zoomed: boolean; fitTitle: string }) {
  return (
    <>
      <button type="button" className="timeline__btn" onClick={() => controller.zoomBy(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">
        −
      </button>
      <button type="button" className="timeline__btn" onClick={() => controller.zoomBy(1.5)} aria-label="Zoom in" title="Zoom in (+)">
        +
      </button>
      <button type="button" className="timeline__btn" onClick={() => controller.fit()} disabled={!zoomed} title={fitTitle}>
        Fit all
      </button>
    </>
  );
}

export function AxisSelect({ mode, onChange }: { mode: AxisMode; onChange(mode: AxisMode): void }) {
  return (
    <label className="timeline__field">
      Axis
      <select value={mode} onChange={(e) => onChange(e.target.value as AxisMode)}>
        <option value="hybrid">Time, events spaced</option>
        <option value="time">Virtual time</option>
        <option value="events">Event order</option>
      </select>
    </label>
  );
}
