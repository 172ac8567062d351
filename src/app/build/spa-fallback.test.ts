import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spaFallbackPlugin } from "./spa-fallback.ts";

describe("spaFallbackPlugin", () => {
  it("writes 404.html as a copy of the built index.html", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spa-fallback-"));
    await writeFile(join(dir, "index.html"), "<!doctype html><div id=root></div>");
    const plugin = spaFallbackPlugin();
    const writeBundle = plugin.writeBundle as (options: { dir?: string }) => Promise<void>;
    await writeBundle.call({}, { dir });
    expect(await readFile(join(dir, "404.html"), "utf8")).toBe("<!doctype html><div id=root></div>");
  });

  it("runs only for builds", () => {
    expect(spaFallbackPlugin().apply).toBe("build");
  });
});
