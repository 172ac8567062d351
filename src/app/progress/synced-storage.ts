// One value kept under one localStorage key, shared by every tab of the site: an external store
// for React's useSyncExternalStore. Writes go to storage at once; other tabs hear of them through
// the window's "storage" event and this tab through its listeners.
//
// Invariants:
// - getSnapshot returns the same object until the stored text changes (React re-renders only then).
// - An update starts from what storage holds now, not from this tab's copy, so two tabs that
//   write in turn never undo each other's steps.
// - Storage that throws (disabled, full, private mode) degrades to a value that lives in the page.

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The part of `window` the store listens on; StorageEvent fields it reads. */
export interface StorageEventSource {
  addEventListener(type: "storage", listener: (event: { key: string | null }) => void): void;
  removeEventListener(type: "storage", listener: (event: { key: string | null }) => void): void;
}

export interface SyncedStore<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
  /** Apply a step; a step that returns its input unchanged writes nothing and notifies no one. */
  update(step: (value: T) => T): void;
}

export interface SyncedStoreOptions<T> {
  key: string;
  parse(raw: string | null): T;
  serialize(value: T): string;
  /** The value that is written as "nothing stored" (removes the key). */
  isEmpty(value: T): boolean;
  storage: KeyValueStorage | undefined;
  events?: StorageEventSource;
}

export function createSyncedStore<T>(options: SyncedStoreOptions<T>): SyncedStore<T> {
  const { key, parse, serialize, isEmpty, storage, events } = options;
  const listeners = new Set<() => void>();
  // `raw` is the text the snapshot was parsed from; in-page fallback when storage fails.
  // Once storage refuses a write, this page stops reading it (it would hand back the old value).
  let detached = storage === undefined;
  let raw: string | null = null;
  raw = read();
  let value: T = parse(raw);

  function read(): string | null {
    if (detached || !storage) return raw;
    try {
      return storage.getItem(key);
    } catch {
      detached = true;
      return raw;
    }
  }

  function write(text: string | null): void {
    if (detached || !storage) return;
    try {
      if (text === null) storage.removeItem(key);
      else storage.setItem(key, text);
    } catch {
      detached = true;
    }
  }

  const notify = () => {
    for (const l of [...listeners]) l();
  };

  /** Re-read storage; true when it held something else than the snapshot came from. */
  function refresh(): boolean {
    const now = read();
    if (now === raw) return false;
    raw = now;
    value = parse(now);
    return true;
  }

  const onStorage = (event: { key: string | null }) => {
    // key null: another tab called localStorage.clear().
    if ((event.key === key || event.key === null) && refresh()) notify();
  };

  return {
    getSnapshot: () => value,
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener("storage", onStorage);
      listeners.add(listener);
      // Another tab may have written while nobody was listening.
      if (refresh()) listener();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener("storage", onStorage);
      };
    },
    update(step) {
      const changedElsewhere = refresh();
      const next = step(value);
      if (next === value) {
        if (changedElsewhere) notify();
        return;
      }
      const text = isEmpty(next) ? null : serialize(next);
      write(text);
      raw = text;
      value = next;
      notify();
    },
  };
}
