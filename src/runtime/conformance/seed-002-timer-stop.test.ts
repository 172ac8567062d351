// The timer.Stop race of seed 002 ("Lessons learned from programming in Go", a UDP handshake's
// timeout handler), replayed on chanscope: the runtime must reproduce the bug deterministically,
// and the article's fixes must fix it — including the deadlock of the unbuffered cancel channel.
import { describe, expect, it } from "vitest";
import { after, afterFunc, chan, defaultCase, go, Mutex, now, recv, select, send, sleep, type Chan } from "../index.ts";
import { runOk, runProgram } from "./harness.ts";

const SYN_TIMEOUT = 3000;

describe("seed 002: TimeoutHandler on afterFunc", () => {
  it("stop() after the timer's function started returns false, and a lock does not prevent the stale callback", async () => {
    const log: string[] = [];
    await runOk(async () => {
      const stateLock = new Mutex();
      const sessionTimeout = new Map<string, { name: string; stop(): boolean }>();
      let synSent = 0;

      // Register: schedule the callback; the SYN callback resends and reschedules itself.
      const registerSyn = (session: string): void => {
        const name = `syn-${++synSent}`;
        const timer = afterFunc(SYN_TIMEOUT, async () => {
          await stateLock.lock();
          try {
            log.push(`${now()}: ${name} callback resends SYN`);
            registerSyn(session);
          } finally {
            stateLock.unlock();
          }
        });
        sessionTimeout.set(session, { name, stop: () => timer.stop() });
      };

      registerSyn("s1");
      // Thread 1 gets a SYN-ACK just before the timeout and holds the state lock while handling it.
      await sleep(SYN_TIMEOUT - 1);
      await stateLock.lock();
      await sleep(2); // the timer expires meanwhile: its function starts and waits for the lock
      const stopped = sessionTimeout.get("s1")?.stop();
      log.push(`${now()}: cancel ${sessionTimeout.get("s1")?.name}: stop() = ${String(stopped)}`);
      sessionTimeout.set("s1", { name: "ack-timeout", stop: () => true });
      stateLock.unlock();

      await sleep(10);
      log.push(`${now()}: map holds ${sessionTimeout.get("s1")?.name}`);
      sessionTimeout.get("s1")?.stop();
    });
    expect(log).toEqual([
      "3001: cancel syn-1: stop() = false",
      "3001: syn-1 callback resends SYN",
      "3011: map holds syn-2",
    ]);
  });

  it("stop() before expiry returns true and the callback never runs", async () => {
    let ran = false;
    await runOk(async () => {
      const t = afterFunc(SYN_TIMEOUT, () => void (ran = true));
      await sleep(SYN_TIMEOUT - 1);
      expect(t.stop()).toBe(true);
      await sleep(SYN_TIMEOUT);
    });
    expect(ran).toBe(false);
  });
});

/** The article's Register with a cancel channel, checked again once the lock is held. */
function registerWithCancel(stateLock: Mutex, cancelChan: Chan<void>, callback: () => void): void {
  go("timeout", async () => {
    const fired = await select(
      recv(cancelChan, () => false),
      recv(after(SYN_TIMEOUT), () => true),
    );
    if (!fired) return;
    await stateLock.lock();
    try {
      await select(recv(cancelChan), defaultCase(callback));
    } finally {
      stateLock.unlock();
    }
  });
}

describe("seed 002: the cancel channel", () => {
  it("checking the cancel channel after taking the lock stops a callback whose timer already fired", async () => {
    let callbacks = 0;
    const r = await runOk(async () => {
      const stateLock = new Mutex();
      const cancelChan = chan<void>(1);
      registerWithCancel(stateLock, cancelChan, () => void callbacks++);
      await sleep(SYN_TIMEOUT - 1);
      await stateLock.lock();
      await sleep(2);
      await select(send(cancelChan, undefined), defaultCase());
      stateLock.unlock();
      await sleep(10);
    });
    expect(callbacks).toBe(0);
    expect(r.leaks).toEqual([]);
  });

  it("two cancels on an unbuffered cancel channel deadlock: the second send has no receiver", async () => {
    const r = await runProgram(async () => {
      const stateLock = new Mutex();
      const cancelChan = chan<void>();
      registerWithCancel(stateLock, cancelChan, () => {});
      await sleep(10);
      await cancelChan.send(undefined); // a link-down event cancels
      await cancelChan.send(undefined); // a control packet cancels too: nobody listens any more
    });
    expect(r.outcome).toBe("deadlock");
    expect(r.tasks.find((t) => t.parent === null)?.waitReason).toBe("chan send");
    expect(r.report).toContain("all goroutines are asleep - deadlock!");
  });

  it("a buffered cancel channel with a non-blocking send lets any number of cancels through", async () => {
    const r = await runOk(async () => {
      const stateLock = new Mutex();
      const cancelChan = chan<void>(1);
      let callbacks = 0;
      registerWithCancel(stateLock, cancelChan, () => void callbacks++);
      await sleep(10);
      for (let i = 0; i < 3; i++) await select(send(cancelChan, undefined), defaultCase());
      await sleep(SYN_TIMEOUT);
      expect(callbacks).toBe(0);
    });
    expect(r.leaks).toEqual([]);
  });
});
