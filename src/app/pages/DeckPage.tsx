import { useEffect } from "react";
import { Link, useLocation } from "wouter";
import type { Lesson, Slide } from "../../lessons/types.ts";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { isEditableTarget } from "../lesson/shortcuts.ts";
import { LessonParts } from "../lesson/LessonParts.tsx";
import { useLesson } from "../lesson/useLesson.ts";
import { paths } from "../routes.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { LoadFailed, PageLoading } from "./PageStatus.tsx";
import "./deck.css";

export type DeckMode = "slides" | "presenter";

/**
 * `/lessons/<slug>/slides/<n>` and `/lessons/<slug>/presenter/<n>`: one slide of a lesson, large,
 * with previous/next. The presenter view adds the speaker notes and what comes next.
 */
export default function DeckPage({ slug, slide, mode }: { slug: string; slide: number; mode: DeckMode }) {
  const load = useLesson(slug);
  if (load.status === "loading") return <PageLoading what="slides" />;
  if (load.status === "failed") return <LoadFailed what="these slides" message={load.message} />;
  const current = load.status === "ready" ? load.lesson.slides[slide - 1] : undefined;
  if (load.status === "missing" || !current) {
    return <NotFoundPage path={mode === "slides" ? paths.slides(slug, slide) : paths.presenter(slug, slide)} />;
  }
  return <Deck lesson={load.lesson} slide={current} mode={mode} />;
}

function Deck({ lesson, slide, mode }: { lesson: Lesson; slide: Slide; mode: DeckMode }) {
  const [, navigate] = useLocation();
  const total = lesson.slides.length;
  const n = slide.number;
  const at = (k: number) => (mode === "slides" ? paths.slides(lesson.slug, k) : paths.presenter(lesson.slug, k));
  const article = paths.lesson(lesson.slug, slide.anchor);
  useDocumentTitle(`${slide.title || lesson.title} (${n}/${total}) — ${lesson.title}`);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isEditableTarget(event.target)) return;
      const next = ["ArrowRight", "PageDown", " "].includes(event.key);
      const previous = ["ArrowLeft", "PageUp"].includes(event.key);
      let to: string | undefined;
      if (next && n < total) to = at(n + 1);
      else if (previous && n > 1) to = at(n - 1);
      else if (event.key === "Home") to = at(1);
      else if (event.key === "End") to = at(total);
      else if (event.key === "Escape") to = article;
      if (!to) return;
      event.preventDefault();
      navigate(to);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });

  useEffect(() => {
    window.scrollTo(0, 0); // braces matter: Chromium's scrollTo returns a promise, not a cleanup
  }, [n]);

  const following = lesson.slides[n];
  return (
    <div className={`deck deck--${mode}`}>
      <div className="deck__bar">
        <Link href={article} className="deck__back">
          <span aria-hidden="true">← </span>
          <span className="visually-hidden">Back to the article: </span>
          {lesson.title}
        </Link>
        <p className="deck__count" aria-live="polite">
          Slide {n} of {total}
        </p>
        <nav className="deck__nav" aria-label="Slides">
          {n > 1 ? (
            <Link href={at(n - 1)} className="button button--quiet" rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className="button button--quiet" aria-disabled="true">
              ← Previous
            </span>
          )}
          {n < total ? (
            <Link href={at(n + 1)} className="button" rel="next">
              Next →
            </Link>
          ) : (
            <span className="button" aria-disabled="true">
              Next →
            </span>
          )}
          {mode === "slides" ? (
            <Link href={paths.presenter(lesson.slug, n)} className="button button--quiet deck__wide-only">
              Presenter view
            </Link>
          ) : (
            <Link href={paths.slides(lesson.slug, n)} className="button button--quiet deck__wide-only">
              Audience view
            </Link>
          )}
        </nav>
      </div>
      <div className="deck__stage">
        <article className="slide" aria-label={`Slide ${n}: ${slide.title}`}>
          <h1 className="visually-hidden">
            {lesson.title}, slide {n} of {total}
          </h1>
          <LessonParts parts={slide.parts} />
        </article>
        {mode === "presenter" && (
          <aside className="presenter" aria-label="Presenter notes">
            <h2>Notes</h2>
            {slide.notesHtml ? (
              <div className="prose presenter__notes" dangerouslySetInnerHTML={{ __html: slide.notesHtml }} />
            ) : (
              <p className="presenter__empty">This slide has no notes.</p>
            )}
            <h2>Next</h2>
            <p>{following ? following.title || `Slide ${n + 1}` : "End of the lesson."}</p>
            <p className="presenter__time">{lesson.minutes} min planned for {total} slides.</p>
          </aside>
        )}
      </div>
      <p className="deck__keys">
        <kbd>←</kbd> <kbd>→</kbd> move · <kbd>Home</kbd> <kbd>End</kbd> first and last · <kbd>Esc</kbd> back to the article
      </p>
    </div>
  );
}
