import type { LessonPart } from "../lessons/types.ts";
import { withoutOutputComment } from "../app/lesson/output-comment.ts";
import "../app/lesson/prose.css";
import "../app/lesson/code-block.css";

/**
 * A slide's parts as they look, without playgrounds: prose and highlighted code. For slide
 * previews (presenter window, overview, print), where nothing runs and ids must not repeat.
 */
export function StaticParts({ parts }: { parts: LessonPart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case "html":
            return <div key={i} className="prose" dangerouslySetInnerHTML={{ __html: part.html }} />;
          case "example":
            return (
              <StaticCode
                key={part.example.id}
                kind="Example"
                title={part.example.title}
                html={part.example.output ? withoutOutputComment(part.example.code.html) : part.example.code.html}
              />
            );
          case "exercise":
            return (
              <StaticCode key={part.exercise.id} kind="Exercise" title={part.exercise.title} html={part.exercise.code.html}>
                <ul className="static-code__goals">
                  {part.exercise.goals.map((g) => (
                    <li key={g.kind + g.text}>{g.text}</li>
                  ))}
                </ul>
              </StaticCode>
            );
        }
      })}
    </>
  );
}

function StaticCode({ kind, title, html, children }: { kind: string; title: string; html: string; children?: React.ReactNode }) {
  return (
    <div className="code-block static-code">
      <div className="code-block__head">
        <div className="code-block__titles">
          <span className="code-block__kind">{kind}</span>
          <span className="code-block__title">{title}</span>
        </div>
      </div>
      {children}
      <div className="code-view static-code__code" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
