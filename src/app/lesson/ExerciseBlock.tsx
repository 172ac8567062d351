import { useState } from "react";
import type { Exercise } from "../../lessons/types.ts";
import { markExerciseSolved } from "../progress/progress-store.ts";
import { Playground, type PlaygroundProgram } from "../playground/Playground.tsx";
import { startingCode } from "../playground/source-text.ts";
import { paths } from "../routes.ts";
import { CodeHtml, CodeTabs, type CodeTab } from "./CodeTabs.tsx";
import { BlockHeader } from "./BlockHeader.tsx";
import "./code-block.css";

/** What the playground needs of an exercise. */
export function exerciseProgram(exercise: Exercise): PlaygroundProgram {
  return {
    key: `exercise-${exercise.id}`,
    title: exercise.title,
    source: startingCode(exercise.code.source),
    html: exercise.code.html,
    seed: exercise.seed,
    signals: (exercise.signals ?? []).map((s) => ({ at: s.atMs, name: s.signal })),
    live: exercise.live ?? false,
    explore: exercise.attrs.explore === "true",
    // An exercise about interleavings can be checked on many schedules: the hunt looks for a
    // seed that misses a goal.
    hunt: exercise.attrs.explore === "true",
    goals: exercise.goals,
  };
}

/**
 * An exercise in the article: the goals, the starting code in a playground (goals are checked
 * after each run), hints one at a time, and the solution behind a disclosure.
 */
export function ExerciseBlock({ exercise }: { exercise: Exercise }) {
  const anchor = paths.exampleAnchor(exercise.id);
  const program = exerciseProgram(exercise);
  return (
    <figure className="code-block code-block--exercise" id={anchor} aria-labelledby={`${anchor}-title`}>
      <BlockHeader kind="Exercise" title={exercise.title} anchor={anchor} />
      {exercise.goals.length > 0 && (
        <div className="code-block__goals">
          <p className="code-block__goals-title">Make it:</p>
          <ul>
            {exercise.goals.map((goal) => (
              <li key={goal.kind + goal.text}>{goal.text}</li>
            ))}
          </ul>
        </div>
      )}
      <Playground
        program={program}
        onGoalsMet={() => markExerciseSolved(exercise.id)}
        renderCode={(editor) => {
          const tabs: CodeTab[] = [{ label: "TypeScript", code: exercise.code, content: editor }];
          if (exercise.go) tabs.push({ label: "Go", code: exercise.go });
          return <CodeTabs tabs={tabs} label={`${exercise.title}: language`} />;
        }}
      >
        {({ loadCode }) => (
          <>
            <Hints hints={exercise.hints} />
            {exercise.solution && (
              <details className="code-block__solution">
                <summary>Show the solution</summary>
                <CodeHtml html={exercise.solution.html} />
                <p className="code-block__solution-actions">
                  <button type="button" className="button button--quiet" onClick={() => exercise.solution && loadCode(startingCode(exercise.solution.source))}>
                    Put the solution in the editor
                  </button>
                </p>
              </details>
            )}
          </>
        )}
      </Playground>
    </figure>
  );
}

function Hints({ hints }: { hints: string[] }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <div className="code-block__hints">
      {shown > 0 && (
        <ol className="code-block__hint-list">
          {hints.slice(0, shown).map((html, i) => (
            <li key={i} dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="button button--quiet" onClick={() => setShown(shown + 1)}>
          {shown === 0 ? "Show a hint" : "Show another hint"} ({shown + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}
