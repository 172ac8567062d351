import { useEffect, useRef } from "react";
import type { ConsoleLine } from "./run-view.ts";

/** Most lines the panel draws; a program that prints more says so instead of freezing the page. */
const SHOWN = 1000;

export interface OutputPanelProps {
  lines: ConsoleLine[];
  /** How many lines had been printed at the timeline's cursor: the rest are dimmed, the last of
   *  these is marked and scrolled into the console's view. Undefined: no cursor, all lines plain. */
  reached?: number;
}

/** The console: each line with the virtual time and the task that printed it. */
export function OutputPanel({ lines, reached }: OutputPanelProps) {
  const hidden = Math.max(0, lines.length - SHOWN);
  const shown = hidden > 0 ? lines.slice(hidden) : lines;
  const list = useRef<HTMLOListElement>(null);
  const current = reached === undefined ? -1 : reached - 1 - hidden;
  useEffect(() => {
    const box = list.current;
    if (!box || reached === undefined) return;
    const item = box.querySelector<HTMLElement>("[aria-current]") ?? box.querySelector<HTMLElement>(".playground__line--ahead");
    if (!item) return;
    // Scroll the console only, never the page (scrollIntoView would move the page too).
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 2);
  }, [reached]);
  return (
    <div className="playground__output">
      <p className="playground__section-title" aria-hidden="true">
        Output
      </p>
      {lines.length === 0 ? (
        <p className="playground__empty">No output yet.</p>
      ) : (
        <ol ref={list} className="playground__console" tabIndex={0} aria-label="Console output">
          {hidden > 0 && <li className="playground__empty">{hidden} earlier lines not shown.</li>}
          {shown.map((line, i) => (
            <li
              key={hidden + i}
              className={reached !== undefined && i > current ? "playground__line--ahead" : undefined}
              aria-current={i === current ? "step" : undefined}
            >
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
