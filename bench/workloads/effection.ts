// The workloads on effection 4: structured-concurrency operations (generators), `spawn`, queues
// from `createQueue` as channels, `race` of two `next()`s for select, `sleep` on real timers.
// effection has no blocking channel: a queue is unbounded and `add` never waits, so producers
// here never feel back-pressure, except in fan-out/in, which bounds its queues (see bounded).
import { createQueue, run, sleep, spawn, type Operation, type Queue } from "effection";
import { SIZES, sleepOf, sumBelow, type Suite } from "./spec.ts";

type NumQueue = Queue<number, void>;

function* take(q: NumQueue): Operation<number | undefined> {
  const r = yield* q.next();
  return r.done ? undefined : r.value;
}

const pingPong = (): Promise<number> =>
  run(function* () {
    const ping: NumQueue = createQueue();
    const pong: NumQueue = createQueue();
    yield* spawn(function* () {
      for (let v = yield* take(ping); v !== undefined; v = yield* take(ping)) pong.add(v);
    });
    let sum = 0;
    for (let i = 0; i < SIZES.pingPongRoundTrips; i++) {
      ping.add(i);
      sum += (yield* take(pong)) as number;
    }
    ping.close();
    return sum;
  });

/**
 * A queue of capacity `cap`: effection's own queue plus a queue of free slots, so a sender waits
 * for space as with Go's `make(chan int, cap)`. (Without it the producer of fan-out/in queues all
 * 100 000 jobs at once, and effection's queue, which inserts at the front of an array, turns
 * quadratic: 8 s instead of well under one.)
 */
function bounded(cap: number) {
  const items: NumQueue = createQueue();
  const space: NumQueue = createQueue();
  for (let i = 0; i < cap; i++) space.add(0);
  return {
    *send(v: number): Operation<void> {
      yield* space.next();
      items.add(v);
    },
    *recv(): Operation<number | undefined> {
      const r = yield* items.next();
      if (r.done) return undefined;
      space.add(0);
      return r.value;
    },
    close(): void {
      items.close();
    },
  };
}

const fanOutIn = (): Promise<number> =>
  run(function* () {
    const jobs = bounded(SIZES.pipelineBuffer);
    const results = bounded(SIZES.pipelineBuffer);
    yield* spawn(function* () {
      for (let j = 0; j < SIZES.jobs; j++) yield* jobs.send(j);
      // A close is one item a single reader takes: one per worker.
      for (let w = 0; w < SIZES.workers; w++) jobs.close();
    });
    let running = SIZES.workers;
    for (let w = 0; w < SIZES.workers; w++) {
      yield* spawn(function* () {
        for (let j = yield* jobs.recv(); j !== undefined; j = yield* jobs.recv()) yield* results.send(j * 2);
        if (--running === 0) results.close();
      });
    }
    let sum = 0;
    for (let r = yield* results.recv(); r !== undefined; r = yield* results.recv()) sum += r;
    return sum;
  });

/**
 * effection's spawn costs more per task the more tasks a scope holds (10 000: ~1 s, 40 000:
 * ~4 s, 100 000: 11–15 s, over a minute on a loaded machine), which alone would break the
 * benchmark's three-minute budget; it runs a fifth of the tasks and the table extrapolates
 * linearly — which flatters effection, since its cost grows faster than linearly.
 */
const EFFECTION_SPAWNS = SIZES.spawnedTasks / 5;

const spawnMany = (n: number): Promise<number> =>
  run(function* () {
    const done: NumQueue = createQueue();
    for (let i = 0; i < n; i++) {
      // eslint-disable-next-line require-yield -- spawn takes an operation; this one never waits
      yield* spawn(function* () {
        done.add(i);
      });
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (yield* take(done)) as number;
    return sum;
  });

// No select workload: effection has no select over channels, and its idiom for "the first of
// two" is race(). race([a.next(), b.next()]) when both queues hold items takes one item from
// each and keeps only the winner's: with a = [1, 2] and b = [10], three races yield 1, 2 and
// then wait forever (10 is gone). A benchmark of a lossy select would not be a fair number.

const timers = (): Promise<number> =>
  run(function* () {
    const done: NumQueue = createQueue();
    for (let i = 0; i < SIZES.sleepingTasks; i++) {
      yield* spawn(function* () {
        yield* sleep(sleepOf(i));
        done.add(i);
      });
    }
    let sum = 0;
    for (let i = 0; i < SIZES.sleepingTasks; i++) sum += (yield* take(done)) as number;
    return sum;
  });

export const effectionSuite: Suite = {
  name: "effection",
  note: "effection 4.1: spawn, createQueue as channel (unbounded; fan-out/in adds a queue of free slots for capacity 100), no select (see effection.ts), sleep on real timers; spawn runs 20 000 tasks, extrapolated ×5 (see effection.ts)",
  workloads: { "ping-pong": pingPong, "fan-out-in": fanOutIn, spawn: () => spawnMany(EFFECTION_SPAWNS), timers },
  scaled: { spawn: { share: EFFECTION_SPAWNS / SIZES.spawnedTasks, expected: sumBelow(EFFECTION_SPAWNS) } },
  unsupported: { select: "no select: race() of two next() loses a value" },
};
