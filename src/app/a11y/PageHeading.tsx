import { useEffect, useRef, type ReactNode } from "react";

// On the first page of a visit the reader starts at the top as usual; after a client-side
// navigation, focus moves to the new page's main heading so a screen reader announces it and
// Tab continues from there (as a full page load would), instead of staying on the clicked link.
let pagesShown = 0;

/** The page's <h1>. It takes focus when it appears after a route change. */
export function PageHeading({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    pagesShown++;
    if (pagesShown > 1 && !window.location.hash) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className} id={id}>
      {children}
    </h1>
  );
}
