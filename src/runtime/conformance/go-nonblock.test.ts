// Port of Go's test/chan/nonblock.go: non-blocking sends and receives (select with a default)
// succeed exactly when a partner or buffer space is there, for several value types and for
// unbuffered and buffered channels.
import { describe, it } from "vitest";
import { chan, defaultCase, go, recv, select, send, sleep, type Chan } from "../index.ts";
import { check, runOk } from "./harness.ts";

/** Go's `select { case c <- v: ok = true; default: }`. */
function trySend<T>(c: Chan<T>, v: T): Promise<boolean> {
  return select(
    send(c, v, () => true),
    defaultCase(() => false),
  );
}

/** Go's `select { case v, ok = <-c: default: }`: [value, true] if a value was taken now. */
function tryRecv<T>(c: Chan<T>): Promise<[T | undefined, boolean]> {
  return select(
    recv(c, (v: T | undefined): [T | undefined, boolean] => [v, true]),
    defaultCase((): [T | undefined, boolean] => [undefined, false]),
  );
}

/** Lets every other task run until it blocks (Go's test sleeps on a ticker and yields). */
const settle = (): Promise<void> => sleep(1);

async function exercise<T>(buffer: number, received: T, sent: T): Promise<void> {
  const c = chan<T>(buffer);
  const strobe = chan<boolean>();

  check(!(await tryRecv(c))[1], `buffer ${buffer}: receive on an empty channel did not block`);

  go("receiver", async () => {
    check((await c.recv()) === received, "receiver got the wrong value");
    await strobe.send(true);
  });
  await settle();
  check(await trySend(c, received), `buffer ${buffer}: send to a waiting receiver blocked`);
  await strobe.recv();

  go("sender", async () => {
    await c.send(sent);
    await strobe.send(true);
  });
  if (buffer > 0) await strobe.recv();
  else await settle();
  const [v, ok] = await tryRecv(c);
  check(ok, `buffer ${buffer}: receive from a ready sender blocked`);
  check(v === sent, `buffer ${buffer}: received ${String(v)}, want ${String(sent)}`);
  if (buffer === 0) await strobe.recv();
}

describe("nonblock.go", () => {
  for (const buffer of [0, 1]) {
    it(`non-blocking operations succeed exactly when a partner is ready (buffer ${buffer})`, async () => {
      await runOk(async () => {
        await exercise<number>(buffer, 123, 234);
        await exercise<bigint>(buffer, 123456n, 234567n);
        await exercise<boolean>(buffer, true, true);
        await exercise<string>(buffer, "hello", "hello again");
      });
    });
  }
});
