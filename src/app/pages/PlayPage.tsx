import { useEffect, useState } from "react";
import { Link } from "wouter";
import { lessons, loadLesson } from "virtual:lessons";
import type { Lesson, LessonPart } from "../../lessons/types.ts";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { LeaksBadge, OutcomeBadge } from "../lesson/OutcomeBadge.tsx";
import { paths } from "../routes.ts";
import { LoadFailed, PageLoading } from "./PageStatus.tsx";
import "./play.css";

type Loaded = { status: "loading" } | { status: "ready"; lessons: Lesson[] } | { status: "failed"; message: string };

/** `/play`: every example and exercise of the course, by lesson, each linking to its place. */
export default function PlayPage() {
  useDocumentTitle("Examples");
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    let current = true;
    Promise.all(lessons.map((l) => loadLesson(l.slug))).then(
      (all) => current && setLoaded({ status: "ready", lessons: all.filter((l): l is Lesson => l !== undefined) }),
      (error: unknown) => current && setLoaded({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  if (loaded.status === "loading") return <PageLoading what="examples" />;
  if (loaded.status === "failed") return <LoadFailed what="the examples" message={loaded.message} />;
  return (
    <div className="play">
      <PageHeading>Examples</PageHeading>
      <p className="play__lead">
        Every example and exercise in the course, lesson by lesson. Each opens in its lesson, with the Go it comes from.
      </p>
      {loaded.lessons.map((lesson) => (
        <LessonExamples key={lesson.slug} lesson={lesson} />
      ))}
    </div>
  );
}

function LessonExamples({ lesson }: { lesson: Lesson }) {
  const blocks = lesson.slides.flatMap((s) => s.parts).filter((p) => p.kind !== "html");
  if (blocks.length === 0) return null;
  return (
    <section className="play__lesson" aria-labelledby={`play-${lesson.slug}`}>
      <h2 id={`play-${lesson.slug}`}>
        <Link href={paths.lesson(lesson.slug)}>{lesson.title}</Link>
      </h2>
      <ul className="play__list">
        {blocks.map((part) => (
          <BlockLink key={blockId(part)} slug={lesson.slug} part={part} />
        ))}
      </ul>
    </section>
  );
}

function blockId(part: LessonPart): string {
  return part.kind === "example" ? part.example.id : part.kind === "exercise" ? part.exercise.id : "";
}

function BlockLink({ slug, part }: { slug: string; part: LessonPart }) {
  if (part.kind === "html") return null;
  const id = blockId(part);
  const title = part.kind === "example" ? part.example.title : part.exercise.title;
  return (
    <li className="play__item">
      <Link href={paths.lesson(slug, paths.exampleAnchor(id))} className="play__link">
        <span className="play__kind">{part.kind === "example" ? "Example" : "Exercise"}</span>
        <span className="play__title">{title}</span>
      </Link>
      <span className="play__badges">
        {part.kind === "example" ? (
          <>
            <OutcomeBadge outcome={part.example.expect} />
            <LeaksBadge leaks={part.example.leaks} />
          </>
        ) : (
          <span className="badge">{part.exercise.goals.length === 1 ? "1 goal" : `${part.exercise.goals.length} goals`}</span>
        )}
        {(part.kind === "example" ? part.example.go : part.exercise.go) && <span className="badge">Go original</span>}
      </span>
    </li>
  );
}
