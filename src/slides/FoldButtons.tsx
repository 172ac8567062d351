// The buttons that open a live slide's folds (code-folds.ts). The fold line inside the code is
// only a picture: the code around it is already a control ("press Enter to edit"), and a button
// inside it would be a control inside a control. So each button lies exactly over its fold line,
// as a child of the slide sheet, placed from the fold line's box whenever the layout may have
// moved (fit, resize, tab switch, scroll, the editor replacing the code, zoom). After a fold
// opens, focus goes back to the code (or its Go tab) and the code's column scrolls so the lines
// just opened show: a program taller than its column again would run on below the edge.

import { useEffect, useState, type RefObject } from "react";

interface Spot {
  key: string;
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where each visible fold line of the sheet is, in the sheet's coordinates. */
function spotsIn(sheet: HTMLElement): Spot[] {
  const base = sheet.getBoundingClientRect();
  const spots: Spot[] = [];
  for (const fold of sheet.querySelectorAll<HTMLElement>(".slide-sheet__body .code-fold")) {
    const r = fold.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // another tab, the editor, the zoomed slide
    const column = scrollBox(fold)?.getBoundingClientRect();
    if (column && (r.top < column.top - 1 || r.bottom > column.bottom + 1)) continue; // scrolled out
    spots.push({
      key: fold.dataset.fold ?? "",
      name: fold.dataset.name ?? "Show hidden lines",
      left: r.left - base.left - sheet.clientLeft,
      top: r.top - base.top - sheet.clientTop,
      width: r.width,
      height: r.height,
    });
  }
  return spots;
}

function sameSpots(a: Spot[], b: Spot[]): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) < 0.5;
  return (
    a.length === b.length &&
    a.every((s, i) => s.key === b[i].key && near(s.left, b[i].left) && near(s.top, b[i].top) && near(s.width, b[i].width) && near(s.height, b[i].height))
  );
}

/** The code's own scrolling box (the code column), or undefined when nothing scrolls it. */
function scrollBox(el: HTMLElement): HTMLElement | undefined {
  for (let box = el.parentElement; box; box = box.parentElement) {
    if (box.classList.contains("slide-sheet__body")) return undefined;
    if (/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight + 1) return box;
  }
  return undefined;
}

/** Scrolls the code's column so the opened lines `first`…`last` show, `first` never above the top. */
function revealLines(first: HTMLElement, last: HTMLElement): void {
  const box = scrollBox(first);
  if (!box) return;
  const view = box.getBoundingClientRect();
  const top = first.getBoundingClientRect();
  const below = last.getBoundingClientRect().bottom - view.bottom;
  if (below <= 0) return;
  const room = top.top - view.top - top.height; // keep one line above the first opened line
  box.scrollTop += Math.max(0, Math.min(below + top.height / 2, room));
}

export function FoldButtons({ sheet, onOpen }: { sheet: RefObject<HTMLElement | null>; onOpen(key: string): void }) {
  const [spots, setSpots] = useState<Spot[]>([]);

  useEffect(() => {
    const root = sheet.current;
    if (!root) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const next = spotsIn(root);
      setSpots((prev) => (sameSpots(prev, next) ? prev : next));
    };
    const later = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    const sizes = new ResizeObserver(later);
    const watch = () => {
      sizes.observe(root);
      for (const view of root.querySelectorAll(".code-view")) sizes.observe(view);
    };
    // New code views (a fold opened, the editor closed), tab panels shown or hidden, the fitted font.
    const changes = new MutationObserver(() => {
      watch();
      later();
    });
    changes.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden", "data-theme"] });
    const font = new MutationObserver(later);
    font.observe(root, { attributes: true, attributeFilter: ["style"] });
    root.addEventListener("scroll", later, true);
    watch();
    measure();
    return () => {
      cancelAnimationFrame(frame);
      sizes.disconnect();
      changes.disconnect();
      font.disconnect();
      root.removeEventListener("scroll", later, true);
    };
  }, [sheet]);

  const open = (key: string) => {
    const root = sheet.current;
    const fold = root?.querySelector<HTMLElement>(`.code-fold[data-fold="${CSS.escape(key)}"]`);
    const view = fold?.closest<HTMLElement>(".code-view");
    const home = fold?.closest<HTMLElement>("[role='button']") ?? fold?.closest(".code-tabs")?.querySelector<HTMLElement>("[role='tab'][aria-selected='true']");
    // The code view stays (only its HTML is replaced), and its n-th line stays the n-th.
    const all = view ? [...view.querySelectorAll(".line")] : [];
    const hidden = [...(fold?.nextElementSibling?.querySelectorAll(".line") ?? [])];
    const first = hidden.length > 0 ? all.indexOf(hidden[0]) : -1;
    const last = hidden.length > 0 ? all.indexOf(hidden[hidden.length - 1]) : -1;
    onOpen(key);
    // After React has rendered the opened code and the slide has refitted it.
    requestAnimationFrame(() => {
      home?.focus({ preventScroll: true });
      const lines = view?.querySelectorAll<HTMLElement>(".line");
      const a = first >= 0 ? lines?.[first] : undefined;
      const b = last >= 0 ? lines?.[last] : undefined;
      if (a && b) revealLines(a, b);
    });
  };

  return (
    <>
      {spots.map((s) => (
        <button
          key={s.key}
          type="button"
          className="slide-sheet__fold"
          aria-label={s.name}
          data-fold={s.key}
          style={{ left: s.left, top: s.top, width: s.width, height: s.height }}
          onClick={() => open(s.key)}
        />
      ))}
    </>
  );
}
