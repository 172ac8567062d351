import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { CodeView } from "../../lessons/types.ts";

export interface CodeTab {
  label: string;
  code: CodeView;
  /** Highlighted HTML to show, when it differs from code.html (e.g. without the Output comment). */
  html?: string;
  /** Shown instead of the highlighted code (the playground's editor). */
  content?: ReactNode;
}

/**
 * Highlighted code, one tab per language when there is more than one (the TypeScript and its Go
 * original). WAI-ARIA tabs: one Tab stop, ←/→/Home/End move between tabs and select them.
 */
export function CodeTabs({ tabs, label }: { tabs: CodeTab[]; label: string }) {
  const base = useId();
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  if (tabs.length === 1) {
    return tabs[0].content ?? <CodeHtml html={tabs[0].html ?? tabs[0].code.html} />;
  }

  const select = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    setSelected(next);
    tabRefs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, number> = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: tabs.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      select(moves[event.key]);
    }
  };

  return (
    <div className="code-tabs">
      <div role="tablist" aria-label={label} className="code-tabs__list">
        {tabs.map((tab, i) => (
          <button
            key={tab.label}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === selected ? 0 : -1}
            className="code-tabs__tab"
            onClick={() => setSelected(i)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.label}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== selected}
          className="code-tabs__panel"
        >
          {tab.content ?? <CodeHtml html={tab.html ?? tab.code.html} />}
        </div>
      ))}
    </div>
  );
}

/** Build-time highlighted HTML from our own lessons (never from user input). */
export function CodeHtml({ html }: { html: string }) {
  return <div className="code-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
