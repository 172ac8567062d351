import { useEffect, useRef, type ReactNode } from "react";
import { shouldFocusNewPage } from "./route-focus.ts";

/** The page's <h1>. It takes focus when it appears after a route change (see route-focus.ts). */
export function PageHeading({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shouldFocusNewPage()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className} id={id}>
      {children}
    </h1>
  );
}
