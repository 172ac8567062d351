// `npm run bench`: the same workloads on chanscope (tracing off and on), a hand-written promise
// channel and the peer libraries, in this one Node process, printed as one table of medians and
// ratios. See bench/README.md for what each workload does and how to read the table.
import os from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { EXPECTED, WORKLOADS, type Suite, type Workload, type WorkloadName } from "./workloads/spec.ts";
import { formatTable, type Cell } from "./table.ts";

const MAX_RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** A cell gets as many timed runs as fit in this budget after its warm-up (at least 1, at most MAX_RUNS). */
const CELL_BUDGET_MS = Number(process.env.BENCH_CELL_BUDGET_MS ?? 6_000);
/** Past this much total time, each remaining cell gets its warm-up and one timed run only. */
const TOTAL_BUDGET_MS = Number(process.env.BENCH_TOTAL_BUDGET_MS ?? 140_000);
const benchStart = performance.now();
const overBudget = (): boolean => performance.now() - benchStart > TOTAL_BUDGET_MS;
/** Past this much total time, cells not yet started are skipped, so the whole run stays under 3 minutes. */
const HARD_STOP_MS = Number(process.env.BENCH_HARD_STOP_MS ?? 150_000);
const pastHardStop = (): boolean => performance.now() - benchStart > HARD_STOP_MS;
/** A single run slower than this is abandoned and reported as "n/a (timed out)". */
const RUN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 20_000);
/** For quick looks: only these columns / workloads (comma-separated names), e.g. BENCH_SUITES=chanscope,"chanscope traced". */
const listOf = (v: string | undefined): string[] | null => (v === undefined || v === "" ? null : v.split(",").map((x) => x.trim()));
const ONLY_SUITES = listOf(process.env.BENCH_SUITES);
const ONLY_WORKLOADS = listOf(process.env.BENCH_WORKLOADS);

// A full collection before each run, so one cell's garbage is not billed to the next.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

// A peer that rejects a promise nobody awaits must not end the whole benchmark.
const strayErrors: string[] = [];
process.on("unhandledRejection", (reason) => strayErrors.push(String(reason)));

