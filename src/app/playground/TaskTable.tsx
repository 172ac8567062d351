import { formatMs } from "./OutputPanel.tsx";
import type { TaskRow } from "./run-view.ts";

const SHOWN = 200;

export interface TaskTableProps {
  rows: TaskRow[];
  onShowLine(line: number): void;
  /** The rows are the tasks at the timeline's cursor, at this virtual time (else: at the end of the run). */
  atMs?: number;
}

/** Every task of the run: the text view of what the timeline draws, in step with its cursor. */
export function TaskTable({ rows, onShowLine, atMs }: TaskTableProps) {
  if (rows.length === 0) return null;
  const shown = rows.slice(0, SHOWN);
  return (
    <div className="playground__tasks">
      <table>
        <caption>
          Tasks ({rows.length}
          {rows.length > SHOWN ? `, first ${SHOWN} shown` : ""}){atMs !== undefined && ` at the timeline’s cursor, ${formatMs(atMs)}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Parent</th>
            <th scope="col">State</th>
            <th scope="col">Waiting on</th>
            <th scope="col">Line</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} data-state={row.state}>
              <th scope="row">{row.name}</th>
              <td>{row.parent || "—"}</td>
              <td>{row.state}</td>
              <td>{row.waitReason || "—"}</td>
              <td>
                {row.line ? (
                  <button type="button" className="playground__line-link" onClick={() => onShowLine(row.line as number)} aria-label={`Show line ${row.line} of ${row.name} in the editor`}>
                    {row.line}
                  </button>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
