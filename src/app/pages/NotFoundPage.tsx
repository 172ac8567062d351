import { Link } from "wouter";
import { lessons } from "virtual:lessons";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { paths } from "../routes.ts";

/** Any path the site does not have, including lessons that do not exist. */
export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle("Page not found");
  return (
    <div className="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeading>Page not found</PageHeading>
      <p className="not-found__text">
        There is nothing at <code>{path}</code>. The address may be mistyped, or the page may have moved.
      </p>
      <p>
        <Link href={paths.home()} className="button">
          Go to the course outline
        </Link>
      </p>
      {lessons.length > 0 && (
        <nav aria-label="Lessons" className="not-found__lessons">
          <h2>Lessons</h2>
          <ul>
            {lessons.map((l) => (
              <li key={l.slug}>
                <Link href={paths.lesson(l.slug)}>{l.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
