import { useEffect, useState } from "react";
import { loadLesson, onLessonsChanged } from "virtual:lessons";
import type { Lesson } from "../../lessons/types.ts";

export type LessonLoad =
  | { status: "loading" }
  | { status: "ready"; lesson: Lesson }
  | { status: "missing" }
  | { status: "failed"; message: string };

/**
 * Loads a lesson's chunk; "missing" for a slug the course does not have. In dev, an edit to the
 * lesson's file loads it again in place (the page keeps showing the old text until then).
 */
export function useLesson(slug: string): LessonLoad {
  const [load, setLoad] = useState<{ slug: string; state: LessonLoad }>({ slug, state: { status: "loading" } });
  const [version, setVersion] = useState(0);
  useEffect(() => onLessonsChanged((slugs) => slugs.includes(slug) && setVersion((v) => v + 1)), [slug]);
  useEffect(() => {
    let current = true;
    loadLesson(slug).then(
      (lesson) => current && setLoad({ slug, state: lesson ? { status: "ready", lesson } : { status: "missing" } }),
      (error: unknown) =>
        current && setLoad({ slug, state: { status: "failed", message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [slug, version]);
  return load.slug === slug ? load.state : { status: "loading" };
}
