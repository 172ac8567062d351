// The hunt worker: runs one program on seed after seed in explore mode, untraced, until a run
// shows the bug (findFailingSeed), and reports the seed. The page then runs that seed in the
// ordinary sandbox, traced, so the learner sees the failing run on the timeline.
//
// Like worker.ts it imports the runtime, xstate and the compiler first, then locks down its
// globals, and loads the program from a blob: URL (no eval). One worker per hunt: the page
// terminates it when the hunt ends, is stopped, or stops answering (a program that never yields).

import * as xstate from "xstate";
import * as chanscope from "../runtime/index.ts";
import { run } from "../runtime/run.ts";
import { withVirtualClock } from "../runtime/xstate.ts";
import { compileUserModule } from "./compile.ts";
import { bugShown, findFailingSeed } from "./find-failing-seed.ts";
import { isToHuntWorker, type FromHuntWorker, type HuntRequest } from "./hunt-protocol.ts";
import { factoryModuleSource, requireFrom, type ModuleFactory } from "./module-factory.ts";
import { lockDown } from "./sandbox-globals.ts";
import { mainOf } from "./user-main.ts";

/** Fewer steps than an ordinary run allows: a hunt runs hundreds of programs. */
const HUNT_STEPS = 1_000_000;

const post: (message: FromHuntWorker) => void = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);
const requireAllowed = requireFrom({ chanscope, xstate: withVirtualClock(xstate) });
lockDown(self);

let busy = false;

async function importFactory(js: string): Promise<ModuleFactory> {
  const url = URL.createObjectURL(new Blob([factoryModuleSource(js)], { type: "text/javascript" }));
  try {
    return ((await import(/* @vite-ignore */ url)) as { default: ModuleFactory }).default;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function hunt(request: HuntRequest): Promise<void> {
  const compiled = compileUserModule(request.source);
  if (!compiled.ok) {
    post({ type: "compile-error", ...compiled.error });
    return;
  }
  const factory = await importFactory(compiled.js);
  const result = await findFailingSeed(
    (seed) =>
      run(
        async () => {
          const exports: Record<string, unknown> = {};
          await factory(requireAllowed, exports);
          return mainOf(exports)();
        },
        { seed, explore: true, trace: false, signals: request.signals, limits: { steps: HUNT_STEPS } },
      ),
    bugShown(request.goals),
    { fromSeed: request.fromSeed, tries: request.tries, onProgress: (tried, seed) => post({ type: "progress", tried, seed }) },
  );
  post(result.found ? { type: "found", seed: result.seed, tried: result.tried, reason: result.reason } : { type: "exhausted", tried: result.tried });
}

listen("message", (event: MessageEvent) => {
  if (!isToHuntWorker(event.data) || busy) return; // only the page posts here; one hunt per worker
  busy = true;
  const { type: _type, ...request } = event.data;
  hunt(request).catch((e: unknown) => post({ type: "failure", message: `The hunt stopped: ${e instanceof Error ? e.message : String(e)}` }));
});

post({ type: "ready" });
