import { Link } from "wouter";
import { lessons } from "virtual:lessons";
import type { LessonMeta } from "../../lessons/types.ts";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { ContinueLink } from "../progress/ContinueLink.tsx";
import { LessonProgressLine } from "../progress/LessonProgressLine.tsx";
import { continueTarget, hasProgress, type Progress } from "../progress/progress.ts";
import { useProgress } from "../progress/progress-store.ts";
import { ResetProgress } from "../progress/ResetProgress.tsx";
import { paths } from "../routes.ts";
import { HeroTimeline } from "./HeroTimeline.tsx";
import "./home.css";

/** `/`: what the site is, in one line, and the course outline. */
export default function HomePage() {
  useDocumentTitle();
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  const first = lessons[0];
  const progress = useProgress();
  const started = hasProgress(progress);
  const resume = continueTarget(progress, lessons);
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <div className="hero__text">
        <p className="hero__eyebrow">Go-style concurrency, one pattern at a time</p>
        <PageHeading className="hero__title" id="home-title">
          Know when every goroutine stops.
        </PageHeading>
        <p className="hero__lead">
          Short lessons on goroutine lifecycles, channels, <code>select</code>, context, races, pipelines and leaks. Every pattern is
          shown in Go and as TypeScript on a deterministic runtime that behaves like Go, on virtual time.
        </p>
        {first && (
          <p className="hero__actions">
            {resume && <ContinueLink target={resume} className="button button--primary" />}
            <Link href={paths.lesson(first.slug)} className={resume ? "button" : "button button--primary"}>
              {started ? "Start from lesson 1" : "Start with lesson 1"}
            </Link>
            <span className="hero__note">
              {lessons.length === 1 ? "1 lesson" : `${lessons.length} lessons`} · about {totalMinutes} min
            </span>
          </p>
        )}
        </div>
        <HeroTimeline />
      </section>
      <section className="outline" aria-labelledby="outline-title">
        <h2 id="outline-title" className="outline__title">
          The course
        </h2>
        <ol className="outline__list">
          {lessons.map((lesson, i) => (
            <OutlineCard key={lesson.slug} lesson={lesson} number={i + 1} progress={started ? progress : undefined} />
          ))}
        </ol>
        <ResetProgress hasProgress={started} />
      </section>
    </div>
  );
}

function OutlineCard({ lesson, number, progress }: { lesson: LessonMeta; number: number; progress?: Progress }) {
  const examples = lesson.exampleIds.length;
  const exercises = lesson.exerciseIds.length;
  return (
    <li className="card">
      <span className="card__number" aria-hidden="true">
        {String(number).padStart(2, "0")}
      </span>
      <div className="card__body">
        <h3 className="card__title">
          <Link href={paths.lesson(lesson.slug)} className="card__link">
            <span className="visually-hidden">Lesson {number}: </span>
            {lesson.title}
          </Link>
        </h3>
        <p className="card__summary">{lesson.summary}</p>
        <ul className="meta-list" aria-label={`About lesson ${number}`}>
          <li>{lesson.minutes} min</li>
          <li>{examples === 1 ? "1 example" : `${examples} examples`}</li>
          {exercises > 0 && <li>{exercises === 1 ? "1 exercise" : `${exercises} exercises`}</li>}
        </ul>
        {progress && <LessonProgressLine progress={progress} lesson={lesson} />}
      </div>
    </li>
  );
}
