import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildChanscopeDts, OUTPUT } from "./build-chanscope-dts.ts";

describe("src/editor/chanscope.d.ts", () => {
  const built = buildChanscopeDts();

  it("is up to date with the runtime's public API (run `npm run dts` after changing it)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(built);
  });

  it("is a module with no imports that declares the DESIGN §3 API with docs", () => {
    expect(built).not.toMatch(/^import /m);
    for (const name of ["go", "chan", "close", "select", "recv", "send", "defaultCase", "sleep", "now", "after", "newTimer", "afterFunc", "newTicker", "panic", "numGoroutine", "__loc"]) {
      expect(built).toMatch(new RegExp(`export declare function ${name}\\b`));
    }
    for (const name of ["context", "errgroup", "signal", "clock"]) expect(built).toMatch(new RegExp(`export declare const ${name}\\b`));
    for (const name of ["Chan", "WaitGroup", "Mutex", "RWMutex", "Once"]) expect(built).toMatch(new RegExp(`export declare class ${name}\\b`));
    expect(built).toContain("Go's `time.Sleep(d)`");
  });

  it("leaks no runtime internals into the learner's IntelliSense", () => {
    for (const internal of ["class Run ", "class Task ", "Suspension", "recvq", "WaitQueue", "sendNow", "hostWait"]) expect(built).not.toContain(internal);
  });
});
