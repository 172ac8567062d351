// The site's routes (DESIGN §2 "Routes", a contract): one parser from a pathname to a page, and
// one builder per page, so no component spells a URL by hand.

export type AppRoute =
  | { page: "home" }
  | { page: "lesson"; slug: string }
  | { page: "slides"; slug: string; slide: number }
  | { page: "presenter"; slug: string; slide: number }
  | { page: "play" }
  | { page: "not-found"; path: string };

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slidePattern = /^[1-9][0-9]{0,3}$/;

/** Which page a pathname shows. A trailing slash is ignored; anything unknown is "not-found". */
export function parseRoute(pathname: string): AppRoute {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const parts = trimmed.split("/").slice(1).map(safeDecode);
  const notFound: AppRoute = { page: "not-found", path: pathname };
  if (parts.some((p) => p === null)) return notFound;
  const [first, slug, mode, n, ...rest] = parts as string[];

  if (trimmed === "/" || trimmed === "") return { page: "home" };
  if (first === "play" && parts.length === 1) return { page: "play" };
  if (first !== "lessons" || slug === undefined || !slugPattern.test(slug)) return notFound;
  if (mode === undefined) return { page: "lesson", slug };
  if ((mode === "slides" || mode === "presenter") && n !== undefined && slidePattern.test(n) && rest.length === 0) {
    return { page: mode, slug, slide: Number(n) };
  }
  return notFound;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export const paths = {
  home: (): string => "/",
  play: (): string => "/play",
  lesson: (slug: string, anchor?: string): string =>
    `/lessons/${encodeURIComponent(slug)}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`,
  slides: (slug: string, slide = 1): string => `/lessons/${encodeURIComponent(slug)}/slides/${slide}`,
  presenter: (slug: string, slide = 1): string => `/lessons/${encodeURIComponent(slug)}/presenter/${slide}`,
  /** The anchor id an example or exercise block carries in the article. */
  exampleAnchor: (id: string): string => `example-${id}`,
};
