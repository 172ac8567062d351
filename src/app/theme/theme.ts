// Theme choice, pure. The user picks a preference; "system" follows prefers-color-scheme.
// public/theme-boot.js applies the same rule before first paint (it cannot import this module,
// it must run before any bundle loads): keep the storage key and values in step with it.

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const themeStorageKey = "chanscope-theme";
export const themePreferences: readonly ThemePreference[] = ["system", "light", "dark"];

/** A stored value back to a preference; anything unknown (or nothing) means "system". */
export function parseThemePreference(stored: string | null | undefined): ThemePreference {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** The theme to show for a preference, given whether the system asks for dark. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}
