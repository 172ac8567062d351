import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { spaFallbackPlugin } from "./src/app/build/spa-fallback.ts";
import { lessonsPlugin } from "./src/lessons/vite-plugin.ts";

// The policy user code runs under. Workers take headers from their own HTTP response,
// so the preview server (what `npm start` serves) sends it on every response.
export const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' blob:; worker-src 'self' blob:; font-src 'self' data:; connect-src 'self'";

export default defineConfig({
  // CHANSCOPE_LESSONS serves another lessons folder (the dev hot-reload test edits a copy).
  plugins: [lessonsPlugin({ dir: process.env.CHANSCOPE_LESSONS }), react(), spaFallbackPlugin()],
  worker: { format: "es" },
  // The manifest lets scripts/size.ts follow what a lesson page loads.
  build: { target: "es2022", sourcemap: true, manifest: true },
  preview: { headers: { "Content-Security-Policy": contentSecurityPolicy } },
});
