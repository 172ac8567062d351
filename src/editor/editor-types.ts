// Shared by the lazy editor and the page that hosts it (kept out of the Monaco chunk).

/** A problem to show on a line: a compile error or a runtime panic (1-based line and column). */
export interface EditorMarker {
  line: number;
  column: number;
  endColumn?: number;
  message: string;
  severity: "error" | "warning";
}

/** The editor and the highlighted code it replaces use the same metrics, so the swap does not move the page. */
export const EDITOR_LINE_HEIGHT = 22;
export const EDITOR_PADDING = 16;
