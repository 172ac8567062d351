import { useMemo, type ReactNode } from "react";
import { EditorFontContext } from "../editor/editor-font.ts";

/**
 * Gives the editors on a slide (Monaco and the highlighted code it replaces) the font size the
 * slide computed for its code; `undefined` (not measured yet) leaves the page's own size.
 */
export function CodeFontProvider({ size, children }: { size: number | undefined; children: ReactNode }) {
  const value = useMemo(() => (size ? { fontSize: Math.round(size), lineHeight: Math.round(size * 1.4) } : null), [size]);
  return <EditorFontContext.Provider value={value}>{children}</EditorFontContext.Provider>;
}
