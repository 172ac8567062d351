import type { ConsoleLine } from "./run-view.ts";

/** Most lines the panel draws; a program that prints more says so instead of freezing the page. */
const SHOWN = 1000;

/** The console: each line with the virtual time and the task that printed it. */
export function OutputPanel({ lines }: { lines: ConsoleLine[] }) {
  const hidden = Math.max(0, lines.length - SHOWN);
  const shown = hidden > 0 ? lines.slice(hidden) : lines;
  return (
    <div className="playground__output">
      <p className="playground__section-title" aria-hidden="true">
        Output
      </p>
      {lines.length === 0 ? (
        <p className="playground__empty">No output yet.</p>
      ) : (
        <ol className="playground__console" tabIndex={0} aria-label="Console output">
          {hidden > 0 && <li className="playground__empty">{hidden} earlier lines not shown.</li>}
          {shown.map((line, i) => (
            <li key={hidden + i}>
              <span className="playground__time">{formatMs(line.t)}</span>
              <span className="playground__task">{line.task}</span>
              <span className="playground__text">{line.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function formatMs(t: number): string {
  return `${Number.isInteger(t) ? t : t.toFixed(1)} ms`;
}
