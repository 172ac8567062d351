// The program text of one playground: starts from the lesson's code or the saved edit, is saved
// as the user types (debounced, flushed when the page is hidden), and can be reset to the
// lesson's code with a one-step undo.

import { useCallback, useEffect, useMemo, useState } from "react";
import { debouncedSaver, localCodeStore, type CodeStore } from "./saved-code.ts";

export interface PlaygroundCode {
  code: string;
  modified: boolean;
  setCode(code: string): void;
  /** Back to the original; returns the discarded text for undo. */
  reset(): string;
  /** Puts text back (undo of reset, or a solution). */
  replace(code: string): void;
}

export function usePlaygroundCode(key: string, original: string, store: CodeStore = localCodeStore): PlaygroundCode {
  const [code, setCodeState] = useState(() => store.load(key) ?? original);
  const saver = useMemo(() => debouncedSaver(store, key, original), [store, key, original]);

  useEffect(() => {
    const flush = () => saver.flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
      saver.flush();
    };
  }, [saver]);

  const setCode = useCallback(
    (next: string) => {
      setCodeState(next);
      saver.update(next);
    },
    [saver],
  );

  const reset = useCallback(() => {
    const discarded = code;
    setCode(original);
    saver.flush();
    return discarded;
  }, [code, original, saver, setCode]);

  return { code, modified: code !== original, setCode, reset, replace: setCode };
}
