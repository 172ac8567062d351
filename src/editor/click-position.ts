// Where in highlighted code (Shiki: one `.line` span per source line inside <code>) a click
// landed, as a 1-based line and column, so the editor that replaces it puts the cursor there.

export interface CodePosition {
  lineNumber: number;
  column: number;
}

/** Line and column of a text offset inside a `<code>` whose lines are separated by "\n". */
export function positionInText(text: string, offset: number): CodePosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { lineNumber: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The position under a click in `container`'s <code>, or undefined when it cannot be told. */
export function positionFromClick(container: HTMLElement, x: number, y: number): CodePosition | undefined {
  const code = container.querySelector("code");
  const doc = container.ownerDocument;
  const caret = doc.caretRangeFromPoint?.(x, y);
  if (!code || !caret || !code.contains(caret.startContainer)) return undefined;
  const range = doc.createRange();
  range.setStart(code, 0);
  range.setEnd(caret.startContainer, caret.startOffset);
  return positionInText(code.textContent ?? "", range.toString().length);
}
