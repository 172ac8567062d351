import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin } from "vite";

/**
 * GitHub Pages (and hosts like it) serve 404.html for any path they have no file for. Making it a
 * copy of index.html lets the app's router handle a reload of /lessons/<slug> there. (Hosts that
 * read public/_redirects rewrite every path to index.html instead.)
 */
export function spaFallbackPlugin(): Plugin {
  return {
    name: "chanscope-spa-fallback",
    apply: "build",
    async writeBundle(options) {
      const dir = options.dir;
      if (!dir) return;
      await copyFile(join(dir, "index.html"), join(dir, "404.html"));
    },
  };
}
