import { useState } from "react";
import { Link, useLocation } from "wouter";
import { lessons } from "virtual:lessons";
import type { Lesson } from "../../lessons/types.ts";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { useScrollToHash } from "../a11y/useScrollToHash.ts";
import { useInternalLinks } from "../layout/useInternalLinks.ts";
import { activeHeading } from "../lesson/active-heading.ts";
import { LessonPager } from "../lesson/LessonPager.tsx";
import { LessonParts } from "../lesson/LessonParts.tsx";
import { lessonPosition, type LessonPosition } from "../lesson/neighbours.ts";
import { ShortcutHelp } from "../lesson/ShortcutHelp.tsx";
import { Toc } from "../lesson/Toc.tsx";
import { useLesson } from "../lesson/useLesson.ts";
import { useLessonShortcuts } from "../lesson/useLessonShortcuts.ts";
import { ReadingTracker } from "../progress/ReadingTracker.tsx";
import { paths } from "../routes.ts";
import { LoadFailed, PageLoading } from "./PageStatus.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import "../lesson/lesson.css";

/** /lessons/<slug>: the whole lesson as one article. */
export default function LessonPage({ slug }: { slug: string }) {
  const load = useLesson(slug);
  const position = lessonPosition(lessons, slug);
  const [, navigate] = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  // Shortcuts work from the first moment, also while the lesson's chunk is still loading.
  useLessonShortcuts((action) => {
    if (action === "help") setHelpOpen(true);
    else if (action === "present") navigate(paths.slides(slug, slideInView()));
    else {
      const to = action === "next-lesson" ? position?.next : position?.previous;
      if (to) navigate(paths.lesson(to.slug));
    }
  });
  const help = <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />;
  if (load.status === "loading") return <PageLoading what="lesson" />;
  if (load.status === "failed") return <LoadFailed what="this lesson" message={load.message} />;
  if (load.status === "missing" || !position) return <NotFoundPage path={paths.lesson(slug)} />;
  return (
    <>
      <LessonArticle lesson={load.lesson} position={position} onHelp={() => setHelpOpen(true)} />
      {help}
    </>
  );
}

/** The slide whose part of the article is being read (1 at the top), so `p` presents from there. */
function slideInView(): number {
  const header = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
  const sections = [...document.querySelectorAll<HTMLElement>(".lesson__section[data-slide]")].map((el) => ({
    id: el.dataset.slide ?? "1",
    top: el.getBoundingClientRect().top,
  }));
  return Number(activeHeading(sections, header + Math.min(160, window.innerHeight * 0.25)) ?? 1);
}

function LessonArticle({ lesson, position, onHelp }: { lesson: Lesson; position: LessonPosition; onHelp: () => void }) {
  const onArticleClick = useInternalLinks();
  useDocumentTitle(lesson.title);
  useScrollToHash(true);
  const exampleCount = lesson.exampleIds.length;
  const exerciseCount = lesson.exerciseIds.length;

  return (
    <div className="lesson">
      <header className="lesson__header">
        <p className="lesson__eyebrow">
          <Link href={paths.home()}>Course</Link>
          <span aria-hidden="true"> / </span>
          Lesson {position.number} of {position.total}
        </p>
        <PageHeading className="lesson__title">{lesson.title}</PageHeading>
        <p className="lesson__summary">{lesson.summary}</p>
        <div className="lesson__meta">
          <ul className="meta-list" aria-label="About this lesson">
            <li>{lesson.minutes} min</li>
            {exampleCount > 0 && <li>{exampleCount === 1 ? "1 example" : `${exampleCount} examples`}</li>}
            {exerciseCount > 0 && <li>{exerciseCount === 1 ? "1 exercise" : `${exerciseCount} exercises`}</li>}
            <li>{lesson.slideCount === 1 ? "1 slide" : `${lesson.slideCount} slides`}</li>
          </ul>
          <div className="lesson__actions">
            <Link href={paths.slides(lesson.slug, 1)} className="button">
              <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
                <rect x="3" y="4" width="18" height="13" rx="2" />
                <path d="M8 21h8M12 17v4" />
              </svg>
              Present
            </Link>
            <button type="button" className="button button--quiet" onClick={onHelp} aria-keyshortcuts="?">
              Shortcuts
            </button>
          </div>
        </div>
      </header>
      <aside className="lesson__aside">
        <Toc headings={lesson.headings} />
      </aside>
      <article className="lesson__article" onClick={onArticleClick}>
        {lesson.slides.map((slide) => (
          <section key={slide.number} className="lesson__section" data-slide={slide.number}>
            <LessonParts parts={slide.parts} />
          </section>
        ))}
        <ReadingTracker lesson={lesson} />
        <LessonPager position={position} />
      </article>
    </div>
  );
}
