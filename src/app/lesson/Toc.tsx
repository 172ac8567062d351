import { useState } from "react";
import type { Heading } from "../../lessons/types.ts";
import { useMediaQuery } from "../layout/useMediaQuery.ts";
import { useActiveHeading } from "./useActiveHeading.ts";

export const wideLayoutQuery = "(min-width: 64rem)";

/**
 * "On this page": the lesson's headings as links. A sticky sidebar on wide screens; on narrow ones
 * a disclosure above the article that closes again when a heading is chosen.
 */
export function Toc({ headings }: { headings: Heading[] }) {
  const wide = useMediaQuery(wideLayoutQuery);
  const [open, setOpen] = useState(false);
  const shown = headings.filter((h) => h.depth <= 3);
  const active = useActiveHeading(shown.map((h) => h.id));
  if (shown.length === 0) return null;
  const top = Math.min(...shown.map((h) => h.depth));
  return (
    <nav className="toc" aria-label="On this page">
      <details open={wide || open} onToggle={(e) => !wide && setOpen(e.currentTarget.open)}>
        <summary className="toc__summary">On this page</summary>
        <p className="toc__title" aria-hidden="true">
          On this page
        </p>
        <ol className="toc__list">
          {shown.map((h) => (
            <li key={h.id} className={`toc__item toc__item--${h.depth - top}`}>
              <a href={`#${h.id}`} aria-current={h.id === active ? "location" : undefined} onClick={() => !wide && setOpen(false)}>
                {h.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
