// The baseline: the least a JavaScript channel can cost. Tasks are plain async functions, a
// channel is a buffer plus two FIFO queues of waiters, and a blocked operation is one promise.
// No scheduler, no select fairness, no determinism, no trace, real timers.
import { Fifo } from "./fifo.ts";
import { SIZES, sleepOf, type Suite } from "./spec.ts";

/** A waiting receiver; `settled` lets a select withdraw from the queues of the cases it lost. */
interface Receiver<T> {
  settled: boolean;
  deliver(value: T | undefined, ok: boolean): void;
}

interface Sender<T> {
  value: T;
  resolve(): void;
}

const DONE: Promise<void> = Promise.resolve();

export class PromiseChan<T> {
  readonly #cap: number;
  readonly #buf = new Fifo<T>();
  readonly #recvq = new Fifo<Receiver<T>>();
  readonly #sendq = new Fifo<Sender<T>>();
  #closed = false;

  constructor(cap = 0) {
    this.#cap = cap;
  }

  send(value: T): Promise<void> {
    if (this.#closed) throw new Error("send on closed channel");
    const r = this.#nextReceiver();
    if (r) {
      r.deliver(value, true);
      return DONE;
    }
    if (this.#buf.length < this.#cap) {
      this.#buf.push(value);
      return DONE;
    }
    return new Promise((resolve) => this.#sendq.push({ value, resolve }));
  }

  /** Takes a value now if one is there: [value, ok], or undefined when the caller must wait. */
  poll(): [T | undefined, boolean] | undefined {
    if (this.#buf.length > 0) {
      const value = this.#buf.shift() as T;
      const s = this.#sendq.shift();
      if (s) {
        this.#buf.push(s.value);
        s.resolve();
      }
      return [value, true];
    }
    const s = this.#sendq.shift();
    if (s) {
      s.resolve();
      return [s.value, true];
    }
    if (this.#closed) return [undefined, false];
    return undefined;
  }

  recv(): Promise<T | undefined> {
    const now = this.poll();
    if (now) return Promise.resolve(now[0]);
    return new Promise((resolve) => this.#recvq.push({ settled: false, deliver: (v) => resolve(v) }));
  }

  wait(r: Receiver<T>): void {
    this.#recvq.push(r);
  }

  close(): void {
    this.#closed = true;
    for (let r = this.#nextReceiver(); r; r = this.#nextReceiver()) r.deliver(undefined, false);
  }

  #nextReceiver(): Receiver<T> | undefined {
    for (let r = this.#recvq.shift(); r; r = this.#recvq.shift()) if (!r.settled) return r;
    return undefined;
  }
}

/** Receive from whichever of two channels is ready first (the first one wins a tie). */
function select2<T>(a: PromiseChan<T>, b: PromiseChan<T>): Promise<T | undefined> {
  const now = a.poll() ?? b.poll();
  if (now) return Promise.resolve(now[0]);
  return new Promise((resolve) => {
    const r: Receiver<T> = {
      settled: false,
      deliver(v) {
        r.settled = true;
        resolve(v);
      },
    };
    a.wait(r);
    b.wait(r);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function pingPong(): Promise<number> {
  const ping = new PromiseChan<number>();
  const pong = new PromiseChan<number>();
  void (async () => {
    for (;;) {
      const v = await ping.recv();
      if (v === undefined) return;
      await pong.send(v);
    }
  })();
  let sum = 0;
  for (let i = 0; i < SIZES.pingPongRoundTrips; i++) {
    await ping.send(i);
    sum += (await pong.recv()) as number;
  }
  ping.close();
  return sum;
}

async function fanOutIn(): Promise<number> {
  const jobs = new PromiseChan<number>(SIZES.pipelineBuffer);
  const results = new PromiseChan<number>(SIZES.pipelineBuffer);
  void (async () => {
    for (let j = 0; j < SIZES.jobs; j++) await jobs.send(j);
    jobs.close();
  })();
  let running = SIZES.workers;
  for (let w = 0; w < SIZES.workers; w++) {
    void (async () => {
      for (let j = await jobs.recv(); j !== undefined; j = await jobs.recv()) await results.send(j * 2);
      if (--running === 0) results.close();
    })();
  }
  let sum = 0;
  for (let r = await results.recv(); r !== undefined; r = await results.recv()) sum += r;
  return sum;
}

async function spawn(): Promise<number> {
  const done = new PromiseChan<number>(SIZES.spawnedTasks);
  for (let i = 0; i < SIZES.spawnedTasks; i++) {
    void (async () => {
      await done.send(i);
    })();
  }
  let sum = 0;
  for (let i = 0; i < SIZES.spawnedTasks; i++) sum += (await done.recv()) as number;
  return sum;
}

async function selectTwo(): Promise<number> {
  const a = new PromiseChan<number>();
  const b = new PromiseChan<number>();
  const half = SIZES.selectMessages / 2;
  void (async () => {
    for (let k = 0; k < half; k++) await a.send(2 * k);
  })();
  void (async () => {
    for (let k = 0; k < half; k++) await b.send(2 * k + 1);
  })();
  let sum = 0;
  for (let i = 0; i < SIZES.selectMessages; i++) sum += (await select2(a, b)) as number;
  return sum;
}

async function timers(): Promise<number> {
  const done = new PromiseChan<number>(SIZES.sleepingTasks);
  for (let i = 0; i < SIZES.sleepingTasks; i++) {
    void (async () => {
      await sleep(sleepOf(i));
      await done.send(i);
    })();
  }
  let sum = 0;
  for (let i = 0; i < SIZES.sleepingTasks; i++) sum += (await done.recv()) as number;
  return sum;
}

export const promiseBaseline: Suite = {
  name: "promise",
  note: "hand-written promise channel (async functions, FIFO waiter queues, real setTimeout); no scheduler, select fairness, determinism or trace",
  workloads: { "ping-pong": pingPong, "fan-out-in": fanOutIn, spawn, select: selectTwo, timers },
};

