// Keyboard shortcuts of the deck and the presenter window: one table, read by the key handler,
// the help dialog (`?`) and the tests, so the list a presenter sees is the list that works.
// Single keys without modifiers (as in reveal.js and Slidev), never while typing in an editor or
// a field, and never a key a focused control needs for itself (Space and Enter on a button).

import type { KeyPress } from "../app/lesson/shortcuts.ts";

export type { KeyPress };

export type DeckAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "first" }
  | { type: "last" }
  | { type: "digit"; digit: number }
  | { type: "jump" }
  | { type: "overview" }
  | { type: "back" }
  | { type: "fullscreen" }
  | { type: "presenter" }
  | { type: "blackout" }
  | { type: "laser" }
  | { type: "zoom" }
  | { type: "help" };

type Simple = Exclude<DeckAction, { type: "digit" }>["type"];

export interface Shortcut {
  keys: string[];
  /** How the keys are shown in the help, when not simply the keys themselves. */
  label?: string[];
  action: Simple | "digit";
  description: string;
  /** Where it works: the audience deck, the presenter window, or both. */
  where: "both" | "deck";
}

export const deckShortcuts: readonly Shortcut[] = [
  { keys: ["ArrowRight", " ", "PageDown"], label: ["→", "Space", "PageDown"], action: "next", description: "Next slide", where: "both" },
  { keys: ["ArrowLeft", "PageUp"], label: ["←", "PageUp"], action: "previous", description: "Previous slide", where: "both" },
  { keys: ["Home"], action: "first", description: "First slide", where: "both" },
  { keys: ["End"], action: "last", description: "Last slide", where: "both" },
  { keys: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], label: ["0–9", "Enter"], action: "digit", description: "Type a slide number, then Enter: go to that slide", where: "both" },
  { keys: ["o"], action: "overview", description: "Overview of all slides", where: "deck" },
  { keys: ["Escape"], label: ["Esc"], action: "back", description: "Close the overview, or back to the article at this slide", where: "both" },
  { keys: ["f"], action: "fullscreen", description: "Full screen on and off", where: "both" },
  { keys: ["s"], action: "presenter", description: "Open the presenter window", where: "deck" },
  { keys: ["b"], action: "blackout", description: "Black out the screen (again to come back)", where: "both" },
  { keys: ["l"], action: "laser", description: "Laser pointer on and off", where: "both" },
  { keys: ["z"], action: "zoom", description: "Code slide: results and timeline fill the slide (again: the code comes back)", where: "deck" },
  { keys: ["?"], action: "help", description: "Show these shortcuts", where: "both" },
];

const keyToShortcut = new Map<string, Shortcut>();
for (const s of deckShortcuts) for (const k of s.keys) keyToShortcut.set(k, s);

export interface DeckKeyPress extends KeyPress {
  /** The focused element is a control that Space/Enter activate (a button, link, summary, tab). */
  onControl: boolean;
  /** Digits typed so far (a jump waits for Enter). */
  pendingDigits: string;
}

/** The deck action a key press asks for, or null when the key is not the deck's. */
export function deckActionFor(press: DeckKeyPress): DeckAction | null {
  if (press.inEditable || press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === "Enter") return press.pendingDigits && !press.onControl ? { type: "jump" } : null;
  if (press.key === " " && press.onControl) return null;
  // Shift+letter is a different key ("O", "F"): only "?" needs Shift, and it is its own key.
  const found = keyToShortcut.get(press.key);
  if (!found) return null;
  if (found.action === "digit") return { type: "digit", digit: Number(press.key) };
  return { type: found.action };
}

/** The slide number typed digits ask for, or null when it is not one of 1…total. */
export function slideFromDigits(digits: string, total: number): number | null {
  if (!/^[0-9]{1,4}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= total ? n : null;
}

/** Whether focus is on a control that handles Space/Enter itself. */
export function isActivatableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest("button, a[href], summary, [role='button'], [role='tab'], input, select") !== null;
}
