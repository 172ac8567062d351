// `?print-pdf` (and `&notes=1`): every slide of the lesson as one page of a PDF, through the
// browser's Print → Save as PDF. Pages are exactly 1280×720 CSS px (16:9, landscape): the slide
// at unit 1, or, with notes, the slide at 60 % beside its notes. The @page rule is rendered only
// while this view is mounted, so printing an article is not affected.

import { useEffect } from "react";
import type { Lesson, Slide } from "../lessons/types.ts";
import { useDocumentTitle } from "../app/a11y/useDocumentTitle.ts";
import { paths } from "../app/routes.ts";
import { SLIDE_HEIGHT, SLIDE_WIDTH, type Box } from "./geometry.ts";
import { SlideSheet } from "./SlideSheet.tsx";
import "./slides.css";

const NOTES_UNIT = 0.6;

function fixedBox(unit: number): Box {
  return { width: SLIDE_WIDTH * unit, height: SLIDE_HEIGHT * unit, left: 0, top: 0, unit };
}

export function PrintDeck({ lesson, notes }: { lesson: Lesson; notes: boolean }) {
  useDocumentTitle(`${lesson.title} — slides${notes ? " with notes" : ""}`);
  useEffect(() => {
    document.documentElement.classList.add("printing-slides");
    return () => document.documentElement.classList.remove("printing-slides");
  }, []);
  const total = lesson.slides.length;
  return (
    <div className="print-deck">
      <style>{`@page { size: ${SLIDE_WIDTH}px ${SLIDE_HEIGHT}px; margin: 0; }`}</style>
      <div className="print-deck__bar">
        <h1>
          {lesson.title}: {total} slides{notes ? " with notes" : ""}
        </h1>
        <p>One slide per page, 16:9. In the print dialog choose “Save as PDF”, no margins, background graphics on.</p>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a className="button button--quiet" href={`${paths.slides(lesson.slug, 1)}?print-pdf${notes ? "" : "&notes=1"}`}>
          {notes ? "Without notes" : "With speaker notes"}
        </a>
      </div>
      {lesson.slides.map((slide) => (
        <PrintPage key={slide.number} slide={slide} total={total} notes={notes} />
      ))}
    </div>
  );
}

function PrintPage({ slide, total, notes }: { slide: Slide; total: number; notes: boolean }) {
  const box = fixedBox(notes ? NOTES_UNIT : 1);
  return (
    <section className={`print-page ${notes ? "print-page--notes" : ""}`} aria-label={`Slide ${slide.number} of ${total}: ${slide.title}`}>
      <div className="print-page__slide" style={{ width: box.width, height: box.height, ["--u" as string]: box.unit }}>
        <SlideSheet slide={slide} total={total} box={box} live={false} />
      </div>
      {notes && (
        <div className="print-page__notes">
          <h2>Notes · slide {slide.number}</h2>
          {slide.notesHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: slide.notesHtml }} /> : <p>No notes for this slide.</p>}
        </div>
      )}
    </section>
  );
}
