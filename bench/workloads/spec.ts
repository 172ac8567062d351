// The shared benchmark workloads: sizes, the checksum each run must produce, and the shape
// every library's implementation fills in. A run that returns a wrong checksum is reported as
// "n/a", never timed: a fast wrong answer is not a result.

export const SIZES = {
  pingPongRoundTrips: 200_000,
  jobs: 100_000,
  workers: 8,
  spawnedTasks: 100_000,
  selectMessages: 100_000,
  sleepingTasks: 10_000,
  maxSleepMs: 100,
  /** Capacity of the job and result queues in fan-out/fan-in (Go's `make(chan int, 100)`). */
  pipelineBuffer: 100,
} as const;

export type WorkloadName = "ping-pong" | "fan-out-in" | "spawn" | "select" | "timers";

export const WORKLOADS: readonly { name: WorkloadName; label: string }[] = [
  { name: "ping-pong", label: "ping-pong 200 000 round trips" },
  { name: "fan-out-in", label: "fan-out/in 100 000 jobs, 8 workers" },
  { name: "spawn", label: "spawn 100 000 tasks" },
  { name: "select", label: "select over 2 producers, 100 000 msgs" },
  { name: "timers", label: "10 000 tasks sleeping 0–100 ms" },
];

/** Sleep of the i-th task in the timers workload: spread over 0–100 ms, deterministic. */
export function sleepOf(i: number): number {
  return (i * 7919) % (SIZES.maxSleepMs + 1);
}

export const sumBelow = (n: number): number => (n * (n - 1)) / 2;

/**
 * What each workload's run returns:
 * - ping-pong: main sends 0..N-1, the partner echoes each back; sum of the echoes.
 * - fan-out-in: jobs 0..N-1, each worker sends 2·job; sum of results.
 * - spawn: task i sends i once (buffered channel of N, so it never blocks) and exits; sum.
 * - select: producer A sends the even numbers, B the odd ones, 0..N-1; main selects N times; sum.
 * - timers: task i sleeps sleepOf(i) ms, then sends i; sum.
 */
export const EXPECTED: Record<WorkloadName, number> = {
  "ping-pong": sumBelow(SIZES.pingPongRoundTrips),
  "fan-out-in": 2 * sumBelow(SIZES.jobs),
  spawn: sumBelow(SIZES.spawnedTasks),
  select: sumBelow(SIZES.selectMessages),
  timers: sumBelow(SIZES.sleepingTasks),
};

/** One run of one workload; resolves to its checksum. */
export type Workload = () => Promise<number>;

export interface Suite {
  /** Column heading in the table. */
  name: string;
  /** One line for the notes under the table: what this implementation uses. */
  note: string;
  workloads: Partial<Record<WorkloadName, Workload>>;
  /**
   * Workloads this library runs at a fraction of the full size, because the full size would not
   * fit the benchmark's time budget: `share` of the work, checked against `expected`; the table
   * shows the time divided by `share`, marked as extrapolated.
   */
  scaled?: Partial<Record<WorkloadName, { share: number; expected: number }>>;
  /** Workloads this library cannot express, with the reason (printed as "n/a (reason)"). */
  unsupported?: Partial<Record<WorkloadName, string>>;
}
