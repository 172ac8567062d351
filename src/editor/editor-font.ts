// The code font of editors below a provider: the slide deck makes it larger for a projector.
// Without a provider, editors use the page size (EDITOR_FONT). The highlighted code shown before
// the editor loads uses the same metrics, so the swap still keeps every line in place.

import { createContext, useContext } from "react";
import { EDITOR_LINE_HEIGHT } from "./editor-types.ts";

export interface EditorFont {
  fontSize: number;
  lineHeight: number;
}

export const EDITOR_FONT: EditorFont = { fontSize: 14, lineHeight: EDITOR_LINE_HEIGHT };

export const EditorFontContext = createContext<EditorFont | null>(null);

export function useEditorFont(): EditorFont {
  return useContext(EditorFontContext) ?? EDITOR_FONT;
}
