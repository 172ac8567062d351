import { useEffect, useState } from "react";
import { activeHeading } from "./active-heading.ts";

/** The id of the heading whose section is on screen, updated at most once a frame while scrolling. */
export function useActiveHeading(ids: readonly string[]): string | undefined {
  const [active, setActive] = useState<string | undefined>(undefined);
  const key = ids.join(" ");
  useEffect(() => {
    const list = key ? key.split(" ") : [];
    let frame = 0;
    const measure = () => {
      frame = 0;
      const header = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
      const line = header + Math.min(160, window.innerHeight * 0.25);
      const tops = list.flatMap((id) => {
        const el = document.getElementById(id);
        return el ? [{ id, top: el.getBoundingClientRect().top }] : [];
      });
      setActive(activeHeading(tops, line));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [key]);
  return active;
}
