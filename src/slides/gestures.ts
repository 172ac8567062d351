// Touch swipes and click zones of the audience deck, as pure decisions about a gesture.

export type Direction = "next" | "previous";

/** Minimum horizontal travel (CSS px) that counts as a swipe rather than a tap or a scroll. */
export const SWIPE_MIN = 50;

/**
 * The move a finger asks for: a mostly horizontal swipe of at least SWIPE_MIN px. Swiping left
 * (dx < 0) pulls the next slide in, as on a phone's photo viewer; a vertical drag is a scroll.
 */
export function swipeDirection(dx: number, dy: number): Direction | null {
  if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  return dx < 0 ? "next" : "previous";
}

/** A click in the left third of the stage goes back, anywhere else forward. */
export function clickZone(x: number, width: number): Direction {
  return x < width / 3 ? "previous" : "next";
}

/**
 * Whether a click on this element belongs to something on the slide (a playground, its editor,
 * a link, a button, an overview tile…) rather than to the stage, so it must not change slides.
 */
export function isInteractiveTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest(
      "a, button, input, select, textarea, summary, details, label, [contenteditable], [role='button'], [role='tab'], [role='dialog'], dialog, .code-block, .playground, .code-editor, .deck-controls",
    ) !== null
  );
}

export interface Point {
  /** 0 at the slide's left edge, 1 at its right. */
  x: number;
  /** 0 at the slide's top, 1 at its bottom. */
  y: number;
}

/**
 * Where a pointer is on a slide, as fractions of the slide's width and height, so a laser dot
 * lands on the same spot of the audience's slide whatever the two windows' sizes; null outside.
 */
export function pointOnSlide(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): Point | null {
  if (rect.width <= 0 || rect.height <= 0) return null;
  const x = (clientX - rect.left) / rect.width;
  const y = (clientY - rect.top) / rect.height;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x, y } : null;
}
