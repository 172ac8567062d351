import { createContext, useContext, type ReactNode } from "react";
import { useTheme, type ThemeState } from "./useTheme.ts";

const ThemeContext = createContext<ThemeState | null>(null);

/** Owns the theme for the whole app, so every page (with or without the header) follows it. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const state = useTheme();
  return <ThemeContext.Provider value={state}>{children}</ThemeContext.Provider>;
}

/** The current theme and preference; e.g. the editor picks its colour theme from `theme`. */
export function useThemeState(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error("useThemeState() is used outside <ThemeProvider>: wrap the app in it (src/app/App.tsx).");
  return state;
}
