// The errors the runtime throws into user code. A GoPanic is Go's panic: it unwinds the task and,
// if nothing catches it, ends the program with outcome "panic". RunOver is thrown into a task that
// keeps running after its program ended (a fatal error, a limit, a stop), so it unwinds quietly.

/** A Go panic. `value` is what was passed to `panic()` (or the runtime's message). */
export class GoPanic extends Error {
  readonly value: unknown;
  constructor(message: string, value: unknown = message) {
    super(message);
    this.name = "GoPanic";
    this.value = value;
  }
}

/** Thrown into code that runs after its program ended; never reported as a panic. */
export class RunOver extends Error {
  constructor() {
    super("chanscope: this program has already ended");
    this.name = "RunOver";
  }
}

// Go's own messages, verbatim.
export const MSG = {
  sendClosed: "send on closed channel",
  closeClosed: "close of closed channel",
  closeNil: "close of nil channel",
  deadlock: "all goroutines are asleep - deadlock!",
  negativeWaitGroup: "sync: negative WaitGroup counter",
  unlockUnlocked: "sync: unlock of unlocked mutex",
  rUnlockUnlocked: "sync: RUnlock of unlocked RWMutex",
  unlockUnlockedRW: "sync: Unlock of unlocked RWMutex",
  makechanSize: "makechan: size out of range",
} as const;
