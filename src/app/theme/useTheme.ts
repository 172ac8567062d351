// The theme at the edges: localStorage, the prefers-color-scheme query, and <html data-theme>.
// The decisions themselves are in theme.ts.
import { useCallback, useEffect, useState } from "react";
import { useMediaQuery } from "../layout/useMediaQuery.ts";
import { parseThemePreference, resolveTheme, themeStorageKey, type Theme, type ThemePreference } from "./theme.ts";

const darkQuery = "(prefers-color-scheme: dark)";

function readStoredPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(themeStorageKey));
  } catch {
    return "system"; // storage can be disabled (private modes, policies): then nothing is remembered
  }
}

function storePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(themeStorageKey);
    else window.localStorage.setItem(themeStorageKey, preference);
  } catch {
    // not remembered, but the switch still works for this page view
  }
}

export interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
  setPreference(preference: ThemePreference): void;
}

/** The reader's theme preference, remembered, applied to <html>, and kept in step across tabs. */
export function useTheme(): ThemeState {
  const [preference, setPreferenceState] = useState<ThemePreference>(readStoredPreference);
  const systemDark = useMediaQuery(darkQuery);
  const theme = resolveTheme(preference, systemDark);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.themePreference = preference;
    // The browser's own UI (address bar on phones) follows the page's background, not the system.
    const background = getComputedStyle(document.body).backgroundColor;
    document.querySelectorAll('meta[name="theme-color"]').forEach((meta) => meta.setAttribute("content", background));
  }, [theme, preference]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === themeStorageKey || event.key === null) setPreferenceState(readStoredPreference());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const setPreference = useCallback((next: ThemePreference) => {
    storePreference(next);
    setPreferenceState(next);
  }, []);

  return { preference, theme, setPreference };
}
