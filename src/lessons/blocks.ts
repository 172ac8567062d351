// Runnable blocks: a fence with kind example/exercise/solution becomes an Example, an Exercise
// or a solution CodeView. Attribute values are checked here; problems carry file lines.
import type { ProblemList } from "./errors.ts";
import { checkRunnableSource, readOutputBlock } from "./example-source.ts";
import type { FenceInfo } from "./fence-info.ts";
import { outcomes, parseGoals } from "./goals.ts";
import { highlightCode } from "./highlight.ts";
import { parseSlideLines, programLineCount } from "./slide-lines.ts";
import type { CodeView, Example, Exercise, Outcome, Signal } from "./types.ts";

export interface Fence {
  /** The code between the fences. */
  source: string;
  info: FenceInfo;
  /** 1-based line of the opening fence. */
  line: number;
}

/** The block's code, highlighted; with `problems`, its `slide-lines` attribute is read too. */
export function codeView(fence: Fence, problems?: ProblemList): CodeView {
  const view: CodeView = { source: fence.source, html: highlightCode(fence.source, fence.info.lang), lang: fence.info.lang, line: fence.line };
  const raw = fence.info.attrs["slide-lines"];
  if (raw !== undefined && problems) {
    const read = parseSlideLines(raw, programLineCount(fence.source));
    if (read.ok) view.slideLines = read.ranges;
    else problems.add(fence.line, read.message);
  }
  return view;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const wholeNumber = /^\d+$/;
const signalPattern = /^(SIG[A-Z0-9]+)@(\d+)$/;

/**
 * Attributes kept as they are in `attrs` (the typed fields hold the rest). `explore=true`: the
 * run uses the runtime's explore mode, so `seed` picks an interleaving; `hunt=true`: the page
 * offers "Run until it fails" (the handshake lesson's race examples).
 */
const passThrough = ["signals", "live", "explore", "hunt"];
const booleanAttributes = ["live", "explore", "hunt"];

interface Common {
  id: string;
  title: string;
  seed: number;
  attrs: Record<string, string>;
  signals?: Signal[];
  live?: boolean;
}

function readCommon(fence: Fence, problems: ProblemList): Common {
  const { attrs } = fence.info;
  const kind = fence.info.kind ?? "example";
  const id = attrs.id;
  if (id !== "" && !idPattern.test(id)) {
    problems.add(fence.line, `${kind} id "${id}" must be lowercase kebab-case, e.g. id=leaky-timeout`);
  }
  const common: Common = {
    id,
    title: attrs.title,
    seed: wholeNumberAttr(fence, "seed", 1, problems),
    attrs: Object.fromEntries(Object.entries(attrs).filter(([k]) => passThrough.includes(k))),
  };
  if (attrs.signals !== undefined) common.signals = readSignals(fence, attrs.signals, problems);
  for (const name of booleanAttributes) {
    const value = attrs[name];
    if (value !== undefined && value !== "true" && value !== "false") problems.add(fence.line, `${name}=${value} must be true or false`);
  }
  if (attrs.live !== undefined) common.live = attrs.live === "true";
  return common;
}

function wholeNumberAttr(fence: Fence, name: string, fallback: number, problems: ProblemList): number {
  const raw = fence.info.attrs[name];
  if (raw === undefined) return fallback;
  if (!wholeNumber.test(raw)) {
    problems.add(fence.line, `${name}=${raw} must be a whole number (0, 1, 2 …)`);
    return fallback;
  }
  return Number(raw);
}

function readSignals(fence: Fence, raw: string, problems: ProblemList): Signal[] {
  const signals: Signal[] = [];
  for (const item of raw.split(",").map((s) => s.trim())) {
    const m = signalPattern.exec(item);
    if (!m) {
      problems.add(fence.line, `signals="${raw}" is not a list like "SIGTERM@1200,SIGINT@3000" (signal name @ virtual ms)`);
      return [];
    }
    signals.push({ signal: m[1], atMs: Number(m[2]) });
  }
  return signals;
}

function checkSource(fence: Fence, what: string, problems: ProblemList): void {
  for (const p of checkRunnableSource(fence.source, what)) problems.add(fence.line + 1 + p.offset, p.message);
}

export function readExample(fence: Fence, go: CodeView | undefined, problems: ProblemList): Example {
  const common = readCommon(fence, problems);
  const expectRaw = fence.info.attrs.expect ?? "ok";
  if (!(outcomes as readonly string[]).includes(expectRaw)) {
    problems.add(fence.line, `expect=${expectRaw} is not an outcome; use one of: ${outcomes.join(", ")}`);
  }
  if (expectRaw === "signal" && !common.signals?.length && !common.live) {
    problems.add(fence.line, `expect=signal needs a signal to arrive: add signals="SIGTERM@<virtual ms>" (or live=true for a learner's button)`);
  }
  checkSource(fence, `example "${common.id}"`, problems);
  const out = readOutputBlock(fence.source);
  if (!out.ok) problems.add(fence.line + 1 + out.problem.offset, out.problem.message);
  const example: Example = {
    ...common,
    code: codeView(fence, problems),
    expect: expectRaw as Outcome,
    leaks: wholeNumberAttr(fence, "leaks", 0, problems),
  };
  if (go) example.go = go;
  if (out.ok && out.output) example.output = out.output;
  return example;
}

export function readExercise(fence: Fence, go: CodeView | undefined, problems: ProblemList): Exercise {
  const common = readCommon(fence, problems);
  checkSource(fence, `exercise "${common.id}"`, problems);
  const goals = parseGoals(fence.info.attrs.goals ?? "");
  if (!goals.ok) problems.add(fence.line, goals.message);
  if (goals.ok && goals.goals.some((g) => g.kind === "outcome" && g.value === "signal") && !common.signals?.length && !common.live) {
    problems.add(fence.line, `goal outcome=signal needs a signal to arrive: add signals="SIGTERM@<virtual ms>" (or live=true for a learner's button)`);
  }
  const exercise: Exercise = { ...common, code: codeView(fence, problems), goals: goals.ok ? goals.goals : [], hints: [] };
  if (go) exercise.go = go;
  return exercise;
}

export function readSolution(fence: Fence, problems: ProblemList): CodeView {
  checkSource(fence, `the solution of "${fence.info.attrs.for}"`, problems);
  return codeView(fence);
}
