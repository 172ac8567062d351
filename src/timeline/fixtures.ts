// Programs whose real traces the timeline's tests, screenshots and benchmark use. Each shows one
// thing a learner must be able to read off the timeline.

export const DEADLOCK = `import { go, chan } from "chanscope";
export default async function main() {
  const results = chan<number>(0, "results");
  const done = chan<void>(0, "done");
  go("worker", async () => {
    await results.send(42);
    await done.recv();
  });
  await done.recv();
  console.log(await results.recv());
}`;

/** DESIGN §3's example, with main living on so the leak is reported where it gets stuck. */
export const LEAK = `import { go, chan, sleep, select, recv, context } from "chanscope";
export default async function main() {
  const results = chan<string>(0, "results");
  go("search", async () => { await sleep(200); await results.send("some value"); });
  const [ctx, cancel] = context.withTimeout(context.background(), 100);
  try {
    await select(
      recv(results, (v) => console.log("Received:", v)),
      recv(ctx.done(), () => console.log("search canceled")),
    );
  } finally { cancel(); }
  await sleep(300);
}`;

/** A task still sleeping when main returns: after that the runtime drains it post-mortem. */
export const DRAIN = `import { go, sleep } from "chanscope";
export default async function main() {
  go("saver", async () => { await sleep(50); console.log("saved"); await sleep(50); });
  await sleep(20);
}`;

/** A cancel at 30 ms spreads from "request" to "step" (its child) and wakes three listeners. */
export const CANCEL_TREE = `import { go, sleep, select, recv, after, context, WaitGroup } from "chanscope";
export default async function main() {
  const [request, cancel] = context.withCancel(context.background());
  const [step, cancelStep] = context.withTimeout(request, 500);
  const wg = new WaitGroup();
  wg.add(3);
  go("listener", async () => {
    await request.done()!.recv();
    wg.done();
  });
  go("worker", async () => {
    await step.done()!.recv();
    await sleep(40);
    wg.done();
  });
  go("poller", async () => {
    for (;;) {
      const stop = await select(recv(step.done(), () => true), recv(after(25), () => false));
      if (stop) break;
    }
    wg.done();
  });
  await sleep(30);
  cancel();
  await wg.wait();
  cancelStep();
}`;

export const BUFFERED_VS_UNBUFFERED = `import { go, chan } from "chanscope";
export default async function main() {
  const handoff = chan<number>(0, "handoff");
  const queue = chan<number>(3, "queue");
  go("producer", async () => {
    await handoff.send(1);
    for (let i = 0; i < 3; i++) await queue.send(i);
    queue.close();
  });
  console.log(await handoff.recv());
  for await (const v of queue) console.log(v);
}`;

export const BUSY_LOOP = `import { go, chan, select, recv, defaultCase, sleep } from "chanscope";
export default async function main() {
  const done = chan<void>();
  go("spinner", async () => {
    let spins = 0;
    while (spins < 3000) {
      const stop = await select(recv(done, () => true), defaultCase(() => false));
      if (stop) return;
      spins++;
    }
  });
  await sleep(5);
  done.close();
}`;

/** About `events` trace events: `workers` tasks ping-pong values with main over channels and sleep. */
export function manyEvents(workers: number, rounds: number): string {
  return `import { go, chan, sleep } from "chanscope";
export default async function main() {
  const jobs = chan<number>(4, "jobs");
  const results = chan<number>(0, "results");
  for (let w = 0; w < ${workers}; w++) {
    go("worker-" + w, async () => {
      for await (const j of jobs) { await sleep(j % 3); await results.send(j * 2); }
    });
  }
  go("feeder", async () => {
    for (let i = 0; i < ${workers * rounds}; i++) await jobs.send(i);
    jobs.close();
  });
  let sum = 0;
  for (let i = 0; i < ${workers * rounds}; i++) sum += await results.recv();
  console.log(sum);
}`;
}

/** An XState machine on the virtual clock: idle → waiting → done, the last step after 50 ms. */
export const STATE_MACHINE = `import { createMachine, createActor } from "xstate";
import { sleep } from "chanscope";
export default async function main() {
  const machine = createMachine({
    id: "door",
    initial: "closed",
    states: {
      closed: { on: { OPEN: "open" } },
      open: { after: { 50: "closed" } },
    },
  });
  const actor = createActor(machine).start();
  await sleep(10);
  actor.send({ type: "OPEN" });
  await sleep(100);
}`;

/** A sender that retries every 3 s by re-entering its state (a self-transition), then connects at 7 s. */
export const STATE_MACHINE_RETRY = `import { createMachine, createActor } from "xstate";
import { sleep } from "chanscope";
export default async function main() {
  const actor = createActor(createMachine({
    id: "sender",
    initial: "synSent",
    states: { synSent: { after: { 3000: { target: "synSent", reenter: true } }, on: { SYN_ACK: "established" } }, established: {} },
  })).start();
  await sleep(7000);
  actor.send({ type: "SYN_ACK" });
}`;
