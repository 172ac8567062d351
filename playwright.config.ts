import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/find-browser.ts";

const executablePath = findChromium();
// Several people may test at once on one machine: each can pick a port and a build folder.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_DIST ?? "dist";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  // Screenshot and measurement specs are for people to run and look at, not part of `npm test`.
  testIgnore: [
    ...(process.env.SCREENSHOTS ? [] : ["**/site-screenshots.e2e.ts", "**/slides-screenshots.e2e.ts", "**/playground-screenshots.e2e.ts"]),
    ...(process.env.MEASURE ? [] : ["**/*-measure.e2e.ts"]),
  ],
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    browserName: "chromium",
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      // Without executablePath Playwright falls back to its own downloaded browser (a laptop).
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
