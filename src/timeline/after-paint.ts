// Work that can wait for the picture. On a big run the timeline's words — the run in words, the
// legend, the event log, the channel table — cost as much as the canvas's first frame; showing
// them a frame later lets the learner see the run first (Perfetto draws first, fills panels after).

import { useEffect, useState } from "react";

/**
 * `value`, one painted frame late: the first render gets `initial`, and each new value arrives
 * after the browser has drawn (and painted) a frame since it changed. Between changes it returns
 * the previous value, so a growing live run never blanks what is shown.
 */
export function useAfterPaint<T, I>(value: T, initial: I): T | I {
  const [shown, setShown] = useState<T | I>(initial);
  useEffect(() => {
    // rAF callbacks run before the frame is painted; a task queued from one runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value]);
  return shown;
}
