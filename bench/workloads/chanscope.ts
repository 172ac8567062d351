// The workloads on chanscope, written as a learner would write them (the public API of
// DESIGN §3), each run by `run()` with tracing off or on. Time is virtual: the timers workload
// finishes as soon as the scheduler has jumped through 100 virtual ms, not after 100 real ms.
import { chan, go, select, recv, sleep, WaitGroup } from "../../src/runtime/index.ts";
import { run } from "../../src/runtime/run.ts";
import type { TraceEvent } from "../../src/runtime/trace.ts";
import { SIZES, sleepOf, type Suite, type Workload } from "./spec.ts";

// Room for the spawn workload's 100 000 tasks plus main, and for its operations.
const LIMITS = { steps: 50_000_000, tasks: 1_000_000, events: 20_000_000 };

/**
 * How a column runs chanscope: untraced; traced, reading RunResult.trace (every event as an
 * object, kept); or streamed, the trace handed to onEvents in batches as the sandbox's worker
 * gets it (each batch read, then dropped; RunResult.trace not read).
 */
type Mode = "untraced" | "traced" | "streamed";

/** Runs `main` on chanscope; a run that does not end "ok" is a failed benchmark, with its report. */
function onChanscope(mode: Mode, main: (out: { sum: number }) => Promise<void>): Workload {
  return async () => {
    const out = { sum: Number.NaN };
    let streamed = 0;
    const onEvents = mode === "streamed" ? (batch: TraceEvent[]) => void (streamed += batch.length) : undefined;
    const result = await run(() => main(out), { seed: 1, trace: mode !== "untraced", onEvents, limits: LIMITS });
    // The runtime records the trace as rows of numbers and builds the event objects on first
    // read; a traced run is for its trace, so the traced column pays for reading it too.
    if (mode === "traced" && result.trace.length === 0) throw new Error("a traced run recorded no events");
    if (mode === "streamed" && streamed === 0) throw new Error("a streamed run sent no events");
    if (result.outcome !== "ok") {
      throw new Error(`run ended "${result.outcome}": ${result.report.split("\n")[0] ?? ""}`);
    }
    return out.sum;
  };
}

async function pingPong(out: { sum: number }): Promise<void> {
  const ping = chan<number>();
  const pong = chan<number>();
  go("ponger", async () => {
    for await (const v of ping) await pong.send(v);
  });
  let sum = 0;
  for (let i = 0; i < SIZES.pingPongRoundTrips; i++) {
    await ping.send(i);
    sum += (await pong.recv()) as number;
  }
  ping.close();
  out.sum = sum;
}

async function fanOutIn(out: { sum: number }): Promise<void> {
  const jobs = chan<number>(SIZES.pipelineBuffer);
  const results = chan<number>(SIZES.pipelineBuffer);
  go("producer", async () => {
    for (let j = 0; j < SIZES.jobs; j++) await jobs.send(j);
    jobs.close();
  });
  const wg = new WaitGroup();
  for (let w = 0; w < SIZES.workers; w++) {
    wg.add(1);
    go(`worker-${w}`, async () => {
      for await (const j of jobs) await results.send(j * 2);
      wg.done();
    });
  }
  go("closer", async () => {
    await wg.wait();
    results.close();
  });
  let sum = 0;
  for await (const r of results) sum += r;
  out.sum = sum;
}

async function spawn(out: { sum: number }): Promise<void> {
  const done = chan<number>(SIZES.spawnedTasks);
  for (let i = 0; i < SIZES.spawnedTasks; i++) {
    go(async () => {
      await done.send(i);
    });
  }
  let sum = 0;
  for (let i = 0; i < SIZES.spawnedTasks; i++) sum += (await done.recv()) as number;
  out.sum = sum;
}

async function selectTwo(out: { sum: number }): Promise<void> {
  const a = chan<number>();
  const b = chan<number>();
  const half = SIZES.selectMessages / 2;
  go("evens", async () => {
    for (let k = 0; k < half; k++) await a.send(2 * k);
  });
  go("odds", async () => {
    for (let k = 0; k < half; k++) await b.send(2 * k + 1);
  });
  let sum = 0;
  const add = (v: number | undefined): void => {
    sum += v as number;
  };
  for (let i = 0; i < SIZES.selectMessages; i++) await select(recv(a, add), recv(b, add));
  out.sum = sum;
}

async function timers(out: { sum: number }): Promise<void> {
  const done = chan<number>(SIZES.sleepingTasks);
  for (let i = 0; i < SIZES.sleepingTasks; i++) {
    go(async () => {
      await sleep(sleepOf(i));
      await done.send(i);
    });
  }
  let sum = 0;
  for (let i = 0; i < SIZES.sleepingTasks; i++) sum += (await done.recv()) as number;
  out.sum = sum;
}

const NOTES: Record<Mode, string> = {
  untraced: "chanscope with run(main, { trace: false }); deterministic (seed 1), fair select, virtual time (timers: virtual ms)",
  traced: "chanscope with run(main, { trace: true }), timed up to and including reading RunResult.trace (every event of DESIGN §4 as objects, all kept)",
  streamed: "chanscope with run(main, { trace: true, onEvents }): every event of DESIGN §4 as objects, in batches of 256 as the sandbox worker gets them, each dropped after it is counted",
};

function suite(mode: Mode): Suite {
  const on = (main: (out: { sum: number }) => Promise<void>): Workload => onChanscope(mode, main);
  return {
    name: mode === "untraced" ? "chanscope" : `chanscope ${mode}`,
    note: NOTES[mode],
    workloads: {
      "ping-pong": on(pingPong),
      "fan-out-in": on(fanOutIn),
      spawn: on(spawn),
      select: on(selectTwo),
      timers: on(timers),
    },
  };
}

export const chanscopeUntraced: Suite = suite("untraced");
export const chanscopeTraced: Suite = suite("traced");
export const chanscopeStreamed: Suite = suite("streamed");
