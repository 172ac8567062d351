import { lazy, Suspense, useEffect, useRef } from "react";
import { useLocation } from "wouter";
import { lessons } from "virtual:lessons";
import { markNavigated } from "./a11y/route-focus.ts";
import { Layout } from "./layout/Layout.tsx";
import HomePage from "./pages/HomePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PageLoading } from "./pages/PageStatus.tsx";
import { parseRoute, type AppRoute } from "./routes.ts";
import { ThemeProvider } from "./theme/ThemeContext.tsx";

// The home page ships in the entry chunk; every other page is its own chunk.
const LessonPage = lazy(() => import("./pages/LessonPage.tsx"));
const DeckPage = lazy(() => import("./pages/DeckPage.tsx"));
const PlayPage = lazy(() => import("./playground/PlayPage.tsx"));

const hasLesson = (slug: string) => lessons.some((l) => l.slug === slug);

function Page({ route }: { route: AppRoute }) {
  switch (route.page) {
    case "home":
      return <HomePage />;
    case "lesson":
      return hasLesson(route.slug) ? <LessonPage key={route.slug} slug={route.slug} /> : <NotFoundPage path={`/lessons/${route.slug}`} />;
    case "slides":
    case "presenter":
      return hasLesson(route.slug) ? (
        <DeckPage key={route.slug + route.page} slug={route.slug} slide={route.slide} mode={route.page} />
      ) : (
        <NotFoundPage path={window.location.pathname} />
      );
    case "play":
      return <PlayPage />;
    case "not-found":
      return <NotFoundPage key={route.path} path={route.path} />;
  }
}

/**
 * After a client-side navigation a new page starts at the top (a fragment, if any, is scrolled to
 * by the page once its content is there) and its heading takes focus (a11y/route-focus.ts).
 */
function useNavigationEffects(location: string): void {
  const previous = useRef(location);
  if (previous.current !== location) {
    previous.current = location;
    markNavigated(); // during render, so the new page's heading sees it when it mounts
  }
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the first page keeps the browser's own scroll position
      return;
    }
    if (!window.location.hash) window.scrollTo(0, 0);
  }, [location]);
}

export function App() {
  const [location] = useLocation();
  const route = parseRoute(location);
  useNavigationEffects(location);
  const bare = route.page === "slides" || route.page === "presenter";
  return (
    <ThemeProvider>
      <Layout bare={bare}>
        <Suspense fallback={<PageLoading />}>
          <Page route={route} />
        </Suspense>
      </Layout>
    </ThemeProvider>
  );
}
