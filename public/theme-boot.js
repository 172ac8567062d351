// Sets <html data-theme> before the first paint, so a dark-theme reader never sees a white flash.
// A classic (blocking) script in <head>: it runs before the page renders, and it is a file rather
// than inline code so the Content-Security-Policy needs no 'unsafe-inline' for scripts.
// Same rule as src/app/theme/theme.ts (storage key "chanscope-theme"; "light" | "dark" | system).
/* global window, document */
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem("chanscope-theme");
  } catch {
    stored = null;
  }
  var preference = stored === "light" || stored === "dark" ? stored : "system";
  var dark = preference === "dark" ||
    (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
  document.documentElement.setAttribute("data-theme-preference", preference);
})();
