// The DOM side of code-folds.ts on a live slide: a fold line is a <button> inside the highlighted
// code, which is itself the "press Enter to edit" control of the playground. One handler on the
// slide body opens a fold on click (Enter and Space click a button natively), keeps those events
// from the code around it, and afterwards puts focus back on the code (or its Go tab) and scrolls
// the opened lines into view: once opened, a long program may be taller than its column again,
// and the lines just opened would run on below its edge.

import { useCallback, type KeyboardEvent, type MouseEvent } from "react";

type SetOpen = (update: (open: ReadonlySet<string>) => ReadonlySet<string>) => void;

export function useFoldButtons(setOpen: SetOpen): (event: MouseEvent | KeyboardEvent) => void {
  return useCallback(
    (event: MouseEvent | KeyboardEvent) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button.code-fold") : null;
      const key = button?.dataset.fold;
      if (!button || key === undefined) return;
      if (event.type === "keydown") {
        const k = (event as KeyboardEvent).key;
        if (k === "Enter" || k === " ") event.stopPropagation();
        return;
      }
      event.stopPropagation();
      const home =
        button.closest<HTMLElement>("[role='button']") ?? button.closest(".code-tabs")?.querySelector<HTMLElement>("[role='tab'][aria-selected='true']") ?? null;
      // The code view element stays; only its HTML is replaced. Its n-th line stays the n-th.
      const view = button.closest<HTMLElement>(".code-view");
      const hidden = [...(button.nextElementSibling?.querySelectorAll(".line") ?? [])];
      const all = view ? [...view.querySelectorAll(".line")] : [];
      const firstIndex = hidden.length > 0 ? all.indexOf(hidden[0]) : -1;
      const lastIndex = hidden.length > 0 ? all.indexOf(hidden[hidden.length - 1]) : -1;
      setOpen((open) => new Set([...open, key]));
      // After React has rendered the opened code and the slide has refitted it.
      requestAnimationFrame(() => {
        home?.focus({ preventScroll: true });
        const lines = view?.querySelectorAll<HTMLElement>(".line");
        const first = firstIndex >= 0 ? lines?.[firstIndex] : undefined;
        const last = lastIndex >= 0 ? lines?.[lastIndex] : undefined;
        if (first && last) revealInColumn(first, last);
      });
    },
    [setOpen],
  );
}

/**
 * Scrolls the code's own scrolling box (never the slide or the page) so the opened lines, from
 * `first` to `last`, are in view: as many as fit, and never with `first` above the top.
 */
function revealInColumn(first: HTMLElement, last: HTMLElement): void {
  let box = first.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box || box.classList.contains("slide-sheet__body")) return;
  const view = box.getBoundingClientRect();
  const top = first.getBoundingClientRect();
  const bottom = last.getBoundingClientRect();
  const below = bottom.bottom - view.bottom; // how far the last opened line is under the edge
  if (below <= 0) return;
  const room = top.top - view.top - top.height; // keep one line above the first opened line
  box.scrollTop += Math.max(0, Math.min(below + top.height / 2, room));
}
