import { useEffect, useRef, useState, type RefObject } from "react";
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
  const listRef = useRef<HTMLOListElement>(null);
  useKeepInView(listRef, active);
  if (shown.length === 0) return null;
  const top = Math.min(...shown.map((h) => h.depth));
  return (
    <nav className="toc" aria-label="On this page">
      <details open={wide || open} onToggle={(e) => !wide && setOpen(e.currentTarget.open)}>
        <summary className="toc__summary">On this page</summary>
        <p className="toc__title" aria-hidden="true">
          On this page
        </p>
        <ol className="toc__list" ref={listRef}>
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

/** Scrolls the contents' own scroll box (never the page) so the current section's link stays visible. */
function useKeepInView(listRef: RefObject<HTMLOListElement | null>, active: string | undefined): void {
  useEffect(() => {
    const link = listRef.current?.querySelector<HTMLElement>('a[aria-current="location"]');
    const box = listRef.current?.closest<HTMLElement>(".lesson__aside");
    if (!link || !box || box.scrollHeight <= box.clientHeight) return;
    const linkBox = link.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    if (linkBox.top < view.top + 48) box.scrollTop -= view.top + 48 - linkBox.top;
    else if (linkBox.bottom > view.bottom - 48) box.scrollTop += linkBox.bottom - (view.bottom - 48);
  }, [listRef, active]);
}
