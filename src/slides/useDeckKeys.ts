// The deck's key handler (audience and presenter windows): maps keys to actions through the
// shortcut table, collects digits for "number then Enter", and stays out of the way of editors,
// fields, open dialogs and keys a focused control handles itself.

import { useEffect, useRef, useState } from "react";
import { isEditableTarget } from "../app/lesson/shortcuts.ts";
import { deckActionFor, isActivatableTarget, slideFromDigits, type DeckAction } from "./shortcuts.ts";

/** Typed digits are forgotten after this long without another digit or Enter. */
const DIGITS_MS = 2500;

/**
 * Monaco takes keys through an EditContext element that is neither an input nor contenteditable,
 * so "is the user typing?" also asks whether focus is inside an editor.
 */
function inCodeEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(".monaco-editor, .code-editor") !== null;
}

export type DeckCommand = Exclude<DeckAction, { type: "digit" } | { type: "jump" }> | { type: "goto"; slide: number };

export function useDeckKeys(total: number, onCommand: (command: DeckCommand) => void): { digits: string } {
  const [digits, setDigits] = useState("");
  const latest = useRef({ total, onCommand, digits });
  useEffect(() => {
    latest.current = { total, onCommand, digits };
  });

  useEffect(() => {
    if (!digits) return;
    const timer = setTimeout(() => setDigits(""), DIGITS_MS);
    return () => clearTimeout(timer);
  }, [digits]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const { total, onCommand, digits } = latest.current;
      const action = deckActionFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inEditable: isEditableTarget(event.target) || inCodeEditor(event.target),
        onControl: isActivatableTarget(event.target),
        pendingDigits: digits,
      });
      if (!action) return;
      event.preventDefault();
      if (action.type === "digit") {
        setDigits((d) => (d + String(action.digit)).slice(-4));
        return;
      }
      if (action.type === "jump") {
        const slide = slideFromDigits(digits, total);
        setDigits("");
        if (slide !== null) onCommand({ type: "goto", slide });
        return;
      }
      setDigits("");
      onCommand(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return { digits };
}
