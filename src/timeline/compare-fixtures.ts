// Programs the comparison's tests and screenshots run twice: two seeds of one program, and a
// program before and after the edit that fixes it.

import { LEAK } from "./fixtures.ts";

/** Which buffered value a select takes depends on the seed: seed 1 picks "fast" and ends ok at
 *  100 ms; seed 2 picks "slow", and main waits for good on `done` (a deadlock at 300 ms). */
export const SEEDED = `import { go, chan, select, recv, sleep } from "chanscope";
export default async function main() {
  const fast = chan<string>(1, "fast");
  const slow = chan<string>(1, "slow");
  const done = chan<void>(0, "done");
  await fast.send("fast");
  await slow.send("slow");
  const picked = await select(recv(fast, (v) => v), recv(slow, (v) => v));
  console.log("picked", picked);
  go("worker", async () => {
    await sleep(picked === "fast" ? 100 : 300);
    if (picked === "fast") await done.send();
  });
  await done.recv();
  console.log("done");
}`;

/** LEAK after the edit that fixes it: the result channel has room, so "search" never waits. */
export const LEAK_FIXED = LEAK.replace(`chan<string>(0, "results")`, `chan<string>(1, "results")`);
