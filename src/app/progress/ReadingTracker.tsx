import { useEffect, useRef, useState } from "react";
import type { Lesson } from "../../lessons/types.ts";
import { useActiveHeading } from "../lesson/useActiveHeading.ts";
import { parseRoute } from "../routes.ts";
import { recordVisit } from "./progress-store.ts";

/**
 * Placed at the end of a lesson article: records the section being read (for "Continue") and
 * marks the lesson read once the learner reaches its end, i.e. when this element scrolls into
 * view or the last heading becomes the current one. Renders an empty marker, nothing visible.
 */
export function ReadingTracker({ lesson }: { lesson: Pick<Lesson, "slug" | "headings"> }) {
  // The same headings as the contents list (depth ≤ 3), so "Continue" names a section it shows.
  const ids = lesson.headings.filter((h) => h.depth <= 3).map((h) => h.id);
  const active = useActiveHeading(ids);
  const endRef = useRef<HTMLDivElement>(null);
  const [endSeen, setEndSeen] = useState(false);

  useEffect(() => {
    const el = endRef.current;
    if (!el || endSeen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setEndSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [endSeen]);

  const lastId = ids.at(-1);
  const reachedEnd = endSeen || (active !== undefined && active === lastId);
  const heading = lesson.headings.find((h) => h.id === active);
  const sectionId = heading?.id;
  const sectionTitle = heading?.text;
  useEffect(() => {
    // Leaving the lesson scrolls the page to the top while this is still mounted (the next page
    // loads): those sections were passed on the way out, not read, so once the URL is another
    // page nothing is recorded.
    const route = parseRoute(window.location.pathname);
    if (route.page !== "lesson" || route.slug !== lesson.slug) return;
    recordVisit({
      slug: lesson.slug,
      ...(sectionId !== undefined && sectionTitle !== undefined ? { section: { id: sectionId, title: sectionTitle } } : {}),
      reachedEnd,
    });
  }, [lesson.slug, sectionId, sectionTitle, reachedEnd]);

  return <div ref={endRef} className="reading-tracker" data-reading-end="" aria-hidden="true" />;
}
