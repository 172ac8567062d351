// Formats the benchmark results as a plain-text table: one row per workload, one column per
// library; each peer's cell carries its ratio to chanscope untraced, the traced column its ratio
// to chanscope's own untraced time.
import type { WorkloadName } from "./workloads/spec.ts";

export type Cell = { ms: number; runs: number; cold?: boolean; scaled?: number } | { error: string };

const BASE = "chanscope";
const TRACED = "chanscope traced";

function ms(c: { ms: number; runs: number; cold?: boolean; scaled?: number }): string {
  const v = c.ms >= 100 ? c.ms.toFixed(0) : c.ms.toFixed(1);
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
  const ratio = cell.ms / base.ms;
  return `${ms(cell)} (×${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}${column === TRACED ? " own" : ""})`;
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
