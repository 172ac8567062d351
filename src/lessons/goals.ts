// Exercise goals: `goals="outcome=ok; leaks=0; maxMs=150; prints=all 10 saved"`.
// Each goal is a check the page runs after every run; `text` is what the checklist shows.
import type { Goal, Outcome } from "./types.ts";

export const outcomes: readonly Outcome[] = ["ok", "deadlock", "panic", "limit", "signal"];
export const goalKeys = ["outcome", "leaks", "maxMs", "prints"] as const;

export type GoalsResult = { ok: true; goals: Goal[] } | { ok: false; message: string };

const wholeNumber = /^\d+$/;

export function parseGoals(spec: string): GoalsResult {
  const goals: Goal[] = [];
  const seen = new Set<string>();
  for (const raw of spec.split(";")) {
    const item = raw.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    if (eq <= 0) {
      return fail(`goal "${item}" is not key=value; write goals like goals="outcome=ok; leaks=0; maxMs=150; prints=done"`);
    }
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (seen.has(key) && key !== "prints") return fail(`goal "${key}" is given twice; keep one`);
    seen.add(key);
    switch (key) {
      case "outcome":
        if (!(outcomes as readonly string[]).includes(value)) {
          return fail(`goal outcome=${value} is not an outcome; use one of: ${outcomes.join(", ")}`);
        }
        goals.push({ kind: "outcome", value: value as Outcome, text: `Ends with outcome "${value}"` });
        break;
      case "leaks":
      case "maxMs": {
        if (!wholeNumber.test(value)) return fail(`goal ${key}=${value} must be a whole number`);
        const n = Number(value);
        goals.push(
          key === "leaks"
            ? { kind: "leaks", value: n, text: n === 0 ? "Leaves no task running (no leaks)" : `Leaves exactly ${n} task${n === 1 ? "" : "s"} running` }
            : { kind: "maxVirtualMs", value: n, text: `Finishes within ${n} ms of virtual time` },
        );
        break;
      }
      case "prints":
        if (value === "") return fail(`goal prints= needs the line of output to look for`);
        goals.push({ kind: "prints", value, text: `Prints "${value}"` });
        break;
      default:
        return fail(`unknown goal "${key}"; allowed goals: ${goalKeys.join(", ")}`);
    }
  }
  if (goals.length === 0) return fail(`the exercise has no goals; add goals="outcome=ok; leaks=0" (allowed: ${goalKeys.join(", ")})`);
  return { ok: true, goals };
}

function fail(message: string): GoalsResult {
  return { ok: false, message };
}
