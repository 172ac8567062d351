import type { MouseEvent } from "react";
import { useLocation } from "wouter";
import { inAppPath } from "./internal-link.ts";

/**
 * A click handler for containers of built HTML (lesson prose): a plain left click on a link to
 * another page of this site navigates in the app instead of reloading the whole site.
 */
export function useInternalLinks(): (event: MouseEvent<HTMLElement>) => void {
  const [, navigate] = useLocation();
  return (event) => {
    if (event.defaultPrevented) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    const path = inAppPath(
      {
        href: link.href,
        target: link.target,
        download: link.hasAttribute("download"),
        button: event.button,
        modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
      },
      new URL(window.location.href),
    );
    if (path === null) return;
    event.preventDefault();
    navigate(path);
  };
}
