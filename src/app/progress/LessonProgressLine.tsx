import type { LessonMeta } from "../../lessons/types.ts";
import { lessonSummary, type Progress } from "./progress.ts";
import "./progress.css";

/**
 * One lesson's progress on its outline card: the words say it all ("Read · 1 of 2 exercises
 * solved"); the marks beside them (a tick, one pip per exercise) only repeat it for the eye.
 */
export function LessonProgressLine({ progress, lesson }: { progress: Progress; lesson: LessonMeta }) {
  const s = lessonSummary(progress, lesson);
  const state = s.read ? "read" : s.started ? "started" : "new";
  return (
    <p className={`lesson-progress lesson-progress--${state}`} data-progress={state}>
      <span className="lesson-progress__mark" aria-hidden="true">
        {s.read ? "✓" : s.started ? "◐" : "○"}
      </span>
      <span className="lesson-progress__text">{s.text}</span>
      {s.started && s.exercises > 0 && (
        <span className="lesson-progress__pips" aria-hidden="true">
          {lesson.exerciseIds.map((id, i) => (
            <span key={id} className={i < s.solved ? "lesson-progress__pip lesson-progress__pip--solved" : "lesson-progress__pip"} />
          ))}
        </span>
      )}
    </p>
  );
}
