/** A heading's id and the distance of its top from the top of the viewport, in px. */
export interface HeadingTop {
  id: string;
  top: number;
}

/**
 * The section the reader is in: the last heading whose top has passed the reading line (a line a
 * little below the sticky header). Before the first heading, none; headings must be in page order.
 */
export function activeHeading(headings: readonly HeadingTop[], readingLine: number): string | undefined {
  let active: string | undefined;
  for (const h of headings) {
    if (h.top > readingLine) break;
    active = h.id;
  }
  return active;
}
