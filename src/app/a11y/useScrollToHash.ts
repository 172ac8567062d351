import { useEffect } from "react";

/** The element id a URL fragment names ("#example-a%20b" → "example-a b"); null for none. */
export function idFromHash(hash: string): string | null {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Once a page's content is in the DOM (`ready`), bring the element the URL fragment names into
 * view and give it focus, as the browser would have done had the content been there at load.
 */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const id = idFromHash(window.location.hash);
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }, [ready]);
}
