import { useSearch } from "wouter";
import { DeckView } from "../../slides/DeckView.tsx";
import { PresenterView } from "../../slides/PresenterView.tsx";
import { PrintDeck } from "../../slides/PrintDeck.tsx";
import { useLesson } from "../lesson/useLesson.ts";
import { paths } from "../routes.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { LoadFailed, PageLoading } from "./PageStatus.tsx";

export type DeckMode = "slides" | "presenter";

/**
 * `/lessons/<slug>/slides/<n>` (the audience deck) and `/lessons/<slug>/presenter/<n>` (the
 * presenter window): loads the lesson and hands it to src/slides/. `?print-pdf` (`&notes=1`) on
 * either is the print layout: every slide, one per page.
 */
export default function DeckPage({ slug, slide, mode }: { slug: string; slide: number; mode: DeckMode }) {
  const load = useLesson(slug);
  const search = useSearch();
  if (load.status === "loading") return <PageLoading what="slides" />;
  if (load.status === "failed") return <LoadFailed what="these slides" message={load.message} />;
  const lesson = load.status === "ready" ? load.lesson : undefined;
  if (!lesson || slide > lesson.slides.length) {
    return <NotFoundPage path={mode === "slides" ? paths.slides(slug, slide) : paths.presenter(slug, slide)} />;
  }
  const query = new URLSearchParams(search);
  if (query.has("print-pdf")) return <PrintDeck lesson={lesson} notes={query.get("notes") === "1"} />;
  if (mode === "presenter") return <PresenterView lesson={lesson} n={slide} />;
  return <DeckView lesson={lesson} n={slide} />;
}
