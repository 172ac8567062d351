// On the first page of a visit the reader starts at the top as usual; after a client-side
// navigation, focus moves to the new page's main heading so a screen reader announces it and Tab
// continues from there (as after a full page load), instead of staying on the link just clicked.
let navigated = false;

/** Called by the app when the location changes after the first render. */
export function markNavigated(): void {
  navigated = true;
}

/** Whether a page that appears now should take focus to its heading. */
export function shouldFocusNewPage(): boolean {
  return navigated && !window.location.hash;
}
