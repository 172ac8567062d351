import { themePreferences, type ThemePreference } from "./theme.ts";
import { useThemeState } from "./ThemeContext.tsx";
import "./theme-switch.css";

const labels: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

function ThemeIcon({ preference }: { preference: ThemePreference }) {
  const common = { width: 16, height: 16, viewBox: "0 0 24 24", "aria-hidden": true, focusable: false } as const;
  const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  if (preference === "light") {
    return (
      <svg {...common} {...stroke}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  }
  if (preference === "dark") {
    return (
      <svg {...common} {...stroke}>
        <path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z" />
      </svg>
    );
  }
  return (
    <svg {...common} {...stroke}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  );
}

/** System / Light / Dark as a radio group: one Tab stop, arrow keys choose, the choice is remembered. */
export function ThemeSwitch() {
  const { preference, setPreference } = useThemeState();
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {themePreferences.map((p) => (
        <label key={p} className="theme-switch__option" title={`${labels[p]} theme`}>
          <input
            type="radio"
            name="theme"
            value={p}
            checked={preference === p}
            onChange={() => setPreference(p)}
          />
          <ThemeIcon preference={p} />
          <span className="theme-switch__label visually-hidden-narrow">{labels[p]}</span>
        </label>
      ))}
    </fieldset>
  );
}
