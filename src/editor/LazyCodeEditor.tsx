// Highlighted code that becomes a Monaco editor on the first click, focus or "Edit". Until then
// no Monaco code is loaded; while it loads, the same highlighted code stays in place, and the
// editor takes exactly its height, so nothing on the page moves.

import { lazy, Suspense, useRef, useState, type MouseEvent } from "react";
import type { CodeEditorProps } from "./CodeEditor.tsx";
import { positionFromClick, type CodePosition } from "./click-position.ts";
import "./code-editor.css";

const CodeEditor = lazy(() => import("./CodeEditor.tsx"));

/** Starts loading the editor chunk (e.g. on hover) without showing it. */
export function preloadEditor(): void {
  void import("./CodeEditor.tsx");
}

export interface LazyCodeEditorProps extends Omit<CodeEditorProps, "autoFocus" | "initialPosition"> {
  /** Build-time highlighted HTML of `value`, when `value` is still the lesson's code. */
  html?: string;
  /** The editor is wanted (the owner's "Edit" button, or a click/focus here). */
  active: boolean;
  onActivate(): void;
}

export function LazyCodeEditor({ html, active, onActivate, ...editorProps }: LazyCodeEditorProps) {
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  const [clicked, setClicked] = useState<CodePosition | undefined>(undefined);
  const staticRef = useRef<HTMLDivElement>(null);

  const staticView = (interactive: boolean) => (
    <div
      ref={interactive ? staticRef : undefined}
      className="code-editor-static"
      tabIndex={interactive ? 0 : -1}
      role={interactive ? "button" : undefined}
      aria-label={interactive ? `${editorProps.label}. Press Enter to edit.` : undefined}
      onMouseDown={interactive ? (e: MouseEvent) => {
        setClicked(staticRef.current ? positionFromClick(staticRef.current, e.clientX, e.clientY) : undefined);
      } : undefined}
      onClick={interactive ? () => { setFocusOnLoad(true); onActivate(); } : undefined}
      onFocus={interactive ? () => { setFocusOnLoad(true); onActivate(); } : undefined}
      onKeyDown={interactive ? (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setFocusOnLoad(true); onActivate(); } } : undefined}
    >
      {html ? (
        <div className="code-view" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className="code-view">
          <pre>
            <code>{editorProps.value}</code>
          </pre>
        </div>
      )}
    </div>
  );

  if (!active) return staticView(true);
  return (
    <Suspense fallback={staticView(false)}>
      <CodeEditor {...editorProps} autoFocus={focusOnLoad} initialPosition={clicked} />
    </Suspense>
  );
}
