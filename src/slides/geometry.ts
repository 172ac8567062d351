// Where a 16:9 slide sits on a screen, and how large its code can be.
//
// Slides are laid out in a logical 1280×720 space and scaled by FONT SIZE, not by a CSS
// transform: every length inside a slide is in `em` of a root size proportional to the box
// width. A transform would scale the pixels too, but Monaco (the editor on live-code slides)
// computes mouse positions from unscaled layout and misplaces clicks and selections under
// `transform: scale()`. Font-based scaling keeps text crisp and the editor exact.

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;
export const SLIDE_ASPECT = SLIDE_WIDTH / SLIDE_HEIGHT;

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  left: number;
  top: number;
  /** Device pixels per logical slide pixel (box width / 1280). */
  unit: number;
}

/**
 * The largest 16:9 box that fits in `area`, centred, with bars on the two sides that are left
 * over (letterbox or pillarbox). Sizes are rounded down to whole pixels so the box never
 * overflows its area by a rounding error.
 */
export function fitBox(area: Size, aspect = SLIDE_ASPECT): Box {
  const w = Math.max(0, area.width);
  const h = Math.max(0, area.height);
  const width = Math.floor(Math.min(w, h * aspect));
  const height = Math.floor(Math.min(h, width / aspect));
  return {
    width,
    height,
    left: Math.floor((w - width) / 2),
    top: Math.floor((h - height) / 2),
    unit: width / SLIDE_WIDTH,
  };
}

export interface CodeShape {
  /** Number of lines shown. */
  lines: number;
  /** Length of the longest line in characters (tabs count as 2, as the editor shows them). */
  longest: number;
}

/** Lines and longest line of a piece of code. */
export function codeShape(source: string): CodeShape {
  const lines = source.replace(/\n+$/, "").split("\n");
  return { lines: lines.length, longest: Math.max(0, ...lines.map((l) => l.replace(/\t/g, "  ").length)) };
}

export interface CodeFitOptions {
  /** Smallest font size (px) worth showing on a projector; below it the code scrolls instead. */
  min: number;
  /** Largest font size (px): short snippets should not look shouted. */
  max: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Advance of one monospace character as a multiple of the font size. */
  charWidth: number;
  /** Space taken by padding, gutters and scrollbars, in px, across and down. */
  padX: number;
  padY: number;
}

/**
 * The font size (px) at which code of this shape fits in `area` without being cut off: the
 * largest size that fits both every line and the longest line, clamped to [min, max]. When even
 * `min` does not fit, `min` is returned and the caller lets the code scroll (the last resort).
 * Rounded down to a quarter pixel so the result is stable across tiny resizes.
 */
export function codeFontSize(shape: CodeShape, area: Size, o: CodeFitOptions): number {
  const byHeight = (area.height - o.padY) / (Math.max(1, shape.lines) * o.lineHeight);
  const byWidth = (area.width - o.padX) / (Math.max(1, shape.longest) * o.charWidth);
  const fitting = Math.min(byHeight, byWidth);
  const clamped = Math.min(o.max, Math.max(o.min, fitting));
  return Math.floor(clamped * 4) / 4;
}

/**
 * The largest scale in [min, 1] at which `fits(scale)` holds, by bisection (`fits` must be
 * monotonic: true for small scales, false above some threshold). Used to shrink a slide's text
 * until its content fits the 16:9 box; returns `min` when nothing fits (the slide then scrolls).
 */
export function largestFitting(fits: (scale: number) => boolean, min = 0.6, steps = 7): number {
  if (fits(1)) return 1;
  if (!fits(min)) return min;
  let lo = min;
  let hi = 1;
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 100) / 100;
}
