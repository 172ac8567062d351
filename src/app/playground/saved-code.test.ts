import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debouncedSaver, type CodeStore } from "./saved-code.ts";

function memoryStore(): CodeStore & { data: Map<string, string>; writes: number } {
  const data = new Map<string, string>();
  const store = {
    data,
    writes: 0,
    load: (k: string) => data.get(k),
    save: (k: string, v: string) => {
      store.writes++;
      data.set(k, v);
    },
    remove: (k: string) => {
      store.writes++;
      data.delete(k);
    },
  };
  return store;
}

describe("debouncedSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes once after typing stops, with the latest text", () => {
    const store = memoryStore();
    const saver = debouncedSaver(store, "k", "original", 400);
    saver.update("a");
    saver.update("ab");
    saver.update("abc");
    expect(store.writes).toBe(0);
    vi.advanceTimersByTime(400);
    expect(store.data.get("k")).toBe("abc");
    expect(store.writes).toBe(1);
  });

  it("flush writes at once (the page is being hidden or closed)", () => {
    const store = memoryStore();
    const saver = debouncedSaver(store, "k", "original", 400);
    saver.update("edited");
    saver.flush();
    expect(store.data.get("k")).toBe("edited");
  });

  it("text equal to the original removes the saved edit, so the program reads as unmodified after reload", () => {
    const store = memoryStore();
    store.data.set("k", "old edit");
    const saver = debouncedSaver(store, "k", "original", 400);
    saver.update("original");
    saver.flush();
    expect(store.data.has("k")).toBe(false);
  });

  it("a flush with nothing pending writes nothing", () => {
    const store = memoryStore();
    debouncedSaver(store, "k", "original", 400).flush();
    expect(store.writes).toBe(0);
  });
});
