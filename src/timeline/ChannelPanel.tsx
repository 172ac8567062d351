// The channel view: a table of the run's channels (traffic, fullest buffer, close, who is stuck),
// and for the selected channel a sentence and buttons that step the timeline's cursor through its
// events. Selecting a channel here or clicking one of its arrows on the canvas is the same thing:
// its arrows stand out and, when it buffers, its fill row is shown.

import { describeChannel, channelStep, type ChannelSummary } from "./channels.ts";
import { formatMs } from "./axis.ts";
import "./channels.css";

export interface ChannelPanelProps {
  channels: readonly ChannelSummary[];
  selected: number | null;
  onSelect: (chan: number | null) => void;
  cursorIdx: number;
  onCursor: (idx: number) => void;
}

/** The selected channel in words, with previous/next through its events. */
export function ChannelFocus({ channels, selected, onSelect, cursorIdx, onCursor }: ChannelPanelProps) {
  const s = channels.find((c) => c.id === selected);
  if (s === undefined) return null;
  const prev = channelStep(s, cursorIdx, -1);
  const next = channelStep(s, cursorIdx, 1);
  return (
    <div className="timeline__chan-focus" role="group" aria-label={`Channel ${s.name}`}>
      <p className="timeline__chan-words">{describeChannel(s)}</p>
      <div className="timeline__chan-steps">
        <button type="button" className="timeline__btn" disabled={prev === null} onClick={() => prev !== null && onCursor(prev)}>
          ‹ Previous on {s.name}
        </button>
        <button type="button" className="timeline__btn" disabled={next === null} onClick={() => next !== null && onCursor(next)}>
          Next on {s.name} ›
        </button>
        <button type="button" className="timeline__btn" onClick={() => onSelect(null)}>
          Show all channels
        </button>
      </div>
    </div>
  );
}

function kindWord(s: ChannelSummary): string {
  if (s.kind === "context") return "context";
  if (s.kind === "timer") return "timer";
  return s.cap === 0 ? "unbuffered" : `buffer ${s.cap}`;
}

/** Every channel of the run, in a disclosure under the canvas. */
export function ChannelPanel({ channels, selected, onSelect }: ChannelPanelProps) {
  if (channels.length === 0) return null;
  return (
    <details className="timeline__channels">
      <summary>Channels ({channels.length})</summary>
      <div className="timeline__chan-scroll">
        <table className="timeline__chan-table">
          <caption className="timeline__sr">Channels of this run: press a channel to see its traffic on the timeline</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Kind</th>
              <th scope="col">Sent</th>
              <th scope="col">Received</th>
              <th scope="col">Most buffered</th>
              <th scope="col">Closed</th>
              <th scope="col">Stuck on it</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((s) => (
              <tr key={s.id} className={s.id === selected ? "timeline__chan-row--selected" : undefined}>
                <th scope="row">
                  <button type="button" className="timeline__chan-name" aria-pressed={s.id === selected} onClick={() => onSelect(s.id === selected ? null : s.id)}>
                    {s.name}
                  </button>
                </th>
                <td>{kindWord(s)}</td>
                <td>{s.sent}</td>
                <td>{s.received}</td>
                <td>{s.cap > 0 ? `${s.maxFill} of ${s.cap}` : "—"}</td>
                <td>{s.closed === null ? "—" : `${formatMs(s.closed.ms)} by ${s.closed.by}`}</td>
                <td className={s.stuck.length > 0 ? "timeline__chan-stuck" : undefined}>{s.stuck.length === 0 ? "—" : s.stuck.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
