// Formats the benchmark results as a plain-text table: one row per workload, one column per
// library; every other cell carries its ratio to chanscope untraced, by wall and by CPU time (the
// traced and streamed columns' ratio is chanscope's own price of the trace, marked "own").
import type { WorkloadName } from "./workloads/spec.ts";

/** A measured cell: median wall ms (and median CPU ms of the process, when timed runs were made). */
export type Cell = { ms: number; cpu?: number; runs: number; cold?: boolean; scaled?: number } | { error: string };

const BASE = "chanscope";
/** chanscope's own traced columns (their ratio is the price of the trace, marked "own"). */
const OWN = new Set(["chanscope traced", "chanscope streamed"]);

function ratioText(r: number): string {
  return r >= 10 ? r.toFixed(0) : r.toFixed(2);
}

function ms(c: { ms: number; runs: number; cold?: boolean; scaled?: number }): string {
  const v = c.ms.toFixed(c.ms >= 99.95 ? 0 : 1); // 99.96 shows as "100", not "100.0"
  return `${v} ms${c.scaled ? ` ~×${c.scaled}` : ""}${c.cold ? " n=1 cold" : c.runs < 3 ? ` n=${c.runs}` : ""}`;
}

/** Keeps a failure reason short enough for a table cell. */
function short(reason: string): string {
  return reason.length > 48 ? `${reason.slice(0, 47)}…` : reason;
}

function cellText(column: string, cell: Cell | undefined, base: Cell | undefined): string {
  if (!cell) return "n/a (not run)";
  if ("error" in cell) return `n/a (${short(cell.error)})`;
  if (column === BASE || !base || "error" in base) return ms(cell);
  const wall = `×${ratioText(cell.ms / base.ms)}${OWN.has(column) ? " own" : ""}`;
  const cpu = cell.cpu !== undefined && base.cpu !== undefined ? `, cpu ×${ratioText(cell.cpu / base.cpu)}` : "";
  return `${ms(cell)} (${wall}${cpu})`;
}

export function formatTable(
  workloads: readonly { name: WorkloadName; label: string }[],
  columns: readonly string[],
  results: ReadonlyMap<string, ReadonlyMap<WorkloadName, Cell>>,
): string {
  const header = ["workload", ...columns];
  const rows = workloads.map(({ name, label }) => {
    const base = results.get(BASE)?.get(name);
    const shown = name === "timers" ? `${label} (chanscope: virtual)` : label;
    return [shown, ...columns.map((c) => cellText(c, results.get(c)?.get(name), base))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(" │ ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
