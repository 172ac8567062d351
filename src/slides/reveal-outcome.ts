// The DOM side of outcome-scroll.ts: measure a code slide's results column and scroll it.

import { outcomeScroll, type Span } from "./outcome-scroll.ts";

/** The blocks of the results column whose tops are clean places to stop (the code cell is not one). */
const BLOCKS = ":scope > .prose > *, :scope > :not(.prose, .code-block), .code-block > :not(.playground), .playground > :not(:first-child)";

/**
 * Scrolls the slide's body so the example's outcome is in view.
 * `fill`: zoomed (`z`), the banner goes to the very top and the timeline fills the rest.
 */
export function revealOutcome(section: HTMLElement | null, exampleId: string, fill = false): void {
  const body = section?.querySelector<HTMLElement>(".slide-sheet__body");
  const figure = section?.querySelector<HTMLElement>(`#${CSS.escape(`example-${exampleId}`)}`);
  const status = figure?.querySelector<HTMLElement>("[role='status']");
  const controls = figure?.querySelector<HTMLElement>(".playground__bar");
  if (!body || !figure || !status) return;
  const origin = body.getBoundingClientRect().top - body.scrollTop;
  const span = (el: Element): Span => {
    const r = el.getBoundingClientRect();
    return { top: r.top - origin, bottom: r.bottom - origin };
  };
  const outcome = span(status);
  if (fill) {
    body.scrollTo({ top: outcome.top, behavior: "instant" });
    return;
  }
  const report = figure.querySelector(".playground__report");
  const edges = [...body.querySelectorAll(BLOCKS)]
    .filter((el) => getComputedStyle(el).display !== "contents" && el.getClientRects().length > 0)
    .map((el) => Math.round(span(el).top));
  const top = outcomeScroll({
    view: body.clientHeight,
    current: body.scrollTop,
    max: body.scrollHeight - body.clientHeight,
    controls: controls ? span(controls) : { top: outcome.top, bottom: outcome.top },
    outcome,
    end: report ? Math.max(outcome.bottom, span(report).bottom) : outcome.bottom,
    edges,
  });
  if (Math.abs(top - body.scrollTop) >= 1) body.scrollTo({ top, behavior: "smooth" });
}
