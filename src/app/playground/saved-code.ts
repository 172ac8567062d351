// Edits survive reload, a crashed tab and a killed run: each program's text is kept in
// localStorage under its own key, written a moment after typing stops. Storage may be full or
// disabled; then edits live only as long as the page, and nothing breaks.

const PREFIX = "chanscope:code:";
export const SAVE_DELAY_MS = 400;

export interface CodeStore {
  load(key: string): string | undefined;
  save(key: string, code: string): void;
  remove(key: string): void;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const localCodeStore: CodeStore = {
  load(key) {
    try {
      return storage()?.getItem(PREFIX + key) ?? undefined;
    } catch {
      return undefined;
    }
  },
  save(key, code) {
    try {
      storage()?.setItem(PREFIX + key, code);
    } catch {
      // Full or disabled: the edit stays in the page.
    }
  },
  remove(key) {
    try {
      storage()?.removeItem(PREFIX + key);
    } catch {
      // Nothing to do.
    }
  },
};

/**
 * Saves the latest text for a key at most once per `delayMs`, and at once on flush (page hide).
 * Text equal to the original is removed instead, so "modified" means what it says after reload.
 */
export function debouncedSaver(store: CodeStore, key: string, original: string, delayMs = SAVE_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  const write = () => {
    timer = undefined;
    if (pending === undefined) return;
    if (pending === original) store.remove(key);
    else store.save(key, pending);
    pending = undefined;
  };
  return {
    update(code: string) {
      pending = code;
      if (timer === undefined) timer = setTimeout(write, delayMs);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      write();
    },
  };
}
