import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/find-browser.ts";

const executablePath = findChromium();

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    browserName: "chromium",
    baseURL: "http://localhost:4173",
    launchOptions: {
      // Without executablePath Playwright falls back to its own downloaded browser (a laptop).
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  },
  webServer: {
    command: "npx vite preview --port 4173 --strictPort",
    url: "http://localhost:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
