import { describe, expect, it } from "vitest";
import { createSyncedStore, type KeyValueStorage, type StorageEventSource } from "./synced-storage.ts";

const KEY = "test:count:v1";

/** A localStorage stand-in shared by several "tabs", which fires storage events at the other tabs. */
function sharedStorage() {
  const data = new Map<string, string>();
  const tabs: { listeners: Set<(e: { key: string | null }) => void> }[] = [];
  const broadcast = (from: number, key: string | null) => {
    tabs.forEach((t, i) => i !== from && t.listeners.forEach((l) => l({ key })));
  };
  function tab(): { storage: KeyValueStorage; events: StorageEventSource } {
    const index = tabs.length;
    const t = { listeners: new Set<(e: { key: string | null }) => void>() };
    tabs.push(t);
    return {
      storage: {
        getItem: (k) => data.get(k) ?? null,
        setItem: (k, v) => {
          data.set(k, v);
          broadcast(index, k);
        },
        removeItem: (k) => {
          data.delete(k);
          broadcast(index, k);
        },
      },
      events: {
        addEventListener: (_, l) => t.listeners.add(l),
        removeEventListener: (_, l) => t.listeners.delete(l),
      },
    };
  }
  return { data, tab, clearAll: () => (data.clear(), broadcast(-1, null)) };
}

interface Count {
  n: number;
}
const parse = (raw: string | null): Count => ({ n: raw === null ? 0 : Number(raw) || 0 });

function counter(t: { storage: KeyValueStorage | undefined; events?: StorageEventSource }) {
  return createSyncedStore<Count>({ key: KEY, parse, serialize: (c) => String(c.n), isEmpty: (c) => c.n === 0, ...t });
}

describe("a value kept in localStorage", () => {
  it("starts from what storage holds and writes each update", () => {
    const shared = sharedStorage();
    shared.data.set(KEY, "4");
    const store = counter(shared.tab());
    expect(store.getSnapshot()).toEqual({ n: 4 });
    store.update((c) => ({ n: c.n + 1 }));
    expect(shared.data.get(KEY)).toBe("5");
  });

  it("returns the same snapshot object until the stored text changes", () => {
    const store = counter(sharedStorage().tab());
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.update((c) => ({ n: c.n + 1 }));
    expect(store.getSnapshot()).not.toBe(first);
  });

  it("a step that returns its input writes nothing and notifies no one", () => {
    const shared = sharedStorage();
    const store = counter(shared.tab());
    let calls = 0;
    store.subscribe(() => calls++);
    store.update((c) => c);
    expect(calls).toBe(0);
    expect(shared.data.has(KEY)).toBe(false);
  });

  it("an empty value removes the key instead of storing it", () => {
    const shared = sharedStorage();
    shared.data.set(KEY, "3");
    const store = counter(shared.tab());
    store.update(() => ({ n: 0 }));
    expect(shared.data.has(KEY)).toBe(false);
  });

  it("another tab's write reaches this tab's listeners (the storage event)", () => {
    const shared = sharedStorage();
    const a = counter(shared.tab());
    const b = counter(shared.tab());
    const seen: number[] = [];
    b.subscribe(() => seen.push(b.getSnapshot().n));
    a.update((c) => ({ n: c.n + 2 }));
    expect(seen).toEqual([2]);
    shared.clearAll();
    expect(seen).toEqual([2, 0]);
  });

  it("two tabs that update in turn never undo each other's steps", () => {
    const shared = sharedStorage();
    // Tab b never subscribes, so it hears no events: its copy is stale when it updates.
    const a = counter(shared.tab());
    const b = counter(shared.tab());
    a.update((c) => ({ n: c.n + 1 }));
    b.update((c) => ({ n: c.n + 1 }));
    a.update((c) => ({ n: c.n + 1 }));
    expect(shared.data.get(KEY)).toBe("3");
    expect(b.getSnapshot().n).toBe(2);
  });

  it("an unsubscribed listener hears nothing more", () => {
    const shared = sharedStorage();
    const a = counter(shared.tab());
    const b = counter(shared.tab());
    let calls = 0;
    const stop = b.subscribe(() => calls++);
    stop();
    a.update(() => ({ n: 9 }));
    expect(calls).toBe(0);
  });

  it("keeps working in the page when storage throws on every call", () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const store = counter({ storage: broken });
    expect(store.getSnapshot()).toEqual({ n: 0 });
    store.update((c) => ({ n: c.n + 1 }));
    store.update((c) => ({ n: c.n + 1 }));
    expect(store.getSnapshot()).toEqual({ n: 2 });
  });

  it("keeps the page's value when storage reads but refuses writes (full)", () => {
    const shared = sharedStorage();
    shared.data.set(KEY, "1");
    const full: KeyValueStorage = {
      getItem: (k) => shared.data.get(k) ?? null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const store = counter({ storage: full });
    store.update((c) => ({ n: c.n + 1 }));
    store.update((c) => ({ n: c.n + 1 }));
    expect(store.getSnapshot()).toEqual({ n: 3 });
  });

  it("works without any storage (no window)", () => {
    const store = counter({ storage: undefined });
    store.update(() => ({ n: 5 }));
    expect(store.getSnapshot()).toEqual({ n: 5 });
  });
});
