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
/** A single run slower than this is abandoned and reported as "n/a (timed out)". */
const RUN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 20_000);

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
    ...(await load(["chanscope", "chanscope traced"], async () => {
      const m = await import("./workloads/chanscope.ts");
      return [m.chanscopeUntraced, m.chanscopeTraced];
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

/** One timed run: checks the checksum, returns wall milliseconds. */
async function timeOnce(name: WorkloadName, w: Workload): Promise<number> {
  collectGarbage();
  const t0 = performance.now();
  const sum = await withTimeout(w());
  const ms = performance.now() - t0;
  if (sum !== EXPECTED[name]) throw new Error(`wrong checksum ${sum}, expected ${EXPECTED[name]}`);
  return ms;
}

async function measure(name: WorkloadName, w: Workload): Promise<Cell> {
  try {
    const warm = await timeOnce(name, w);
    // A cell slower than its whole budget is reported from its first (cold) run alone.
    if (warm >= CELL_BUDGET_MS) return { ms: warm, runs: 1, cold: true };
    const runs = Math.max(1, Math.min(MAX_RUNS, Math.floor(CELL_BUDGET_MS / Math.max(warm, 1))));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(name, w));
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], runs };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const suites = await loadSuites();
  const results = new Map<string, Map<WorkloadName, Cell>>();
  for (const { name: workload, label } of WORKLOADS) {
    for (const s of suites) {
      let cell: Cell;
      if ("failed" in s) cell = { error: s.failed };
      else if (s.unsupported?.[workload]) cell = { error: s.unsupported[workload] as string };
      else if (!s.workloads[workload]) cell = { error: "not implemented" };
      else cell = await measure(workload, s.workloads[workload] as Workload);
      if (!results.has(s.name)) results.set(s.name, new Map());
      results.get(s.name)?.set(workload, cell);
      process.stderr.write(`  ${label} · ${s.name}: ${"ms" in cell ? `${cell.ms.toFixed(1)} ms` : `n/a (${cell.error})`}\n`);
    }
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nchanscope benchmarks · Node ${process.version} · ${os.cpus().length} × ${cpu}`);
  console.log(`median wall ms of up to ${MAX_RUNS} runs after 1 warm-up (fewer when a run is slow, shown as n=…);`);
  console.log("(×r) = that column's time / chanscope untraced: above 1 means chanscope is faster.");
  console.log("\"traced\" shows (×r own) = traced / untraced chanscope.\n");
  console.log(formatTable(WORKLOADS, suites.map((s) => s.name), results));

  const spawnTraced = results.get("chanscope traced")?.get("spawn");
  console.log(
    `\n100 000 tasks traced: ${spawnTraced && "ms" in spawnTraced ? `${spawnTraced.ms.toFixed(0)} ms` : `n/a (${spawnTraced?.error ?? "not run"})`}`,
  );
  console.log("timers: chanscope sleeps on VIRTUAL time (no real waiting); every other column sleeps on real timers, so ≥ 100 ms is their floor.\n");
  for (const s of suites) if (!("failed" in s)) console.log(`- ${s.name}: ${s.note}`);
  if (strayErrors.length > 0) console.log(`\n${strayErrors.length} unhandled rejection(s) from peers, first: ${strayErrors[0]}`);
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Abandoned (timed-out) peer runs may still hold timers; the table is printed, so stop here.
  process.exit(0);
}

void main();
