// The learner's "Text size" for the timeline's canvas: a factor on top of what the page's CSS asks
// for (a slide asks for its code font), kept in localStorage so it holds across runs and pages.

import { useEffect, useState } from "react";
import type { TimelineController } from "./controller.ts";

const KEY = "chanscope:timeline-text-size";
export const TEXT_SIZES = [1, 1.25, 1.5, 2] as const;

function storedSize(): number {
  try {
    const v = Number(window.localStorage.getItem(KEY));
    return (TEXT_SIZES as readonly number[]).includes(v) ? v : 1;
  } catch {
    return 1; // storage blocked (private mode, sandboxed frame): the default size
  }
}

export function TextSizeSelect({ controller }: { controller: TimelineController }) {
  const [size, setSize] = useState(storedSize);
  useEffect(() => controller.setTextSize(size), [controller, size]);
  return (
    <label className="timeline__field">
      Text size
      <select
        value={size}
        onChange={(e) => {
          const v = Number(e.target.value);
          setSize(v);
          try {
            window.localStorage.setItem(KEY, String(v));
          } catch {
            // not kept: the choice still holds on this page
          }
        }}
      >
        {TEXT_SIZES.map((s) => (
          <option key={s} value={s}>
            {s * 100}%
          </option>
        ))}
      </select>
    </label>
  );
}
