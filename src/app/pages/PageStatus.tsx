import { Link } from "wouter";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { paths } from "../routes.ts";

/** Shown while a page's code or a lesson's chunk loads; announced politely, with no layout jump. */
export function PageLoading({ what = "page" }: { what?: string }) {
  return (
    <div className="page-status" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading the {what}…
    </div>
  );
}

/** A chunk that failed to load (offline, or a deploy replaced it): say so and offer a way on. */
export function LoadFailed({ what, message }: { what: string; message: string }) {
  useDocumentTitle("Could not load");
  return (
    <div className="page-status page-status--error">
      <PageHeading>Could not load {what}</PageHeading>
      <p>
        The browser said: <code>{message}</code>. Check your connection and reload the page, or go back to the{" "}
        <Link href={paths.home()}>course outline</Link>.
      </p>
    </div>
  );
}
