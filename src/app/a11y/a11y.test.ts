import { describe, expect, it } from "vitest";
import { documentTitle } from "./useDocumentTitle.ts";
import { idFromHash } from "./useScrollToHash.ts";

describe("documentTitle", () => {
  it("puts the page first and the site last", () => {
    expect(documentTitle("Context")).toBe("Context — Chanscope");
  });
  it("is just the site name without a page title", () => {
    expect(documentTitle()).toBe("Chanscope");
  });
});

describe("idFromHash", () => {
  it("strips the # and decodes", () => {
    expect(idFromHash("#example-leaky-timeout")).toBe("example-leaky-timeout");
    expect(idFromHash("#a%20b")).toBe("a b");
  });
  it("is null for no fragment", () => {
    expect(idFromHash("")).toBeNull();
    expect(idFromHash("#")).toBeNull();
  });
  it("keeps a fragment that is not valid percent-encoding as it is", () => {
    expect(idFromHash("#100%")).toBe("100%");
  });
});
