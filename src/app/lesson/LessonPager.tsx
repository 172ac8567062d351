import { Link } from "wouter";
import type { LessonPosition } from "./neighbours.ts";
import { paths } from "../routes.ts";

/** Previous and next lesson, at the end of the article. */
export function LessonPager({ position }: { position: LessonPosition }) {
  const { previous, next } = position;
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label="Previous and next lesson">
      {previous ? (
        <Link href={paths.lesson(previous.slug)} className="pager__link pager__link--previous" rel="prev">
          <span className="pager__dir">← Previous lesson</span>
          <span className="pager__title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={paths.lesson(next.slug)} className="pager__link pager__link--next" rel="next">
          <span className="pager__dir">Next lesson →</span>
          <span className="pager__title">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
