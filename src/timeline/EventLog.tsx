// The event log: the run's events in words, a listbox under the timeline that follows its cursor
// and moves it (↑/↓, Home/End, PageUp/PageDown, or a click). Closed, it renders nothing but its
// summary; open, it shows at most LOG_WINDOW entries around the cursor, so big runs stay fast.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { formatCount } from "./count.ts";
import { eventSentences, logWindow } from "./event-log.ts";
import type { TimelineModel } from "./model.ts";

export interface EventLogProps {
  model: TimelineModel;
  /** The timeline cursor's event index (−1: none). */
  cursorIdx: number;
  /** Move the timeline cursor to this event. */
  onSelect: (idx: number) => void;
  idPrefix: string;
}

const PAGE = 10;

export function EventLog({ model, cursorIdx, onSelect, idPrefix }: EventLogProps) {
  const [open, setOpen] = useState(false);
  const total = model.events.length;
  return (
    <details className="timeline__log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Event log ({formatCount(total)} events)</summary>
      {open && <EventList model={model} cursorIdx={cursorIdx} onSelect={onSelect} idPrefix={idPrefix} />}
    </details>
  );
}

function EventList({ model, cursorIdx, onSelect, idPrefix }: EventLogProps) {
  const say = useMemo(() => eventSentences(model), [model]);
  const total = model.events.length;
  const { from, to } = logWindow(total, cursorIdx);
  const listRef = useRef<HTMLUListElement>(null);
  const optionId = (i: number): string => `${idPrefix}-ev-${i}`;

  // Stepping the timeline scrolls its entry into view (the list's own scroll box only).
  useEffect(() => {
    const list = listRef.current;
    if (list === null || cursorIdx < 0) return;
    const el = list.querySelector<HTMLElement>(`[data-idx="${cursorIdx}"]`);
    if (el === null) return;
    const top = el.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + el.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top + el.offsetHeight - list.clientHeight;
  }, [cursorIdx, from]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const last = total - 1;
    const cur = cursorIdx;
    let next: number | null = null;
    if (e.key === "ArrowDown") next = cur < 0 ? 0 : Math.min(last, cur + 1);
    else if (e.key === "ArrowUp") next = cur < 0 ? 0 : Math.max(0, cur - 1);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = last;
    else if (e.key === "PageDown") next = Math.min(last, Math.max(0, cur) + PAGE);
    else if (e.key === "PageUp") next = Math.max(0, cur - PAGE);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
  };

  const items = [];
  for (let i = from; i < to; i++) {
    const selected = i === cursorIdx;
    items.push(
      <li key={i} id={optionId(i)} data-idx={i} role="option" aria-selected={selected} className={selected ? "timeline__log-item timeline__log-item--current" : "timeline__log-item"} onClick={() => onSelect(i)}>
        {say(i)}
      </li>,
    );
  }
  return (
    <>
      {to - from < total && (
        <p className="timeline__note">
          Showing events {formatCount(from + 1)}–{formatCount(to)} of {formatCount(total)}, around the cursor.
        </p>
      )}
      <ul
        ref={listRef}
        className="timeline__log-list"
        role="listbox"
        tabIndex={0}
        aria-label="Events of the run: ↑/↓ move the timeline cursor, Home/End go to the first and last event"
        aria-activedescendant={cursorIdx >= from && cursorIdx < to ? optionId(cursorIdx) : undefined}
        onKeyDown={onKeyDown}
      >
        {items}
      </ul>
    </>
  );
}
