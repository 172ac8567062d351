// The workloads on @thi.ng/csp 3: async functions as processes, `channel(n)` (capacity ≥ 1: it has
// no unbuffered channel, so the unbuffered workloads use its default capacity of 1), `select` for
// select, a promise around setTimeout for sleep. A read of a closed channel yields `undefined`.
// At most 1 024 reads and 1 024 writes may wait on one channel, which these workloads respect.
import { channel, select } from "@thi.ng/csp";
import { SIZES, sleepOf, type Suite } from "./spec.ts";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function pingPong(): Promise<number> {
  const ping = channel<number>();
  const pong = channel<number>();
  void (async () => {
    for (let v = await ping.read(); v !== undefined; v = await ping.read()) await pong.write(v);
  })();
  let sum = 0;
  for (let i = 0; i < SIZES.pingPongRoundTrips; i++) {
    await ping.write(i);
    sum += (await pong.read()) as number;
  }
  ping.close();
  return sum;
}

async function fanOutIn(): Promise<number> {
  const jobs = channel<number>(SIZES.pipelineBuffer);
  const results = channel<number>(SIZES.pipelineBuffer);
  void (async () => {
    for (let j = 0; j < SIZES.jobs; j++) await jobs.write(j);
    jobs.close();
  })();
  let running = SIZES.workers;
  for (let w = 0; w < SIZES.workers; w++) {
    void (async () => {
      for (let j = await jobs.read(); j !== undefined; j = await jobs.read()) await results.write(j * 2);
      if (--running === 0) results.close();
    })();
  }
  let sum = 0;
  for (let r = await results.read(); r !== undefined; r = await results.read()) sum += r;
  return sum;
}

async function spawn(): Promise<number> {
  const done = channel<number>(SIZES.spawnedTasks);
  for (let i = 0; i < SIZES.spawnedTasks; i++) {
    void (async () => {
      await done.write(i);
    })();
  }
  let sum = 0;
  for (let i = 0; i < SIZES.spawnedTasks; i++) sum += (await done.read()) as number;
  return sum;
}

async function selectTwo(): Promise<number> {
  const a = channel<number>();
  const b = channel<number>();
  const half = SIZES.selectMessages / 2;
  void (async () => {
    for (let k = 0; k < half; k++) await a.write(2 * k);
  })();
  void (async () => {
    for (let k = 0; k < half; k++) await b.write(2 * k + 1);
  })();
  let sum = 0;
  for (let i = 0; i < SIZES.selectMessages; i++) {
    const [v] = await select(a, b);
    sum += v as number;
  }
  return sum;
}

async function timers(): Promise<number> {
  const done = channel<number>(SIZES.sleepingTasks);
  for (let i = 0; i < SIZES.sleepingTasks; i++) {
    void (async () => {
      await sleep(sleepOf(i));
      await done.write(i);
    })();
  }
  let sum = 0;
  for (let i = 0; i < SIZES.sleepingTasks; i++) sum += (await done.read()) as number;
  return sum;
}

export const thingCsp: Suite = {
  name: "@thi.ng/csp",
  note: "@thi.ng/csp 3.2: async functions, channel() of capacity 1 where the workload is unbuffered (it has no capacity 0), select() (not fair: the first ready input wins), setTimeout for sleep",
  workloads: { "ping-pong": pingPong, "fan-out-in": fanOutIn, spawn, select: selectTwo, timers },
};
