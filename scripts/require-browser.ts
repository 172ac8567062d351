import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium } from "./find-browser.ts";

// Fail in one line, not a Playwright stack trace, when no browser can be launched.
const found = findChromium();
let playwrightOwn: string | undefined;
try {
  playwrightOwn = chromium.executablePath();
} catch {
  playwrightOwn = undefined;
}
if (found ? !existsSync(found) : !(playwrightOwn && existsSync(playwrightOwn))) {
  const where = found ? `${found} does not exist` : "no Chromium found";
  console.error(
    `npm test needs Chromium (${where}): run "apt-get install -y chromium" (Debian/Ubuntu) or "npx playwright install chromium", or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
