import { Link } from "wouter";
import { paths } from "../routes.ts";
import type { ContinueTarget } from "./progress.ts";

/** "Continue: <lesson> — <section>": one click back to where the learner stopped. */
export function ContinueLink({ target, className }: { target: ContinueTarget; className?: string }) {
  return (
    <Link href={paths.lesson(target.slug, target.section?.id)} className={className}>
      Continue: {target.lessonTitle}
      {target.section && ` — ${target.section.title}`}
    </Link>
  );
}