/** Loads a suite module; a suite that cannot load (say, a missing runtime) becomes a column of n/a. */
async function loadSuites(): Promise<(Suite | { name: string; failed: string })[]> {
  const load = async (names: string[], get: () => Promise<Suite[]>) => {
    try {
      return await get();
    } catch (e) {
      const failed = `cannot load: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
      return names.map((n) => ({ name: n, failed }));
    }
  };
  return [
    ...(await load(["chanscope", "chanscope traced", "chanscope streamed"], async () => {
      const m = await import("./workloads/chanscope.ts");
      return [m.chanscopeUntraced, m.chanscopeTraced, m.chanscopeStreamed];
    })),
    ...(await load(["promise"], async () => [(await import("./workloads/promise-baseline.ts")).promiseBaseline])),
    ...(await load(["@thi.ng/csp"], async () => [(await import("./workloads/thing-csp.ts")).thingCsp])),
    ...(await load(["js-csp"], async () => [(await import("./workloads/js-csp.ts")).jsCsp])),
    ...(await load(["effection"], async () => [(await import("./workloads/effection.ts")).effectionSuite])),
  ];
}

function withTimeout(p: Promise<number>): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A workload as measured: what it should return, and the share of the full size it does. */
interface Measured {
  run: Workload;
  expected: number;
  share: number;
}

/** CPU milliseconds this process has used (every thread: the main one and the GC's helpers). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * One timed run: checks the checksum, returns wall and CPU milliseconds scaled to the full size.
 * CPU time does not count the time the process waits for a core, so on a machine shared with
 * other work it is the steadier of the two (it also counts the GC's helper threads).
 */
async function timeOnce(w: Measured): Promise<{ wall: number; cpu: number }> {
  collectGarbage();
  const c0 = cpuMs();
  const t0 = performance.now();
  const sum = await withTimeout(w.run());
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (sum !== w.expected) throw new Error(`wrong checksum ${sum}, expected ${w.expected}`);
  return { wall: ms / w.share, cpu: cpu / w.share };
}

interface Pending {
  suite: string;
  workload: Measured;
  times: number[];
  cpus: number[];
  runs: number;
  cell?: Cell;
}

/**
 * Measures one workload on every suite. Runs are interleaved round-robin (suite A, B, C, then
 * B, C, A, …) so that a burst of load from elsewhere on the machine hits every column alike and
 * the ratios stay meaningful even when the absolute times wobble.
 */
async function measureWorkload(entries: { suite: string; workload: Measured }[]): Promise<Map<string, Cell>> {
  const pending: Pending[] = [];
  for (const { suite, workload } of entries) {
    const p: Pending = { suite, workload, times: [], cpus: [], runs: 0 };
    if (pastHardStop()) {
      p.cell = { error: `skipped: ${HARD_STOP_MS / 1000} s spent (machine busy?)` };
      pending.push(p);
      continue;
    }
    try {
      const warm = (await timeOnce(workload)).wall;
      // A cell slower than its whole budget is reported from its first (cold) run alone.
      if (warm * workload.share >= CELL_BUDGET_MS) p.cell = { ms: warm, runs: 1, cold: true };
      else p.runs = Math.max(1, Math.min(MAX_RUNS, Math.floor(CELL_BUDGET_MS / Math.max(warm * workload.share, 1))));
    } catch (e) {
      p.cell = { error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
    }
    pending.push(p);
  }
  for (let round = 0; round < MAX_RUNS && (round === 0 || !overBudget()); round++) {
    for (let k = 0; k < pending.length; k++) {
      const p = pending[(k + round) % pending.length];
      if (p.cell || p.times.length >= p.runs) continue;
      try {
        const { wall, cpu } = await timeOnce(p.workload);
        p.times.push(wall);
        p.cpus.push(cpu);
      } catch (e) {
        p.cell = { error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
      }
    }
  }
  const cells = new Map<string, Cell>();
  for (const p of pending) {
    const cell: Cell = p.cell ?? { ms: median(p.times), cpu: median(p.cpus), runs: p.times.length };
    cells.set(p.suite, p.workload.share < 1 && "ms" in cell ? { ...cell, scaled: Math.round(1 / p.workload.share) } : cell);
  }
  return cells;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const suites = (await loadSuites()).filter((s) => ONLY_SUITES === null || ONLY_SUITES.includes(s.name));
  const results = new Map<string, Map<WorkloadName, Cell>>();
  for (const { name: workload, label } of WORKLOADS.filter((w) => ONLY_WORKLOADS === null || ONLY_WORKLOADS.includes(w.name))) {
    const runnable: { suite: string; workload: Measured }[] = [];
    for (const s of suites) {
      if (!results.has(s.name)) results.set(s.name, new Map());
      const reason = "failed" in s ? s.failed : (s.unsupported?.[workload] ?? (s.workloads[workload] ? null : "not implemented"));
      if (reason !== null) results.get(s.name)?.set(workload, { error: reason });
      else if (!("failed" in s)) {
        const scaled = s.scaled?.[workload];
        const run = s.workloads[workload] as Workload;
        runnable.push({ suite: s.name, workload: { run, expected: scaled?.expected ?? EXPECTED[workload], share: scaled?.share ?? 1 } });
      }
    }
    const cells = await measureWorkload(runnable);
    for (const [suite, cell] of cells) results.get(suite)?.set(workload, cell);
    for (const s of suites) {
      const cell = results.get(s.name)?.get(workload) as Cell;
      process.stderr.write(`  ${label} · ${s.name}: ${"ms" in cell ? `${cell.ms.toFixed(1)} ms` : `n/a (${cell.error})`}\n`);
    }
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nchanscope benchmarks · Node ${process.version} · ${os.cpus().length} × ${cpu}`);
  console.log(`median wall ms of up to ${MAX_RUNS} runs after 1 warm-up, runs interleaved across columns (fewer when a run is slow, shown as n=…);`);
  console.log("(×r, cpu ×c) = that column's time / chanscope untraced, by wall time and by the process's CPU time (steadier on a busy machine;");
  console.log("not meaningful for timers, where the peers wait on real timers): above 1 means chanscope is faster. \"own\" marks chanscope's traced columns;");
  console.log("\"~×5\" = ran a fifth of the work, time extrapolated.\n");
  console.log(formatTable(WORKLOADS.filter((w) => ONLY_WORKLOADS === null || ONLY_WORKLOADS.includes(w.name)), suites.map((s) => s.name), results));

  const spawnTraced = results.get("chanscope traced")?.get("spawn");
  console.log(
    `\n100 000 tasks traced: ${spawnTraced && "ms" in spawnTraced ? `${spawnTraced.ms.toFixed(0)} ms` : `n/a (${spawnTraced?.error ?? "not run"})`}`,
  );
  console.log("timers: chanscope sleeps on VIRTUAL time (no real waiting); every other column sleeps on real timers, so ≥ 100 ms is their floor.\n");
  for (const s of suites) if (!("failed" in s)) console.log(`- ${s.name}: ${s.note}`);
  if (strayErrors.length > 0) console.log(`\n${strayErrors.length} unhandled rejection(s) from peers, first: ${strayErrors[0]}`);
  console.log(`\ntotal ${((performance.now() - benchStart) / 1000).toFixed(1)} s`);
  // Abandoned (timed-out) peer runs may still hold timers; the table is printed, so stop here.
  process.exit(0);
}

void main();
