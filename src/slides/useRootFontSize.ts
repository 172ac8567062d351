import { useLayoutEffect } from "react";

/**
 * While the deck is shown, the page's rem follows the slide size, so the parts of a playground
 * that are sized in rem (its controls, output, task table) grow on a projector with the slide.
 */
export function useRootFontSize(unit: number): void {
  useLayoutEffect(() => {
    if (unit <= 0) return;
    const root = document.documentElement;
    root.style.fontSize = `${Math.min(32, Math.max(15, 18 * unit))}px`;
    return () => {
      root.style.fontSize = "";
    };
  }, [unit]);
}
