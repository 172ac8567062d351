import { useState } from "react";
import type { Exercise } from "../../lessons/types.ts";
import { paths } from "../routes.ts";
import { CodeHtml, CodeTabs, type CodeTab } from "./CodeTabs.tsx";
import { BlockHeader } from "./BlockHeader.tsx";
import "./code-block.css";

/**
 * An exercise as the article shows it: the goals, the starting code (and Go original), hints one
 * at a time, and the solution behind a disclosure. The playground takes its place with the same props.
 */
export function ExerciseBlock({ exercise }: { exercise: Exercise }) {
  const anchor = paths.exampleAnchor(exercise.id);
  const tabs: CodeTab[] = [{ label: "TypeScript", code: exercise.code }];
  if (exercise.go) tabs.push({ label: "Go", code: exercise.go });
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
      <CodeTabs tabs={tabs} label={`${exercise.title}: language`} />
      <Hints hints={exercise.hints} />
      {exercise.solution && (
        <details className="code-block__solution">
          <summary>Show the solution</summary>
          <CodeHtml html={exercise.solution.html} />
        </details>
      )}
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
