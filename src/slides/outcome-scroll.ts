// Where a code slide's results column scrolls when a run ends. The room must see the outcome
// banner whole, with the report under it when there is room, and nothing at the top edge cut in
// half: the column stops only at the top of one of its blocks (a paragraph, the controls row, the
// banner…). The Run/Stop/Edit row is either wholly on screen or wholly scrolled away.
// All positions are in the column's content coordinates (0 = its top when not scrolled).

export interface Span {
  top: number;
  bottom: number;
}

export interface OutcomeLayout {
  /** Visible height of the scrolling column. */
  view: number;
  /** Its current and largest scroll offsets. */
  current: number;
  max: number;
  /** The Run/Stop/Edit row. */
  controls: Span;
  /** The outcome banner. */
  outcome: Span;
  /** Bottom of what should be read with the banner (the report under it; else the banner's bottom). */
  end: number;
  /** Tops of the column's blocks: the offsets where a scroll cuts nothing. */
  edges: number[];
}

/** The scroll offset that shows the outcome; see the file comment for the rules, in order of preference. */
export function outcomeScroll(l: OutcomeLayout): number {
  const shows = (s: number, bottom: number) => l.outcome.top >= s && bottom <= s + l.view;
  const controlsWhole = (s: number) => s <= l.controls.top && l.controls.bottom <= s + l.view;
  const controlsGone = (s: number) => s >= l.controls.bottom;
  // Already fine where it is (a teacher who scrolled keeps the view): leave it.
  if (shows(l.current, l.end) && (controlsWhole(l.current) || controlsGone(l.current))) return l.current;
  const stops = [...new Set([0, ...l.edges])].filter((s) => s >= 0 && s <= l.max).sort((a, b) => a - b);
  // 1. The least scroll that shows controls, banner and report together (keeps the most prose).
  const all = stops.find((s) => controlsWhole(s) && shows(s, l.end));
  if (all !== undefined) return all;
  // 2. Controls and banner whole, as much of the report as fits: the furthest such stop.
  const withControls = stops.filter((s) => controlsWhole(s) && shows(s, l.outcome.bottom)).pop();
  if (withControls !== undefined) return withControls;
  // 3. The controls scrolled away: the banner at the top, the report under it.
  const below = stops.find((s) => controlsGone(s) && shows(s, l.end)) ?? stops.filter((s) => controlsGone(s) && shows(s, l.outcome.bottom)).pop();
  return below ?? Math.min(l.max, Math.max(0, l.outcome.top));
}
