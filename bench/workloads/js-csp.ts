// The workloads on js-csp 1.0: generator processes (`csp.go`), `yield csp.put/take`, `csp.alts`
// for select, `csp.sleep` on real timers. js-csp runs its processes from a setImmediate
// dispatcher in batches of 1 024 steps.
import csp, { type Channel, type Process } from "js-csp";
import { SIZES, sleepOf, type Suite } from "./spec.ts";

/** Runs `main` as a process and resolves with the number it finally sends on `out`. */
function runMain(main: (out: Channel) => Process): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = csp.chan(1);
    csp.go(function* (): Process {
      try {
        yield* main(out);
      } catch (e) {
        reject(e);
      }
    });
    csp.go(function* (): Process {
      resolve((yield csp.take(out)) as number);
    });
  });
}

const pingPong = (): Promise<number> =>
  runMain(function* (out) {
    const ping = csp.chan();
    const pong = csp.chan();
    csp.go(function* (): Process {
      for (;;) {
        const v = yield csp.take(ping);
        if (v === csp.CLOSED) return;
        yield csp.put(pong, v);
      }
    });
    let sum = 0;
    for (let i = 0; i < SIZES.pingPongRoundTrips; i++) {
      yield csp.put(ping, i);
      sum += (yield csp.take(pong)) as number;
    }
    ping.close();
    yield csp.put(out, sum);
  });

const fanOutIn = (): Promise<number> =>
  runMain(function* (out) {
    const jobs = csp.chan(SIZES.pipelineBuffer);
    const results = csp.chan(SIZES.pipelineBuffer);
    csp.go(function* (): Process {
      for (let j = 0; j < SIZES.jobs; j++) yield csp.put(jobs, j);
      jobs.close();
    });
    let running = SIZES.workers;
    for (let w = 0; w < SIZES.workers; w++) {
      csp.go(function* (): Process {
        for (;;) {
          const j = yield csp.take(jobs);
          if (j === csp.CLOSED) break;
          yield csp.put(results, (j as number) * 2);
        }
        if (--running === 0) results.close();
      });
    }
    let sum = 0;
    for (;;) {
      const r = yield csp.take(results);
      if (r === csp.CLOSED) break;
      sum += r as number;
    }
    yield csp.put(out, sum);
  });

const spawn = (): Promise<number> =>
  runMain(function* (out) {
    const done = csp.chan(SIZES.spawnedTasks);
    for (let i = 0; i < SIZES.spawnedTasks; i++) {
      csp.go(function* (): Process {
        yield csp.put(done, i);
      });
    }
    let sum = 0;
    for (let i = 0; i < SIZES.spawnedTasks; i++) sum += (yield csp.take(done)) as number;
    yield csp.put(out, sum);
  });

const selectTwo = (): Promise<number> =>
  runMain(function* (out) {
    const a = csp.chan();
    const b = csp.chan();
    const half = SIZES.selectMessages / 2;
    csp.go(function* (): Process {
      for (let k = 0; k < half; k++) yield csp.put(a, 2 * k);
    });
    csp.go(function* (): Process {
      for (let k = 0; k < half; k++) yield csp.put(b, 2 * k + 1);
    });
    let sum = 0;
    for (let i = 0; i < SIZES.selectMessages; i++) {
      const r = (yield csp.alts([a, b])) as { value: number };
      sum += r.value;
    }
    yield csp.put(out, sum);
  });

const timers = (): Promise<number> =>
  runMain(function* (out) {
    const done = csp.chan(SIZES.sleepingTasks);
    for (let i = 0; i < SIZES.sleepingTasks; i++) {
      csp.go(function* (): Process {
        yield csp.sleep(sleepOf(i));
        yield csp.put(done, i);
      });
    }
    let sum = 0;
    for (let i = 0; i < SIZES.sleepingTasks; i++) sum += (yield csp.take(done)) as number;
    yield csp.put(out, sum);
  });

export const jsCsp: Suite = {
  name: "js-csp",
  note: "js-csp 1.0.1: generator processes, csp.chan(0) unbuffered, csp.alts for select, csp.sleep on real timers",
  workloads: { "ping-pong": pingPong, "fan-out-in": fanOutIn, spawn, select: selectTwo, timers },
};
