import { useEffect } from "react";

export const siteName = "Chanscope";

/** "Context — Chanscope"; just the site name for the home page. */
export function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} — ${siteName}` : siteName;
}

export function useDocumentTitle(pageTitle?: string): void {
  useEffect(() => {
    document.title = documentTitle(pageTitle);
  }, [pageTitle]);
}
