import type { ReactNode } from "react";

/** The title row of an example or exercise: kind, title, badges and a link to its anchor. */
export function BlockHeader({ kind, title, anchor, children }: { kind: string; title: string; anchor: string; children?: ReactNode }) {
  return (
    <div className="code-block__head">
      <div className="code-block__titles">
        <span className="code-block__kind">{kind}</span>
        <span className="code-block__title" id={`${anchor}-title`}>
          {title}
        </span>
      </div>
      <div className="code-block__badges">
        {children}
        <a className="code-block__anchor" href={`#${anchor}`} aria-label={`Link to ${kind.toLowerCase()}: ${title}`}>
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
          </svg>
        </a>
      </div>
    </div>
  );
}
