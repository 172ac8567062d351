/** Full screen on and off for the whole page (the Fullscreen API; refused requests are ignored). */
export function toggleFullscreen(): void {
  const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
  done.catch(() => {
    // The browser refused (no user gesture, or an iframe without permission): nothing to undo.
  });
}
