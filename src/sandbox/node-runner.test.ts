import { describe, expect, it } from "vitest";
import { runUserSource } from "./node-runner.ts";

async function run(source: string, options = {}) {
  const r = await runUserSource(source, options);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  return r.result;
}

describe("runUserSource", () => {
  it("runs main on the runtime and returns its output", async () => {
    const result = await run(`import { go, chan } from "chanscope";
export default async function main() {
  const c = chan<string>();
  go("sender", async () => { await c.send("hi"); });
  console.log(await c.recv());
}`);
    expect(result.outcome).toBe("ok");
    expect(result.output.map((o) => o.text)).toEqual(["hi"]);
  });

  it("a leak names the line of the blocked operation, not of an awaited argument's helper", async () => {
    const result = await run(`import { go, chan, sleep } from "chanscope";
async function get() { await sleep(10); return 1; }
export default async function main() {
  const ch = chan<number>();
  go("w", async () => { await ch.send(await get()); });
  await sleep(20);
}`);
    expect(result.leaks).toEqual([expect.objectContaining({ name: "w", waitReason: "chan send", loc: expect.objectContaining({ line: 5 }) })]);
  });

  it("a task blocked in a for-await loop reports the loop's line after running its body", async () => {
    const result = await run(`import { go, chan, sleep } from "chanscope";
export default async function main() {
  const ch = chan<number>();
  go("reader", async () => {
    for await (const v of ch) {
      await sleep(v);
    }
  });
  await ch.send(1);
  await sleep(5);
}`);
    expect(result.leaks).toEqual([expect.objectContaining({ name: "reader", waitReason: "chan receive", loc: expect.objectContaining({ line: 5 }) })]);
  });

  it("a panic is reported at the line of the panic() or throw, not the task's last await", async () => {
    for (const [stmt, line] of [["panic(new Error(\"exit status 1\"));", 6], ["throw new Error(\"boom\");", 6]] as const) {
      const result = await run(`import { go, panic, sleep } from "chanscope";
export default async function main() {
  go("server", async () => {
    await sleep(10);
    const broken = true;
    if (broken) ${stmt}
  });
  await sleep(100);
}`);
      expect(result.outcome).toBe("panic");
      expect(result.report).toContain(`server at line ${line}`);
    }
  });

  it("evaluates the module's top level inside the run, so its channels belong to the run", async () => {
    const result = await run(`import { chan } from "chanscope";
const ready = chan<string>(1);
await ready.send("made at top level");
export default async function main() {
  console.log(await ready.recv());
}`);
    expect(result.outcome).toBe("ok");
    expect(result.output.map((o) => o.text)).toEqual(["made at top level"]);
  });

  it("is deterministic: the same program and seed give the same trace", async () => {
    const source = `import { go, chan, select, recv } from "chanscope";
export default async function main() {
  const a = chan<number>(1), b = chan<number>(1);
  for (let i = 0; i < 5; i++) {
    await a.send(i); await b.send(i);
    await select(recv(a, (v) => console.log("a", v)), recv(b, (v) => console.log("b", v)));
    if (a.len) await a.recv(); if (b.len) await b.recv();
  }
}`;
    const one = await run(source, { seed: 7 });
    const two = await run(source, { seed: 7 });
    expect(two.trace).toEqual(one.trace);
  });

  it("returns a compile error instead of running", async () => {
    const r = await runUserSource('import fs from "node:fs";\nexport default function main() {}');
    expect(r.ok).toBe(false);
  });

  it("a program whose default export is not a function ends as a panic that says what to write", async () => {
    const result = await run("export default 42;");
    expect(result.outcome).toBe("panic");
    expect(result.report).toContain("export default async function main()");
  });
});

describe("runUserSource in explore mode", () => {
  it("explore: true lets the seed pick which runnable task goes first; without it the order is FIFO", async () => {
    const source = `import { go, sleep } from "chanscope";
export default async function main() {
  go("a", async () => { await sleep(10); console.log("a"); });
  go("b", async () => { await sleep(10); console.log("b"); });
  await sleep(20);
}`;
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const fifo = await run(source, { seed });
      expect(fifo.output.map((o) => o.text).join("")).toBe("ab");
      orders.add((await run(source, { seed, explore: true })).output.map((o) => o.text).join(""));
    }
    expect([...orders].sort()).toEqual(["ab", "ba"]);
  });
});

describe("runUserSource with xstate", () => {
  it("gives user actors the virtual clock: an after-delay fires at its virtual time", async () => {
    const result = await run(`import { createMachine, createActor } from "xstate";
import { sleep, now } from "chanscope";
export default async function main() {
  const m = createMachine({ id: "light", initial: "red", states: { red: { after: { 100: "green" } }, green: {} } });
  const actor = createActor(m).start();
  await sleep(150);
  console.log(now(), actor.getSnapshot().value);
}`);
    expect(result.output.map((o) => o.text)).toEqual(["150 green"]);
    expect(result.trace.some((e) => e.kind === "fsm.transition")).toBe(true);
  });
});
