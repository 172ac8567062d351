import { defineConfig } from "vitest/config";

// Playwright specs are e2e/*.e2e.ts and must never be picked up here.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts", "lessons/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
