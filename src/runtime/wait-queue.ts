// A queue of waiting tasks — Go's sudog queue. Waiters are served first come, first served.
// A select puts one waiter on each of its channels; when one of them wins, the others are
// removed at once (O(1), the list is doubly linked), so a queue never holds a stale waiter and a
// losing select case leaves every other waiter's place intact.

import type { Run } from "./scheduler.ts";
import type { Task } from "./task.ts";
import type { SelectWait } from "./select.ts";

/** What the waiting task wants the value as, once it arrives. */
export const RECV = 0; // the value (undefined once closed)
export const RECV_OK = 1; // [value, ok]
export const RECV_ITER = 2; // { value, done } for `for await`
export const SEND = 3; // `value` is what it sends
export const LOCK = 4; // a mutex or semaphore waiter

export class Waiter {
  prev: Waiter | null = null;
  next: Waiter | null = null;
  queue: WaitQueue | null = null;
  /** The message id of the value being sent (traced runs only). */
  msg = 0;
  constructor(
    readonly task: Task,
    public mode: number,
    public value: unknown,
    readonly sel: SelectWait | null,
    public caseIndex: number,
  ) {}
}

/**
 * The task's waiter for a plain (not select) operation. A task waits on one operation at a time,
 * and its waiter has left every queue by the time it is woken, so one waiter per task is reused
 * instead of allocating one per blocking operation.
 */
export function plainWaiter(run: Run, t: Task, mode: number, value: unknown): Waiter {
  const s = t.waitState(run);
  const w = s.waiter;
  if (w === null || w.queue !== null) return (s.waiter = new Waiter(t, mode, value, null, 0));
  w.mode = mode;
  w.value = value;
  w.msg = 0;
  return w;
}

export class WaitQueue {
  head: Waiter | null = null;
  tail: Waiter | null = null;
  size = 0;

  push(w: Waiter): void {
    w.queue = this;
    w.prev = this.tail;
    w.next = null;
    if (this.tail === null) this.head = w;
    else this.tail.next = w;
    this.tail = w;
    this.size++;
  }

  /** Removes and returns the oldest waiter, or null. */
  shift(): Waiter | null {
    const w = this.head;
    if (w === null) return null;
    this.remove(w);
    return w;
  }

  /** Takes `w` out of this queue wherever it is. */
  remove(w: Waiter): void {
    if (w.queue !== this) return;
    if (w.prev === null) this.head = w.next;
    else w.prev.next = w.next;
    if (w.next === null) this.tail = w.prev;
    else w.next.prev = w.prev;
    w.prev = w.next = null;
    w.queue = null;
    this.size--;
  }

  /** Every waiter, oldest first (for reports; not on hot paths). */
  toArray(): Waiter[] {
    const out: Waiter[] = [];
    for (let w = this.head; w !== null; w = w.next) out.push(w);
    return out;
  }
}
