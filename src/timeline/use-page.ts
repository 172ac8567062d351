// What a timeline view reads from the page and shows to it: the colour theme (on
// <html data-theme>), and its controller, listed on window for the benchmark and the e2e tests.

import { useEffect, useState } from "react";
import type { TimelineController } from "./controller.ts";

export function useTheme(): string {
  const [theme, setTheme] = useState(() => (typeof document === "undefined" ? "light" : (document.documentElement.dataset.theme ?? "light")));
  useEffect(() => {
    const mo = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? "light"));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => mo.disconnect();
  }, []);
  return theme;
}

/** Lists the controller in window.__chanscopeTimelines while it is mounted (read-only use). */
export function useExposedController(controller: TimelineController): void {
  useEffect(() => {
    const w = window as unknown as { __chanscopeTimelines?: TimelineController[] };
    (w.__chanscopeTimelines ??= []).push(controller);
    return () => {
      w.__chanscopeTimelines = (w.__chanscopeTimelines ?? []).filter((c) => c !== controller);
    };
  }, [controller]);
}
