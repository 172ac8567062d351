// A code slide shows its title in a band across the top, outside the column that scrolls, so the
// slide keeps saying what it is about while a run's results are on screen. The title is the
// slide's first heading (the lesson format makes it so), taken out of the first prose part so it
// is drawn once. The HTML is the lesson pipeline's own (trusted, as everywhere prose is shown).

import type { LessonPart } from "../lessons/types.ts";

export interface TitledParts {
  /** The leading heading element, as HTML (keeps its id and inline markup); undefined if none. */
  titleHtml: string | undefined;
  /** The parts without it; a prose part left empty is dropped. */
  rest: LessonPart[];
}

const LEADING_HEADING = /^\s*(<h([1-6])\b[^>]*>[\s\S]*?<\/h\2>)/;

/** Takes the heading that opens a slide's first part off it; parts that open otherwise are kept as they are. */
export function splitTitle(parts: LessonPart[]): TitledParts {
  const [first, ...others] = parts;
  if (first?.kind !== "html") return { titleHtml: undefined, rest: parts };
  const match = LEADING_HEADING.exec(first.html);
  if (!match) return { titleHtml: undefined, rest: parts };
  const remaining = first.html.slice(match[0].length);
  return {
    titleHtml: match[1],
    rest: remaining.trim() === "" ? others : [{ ...first, html: remaining }, ...others],
  };
}
