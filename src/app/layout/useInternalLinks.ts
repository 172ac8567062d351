import type { MouseEvent } from "react";
import { useLocation } from "wouter";

/**
 * A click handler for containers of built HTML (lesson prose): a plain left click on a link to
 * another page of this site navigates in the app instead of reloading the whole site.
 */
export function useInternalLinks(): (event: MouseEvent<HTMLElement>) => void {
  const [, navigate] = useLocation();
  return (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (url.pathname === window.location.pathname) return; // same page: let the browser scroll to the fragment
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
}
