import { useEffect, useRef } from "react";
import { isEditableTarget, lessonActionFor, type LessonAction } from "./shortcuts.ts";

/** Calls `onAction` for the lesson page's single-key shortcuts (see shortcuts.ts). */
export function useLessonShortcuts(onAction: (action: LessonAction) => void): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const action = lessonActionFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inEditable: isEditableTarget(event.target),
      });
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
