import { Link } from "wouter";
import { paths } from "../routes.ts";
import type { ContinueTarget } from "./progress.ts";
import "./progress.css";

/**
 * "Continue: <lesson> — <section>": one click back to where the learner stopped. Shown on two
 * lines (the verb, then where), read as one name.
 */
export function ContinueLink({ target, className = "" }: { target: ContinueTarget; className?: string }) {
  return (
    <Link href={paths.lesson(target.slug, target.section?.id)} className={`continue-link ${className}`}>
      <span className="continue-link__verb">Continue:</span>{" "}
      <span className="continue-link__where">
        {target.lessonTitle}
        {target.section && ` — ${target.section.title}`}
      </span>
    </Link>
  );
}
