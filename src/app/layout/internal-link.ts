/** What a click on a link in built HTML should do: the in-app path to go to, or null for "let the browser". */
export interface LinkClick {
  href: string;
  /** The link's target attribute ("" when none). */
  target: string;
  download: boolean;
  button: number;
  modified: boolean;
}

/**
 * A plain left click on a link to another page of this site is handled by the app's router (no
 * reload); new tabs, downloads, other sites and jumps within the same page stay the browser's.
 */
export function inAppPath(click: LinkClick, here: URL): string | null {
  if (click.button !== 0 || click.modified || click.download || (click.target && click.target !== "_self")) return null;
  const url = new URL(click.href, here);
  if (url.origin !== here.origin) return null;
  if (url.pathname === here.pathname && url.search === here.search) return null;
  return url.pathname + url.search + url.hash;
}
