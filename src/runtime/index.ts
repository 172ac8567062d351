// The "chanscope" module: what user programs import. Go's concurrency, deterministic, on
// virtual time, traced (DESIGN §3). Everything here is the public API; the host side (run) is in
// run.ts.

export { go, panic, numGoroutine, __loc } from "./go.ts";
export { Chan, chan, close } from "./chan.ts";
export { select, recv, send, defaultCase, SelectCase } from "./select.ts";
export { sleep, now, after, newTimer, afterFunc, newTicker, clock } from "./timers.ts";
export type { Timer, FuncTimerHandle, Ticker, Clock } from "./timers.ts";
export { context, Canceled, DeadlineExceeded } from "./context.ts";
export type { Context, CancelFunc, CancelCauseFunc } from "./context.ts";
export { WaitGroup } from "./waitgroup.ts";
export { Mutex, RWMutex } from "./mutex.ts";
export { Once } from "./once.ts";
export { errgroup, Group } from "./errgroup.ts";
export { signal } from "./signal.ts";
export { GoPanic } from "./errors.ts";
export type { Loc, TraceEvent } from "./trace.ts";
export type { RunResult, RunOptions, RunControl, Outcome, TaskInfo, LeakInfo, PanicInfo } from "./run.ts";
