// Keyboard shortcuts of the lesson page. Single keys without modifiers, as in Slidev and reveal.js,
// and never while the reader types (an input, a textarea, a contenteditable such as Monaco).
// Alt+←/→ are left alone on purpose: browsers use them for Back and Forward.

export type LessonAction = "previous-lesson" | "next-lesson" | "present" | "help";

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** True when focus is in something that takes text. */
  inEditable: boolean;
}

export const lessonShortcuts: readonly { keys: string[]; action: LessonAction; description: string }[] = [
  { keys: ["["], action: "previous-lesson", description: "Previous lesson" },
  { keys: ["]"], action: "next-lesson", description: "Next lesson" },
  { keys: ["p"], action: "present", description: "Present as slides, from the section you are reading" },
  { keys: ["?"], action: "help", description: "Show these shortcuts" },
];

/** The action a key press asks for on a lesson page, or null when it is not a shortcut. */
export function lessonActionFor(press: KeyPress): LessonAction | null {
  if (press.inEditable || press.altKey || press.ctrlKey || press.metaKey) return null;
  const found = lessonShortcuts.find((s) => s.keys.includes(press.key));
  return found ? found.action : null;
}

/** Whether an event target takes typed text, so single-key shortcuts must not fire. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // Monaco takes text through an EditContext element, which is neither an input nor contenteditable.
  if ((target as HTMLElement & { editContext?: unknown }).editContext || target.closest(".monaco-editor")) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "reset", "submit", "range", "color", "file", "image"].includes(type);
}
