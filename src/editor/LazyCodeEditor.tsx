// Highlighted code that becomes a Monaco editor on the first click, Enter or "Edit" (focus alone
// starts loading it). Until then no Monaco code is loaded; while it loads, the same highlighted
// code stays in place, and the editor takes exactly its height, so nothing on the page moves.

import { Fragment, lazy, Suspense, useEffect, useRef, useState, type CSSProperties, type MouseEvent, type ReactNode, type RefObject } from "react";
import type { CodeEditorProps } from "./CodeEditor.tsx";
import { positionFromClick, type CodePosition } from "./click-position.ts";
import { useEditorFont } from "./editor-font.ts";
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
  const font = useEditorFont();
  useStaticCurrentLine(staticRef, active ? undefined : editorProps.currentLine);
  const fontStyle = { "--code-font-size": `${font.fontSize}px`, "--code-line-height": `${font.lineHeight}px` } as CSSProperties;

  const staticView = (interactive: boolean) => (
    <div
      ref={interactive ? staticRef : undefined}
      className="code-editor-static"
      style={fontStyle}
      tabIndex={interactive ? 0 : -1}
      role={interactive ? "button" : undefined}
      aria-label={interactive ? `${editorProps.label}. Press Enter to edit.` : undefined}
      onMouseDown={interactive ? (e: MouseEvent) => {
        setClicked(staticRef.current ? positionFromClick(staticRef.current, e.clientX, e.clientY) : undefined);
      } : undefined}
      onClick={interactive ? () => { setFocusOnLoad(true); onActivate(); } : undefined}
      // Focus only starts loading the editor: swapping on focus would take Tab away from
      // keyboard users passing by (and drop focus to <body> mid-swap).
      onFocus={interactive ? preloadEditor : undefined}
      onKeyDown={interactive ? (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setFocusOnLoad(true); onActivate(); } } : undefined}
    >
      {html ? (
        <div className="code-view" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className="code-view">
          <pre>
            <code>
              {editorProps.value.split("\n").map((text, i) => (
                <Fragment key={i}>
                  {i > 0 && "\n"}
                  <span className="line">{text}</span>
                </Fragment>
              ))}
            </code>
          </pre>
        </div>
      )}
    </div>
  );

  if (!active) return staticView(true);
  return (
    <Suspense fallback={<HoldFocus active={focusOnLoad}>{staticView(false)}</HoldFocus>}>
      <CodeEditor {...editorProps} autoFocus={focusOnLoad} initialPosition={clicked} />
    </Suspense>
  );
}

/** Marks the timeline cursor's line in the highlighted code (Shiki gives one span.line per line). */
function useStaticCurrentLine(ref: RefObject<HTMLDivElement | null>, line: number | undefined): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || line === undefined) return;
    const el = root.querySelectorAll<HTMLElement>(".code-view .line")[line - 1];
    if (!el) return;
    el.classList.add("code-view__current");
    return () => el.classList.remove("code-view__current");
  }, [ref, line]);
}

/** While the editor loads, keeps focus on the code the user chose to edit (not on <body>). */
function HoldFocus({ active, children }: { active: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return (
    <div ref={ref} tabIndex={-1} className="code-editor-loading" aria-busy="true">
      {children}
    </div>
  );
}
