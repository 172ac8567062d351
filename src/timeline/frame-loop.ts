// The one owner of requestAnimationFrame for a timeline: code asks for a redraw (`request`), and
// at most one frame is drawn per animation frame however often it is asked. `onTick` (playback)
// runs first in a frame, with the elapsed ms, and says whether it wants another frame.

export interface FrameLoop {
  request(): void;
  /** Playback: called every frame with elapsed ms until it returns false. */
  animate(onTick: (dtMs: number) => boolean): void;
  stopAnimation(): void;
  dispose(): void;
}

export function createFrameLoop(draw: () => void): FrameLoop {
  let handle = 0;
  let tick: ((dt: number) => boolean) | null = null;
  let last = 0;
  const frame = (now: number): void => {
    handle = 0;
    if (tick !== null) {
      const dt = last === 0 ? 16 : Math.min(now - last, 100);
      last = now;
      if (!tick(dt)) tick = null;
    }
    draw();
    if (tick !== null && handle === 0) handle = requestAnimationFrame(frame);
  };
  const request = (): void => {
    if (handle === 0) handle = requestAnimationFrame(frame);
  };
  return {
    request,
    animate(onTick) {
      tick = onTick;
      last = 0;
      request();
    },
    stopAnimation() {
      tick = null;
    },
    dispose() {
      if (handle !== 0) cancelAnimationFrame(handle);
      handle = 0;
      tick = null;
    },
  };
}
