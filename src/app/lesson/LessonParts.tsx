import type { LessonPart } from "../../lessons/types.ts";
import { ExampleBlock } from "./ExampleBlock.tsx";
import { ExerciseBlock } from "./ExerciseBlock.tsx";
import "./prose.css";

/** A run of lesson parts in document order: prose (HTML built from our own lessons), examples, exercises. */
export function LessonParts({ parts }: { parts: LessonPart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case "html":
            return <div key={i} className="prose" dangerouslySetInnerHTML={{ __html: part.html }} />;
          case "example":
            return <ExampleBlock key={part.example.id} example={part.example} />;
          case "exercise":
            return <ExerciseBlock key={part.exercise.id} exercise={part.exercise} />;
        }
      })}
    </>
  );
}
