// `o`: every slide as a thumbnail in a grid. A modal dialog: arrows move between tiles (by rows
// and columns as laid out), Enter or a click goes to that slide, Esc closes and stays.

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { Lesson } from "../lessons/types.ts";
import { paths } from "../app/routes.ts";
import { trapTab } from "./focus-trap.ts";
import { SlideFrame } from "./SlideFrame.tsx";
import { SlideSheet } from "./SlideSheet.tsx";

export function Overview({ lesson, current, open, onPick, onClose }: { lesson: Lesson; current: number; open: boolean; onPick: (n: number) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const tiles = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const tile = tiles.current[current - 1];
      tile?.focus();
      tile?.scrollIntoView({ block: "nearest" });
    }
    if (!open && dialog.open) dialog.close();
  }, [open, current]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = tiles.current.filter((t): t is HTMLAnchorElement => t !== null);
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const columns = Math.max(1, all.filter((t) => t.offsetTop === all[0].offsetTop).length);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + columns, ArrowUp: at - columns, Home: 0, End: all.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const to = Math.min(all.length - 1, Math.max(0, moves[event.key]));
    all[to].focus();
    all[to].scrollIntoView({ block: "nearest" });
  };

  return (
    <dialog ref={ref} className="deck-overview" aria-labelledby="deck-overview-title" onClose={onClose} onKeyDown={trapTab}>
      <div className="deck-overview__head">
        <h2 id="deck-overview-title">{lesson.title}: all slides</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="deck-overview__grid" onKeyDown={onKeyDown}>
        {open &&
          lesson.slides.map((slide, i) => (
            <a
              key={slide.number}
              href={paths.slides(lesson.slug, slide.number)}
              ref={(el) => {
                tiles.current[i] = el;
              }}
              className="deck-overview__tile"
              aria-current={slide.number === current ? "page" : undefined}
              onClick={(e) => {
                e.preventDefault();
                onPick(slide.number);
              }}
            >
              {/* A picture of the slide: its links and code are not separate stops. */}
              <SlideFrame className="deck-overview__thumb" inert>
                {(box) => <SlideSheet slide={slide} total={lesson.slides.length} box={box} live={false} showNumber={false} />}
              </SlideFrame>
              <span className="deck-overview__label">
                <span className="deck-overview__n">{slide.number}</span> {slide.title}
              </span>
            </a>
          ))}
      </div>
    </dialog>
  );
}
