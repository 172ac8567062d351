// The Monaco editor for one program (lazy chunk: import it through LazyCodeEditor). It grows with
// its content, so it takes the room the highlighted code took and the page does not jump; its
// theme follows <html data-theme>; Ctrl/Cmd+Enter and Shift+Enter run, Shift+Alt+F formats,
// Esc hands focus back to the page (keyboard users are never trapped in the editor).

import { useEffect, useRef } from "react";
import { monaco } from "./monaco-setup.ts";
import { useEditorFont } from "./editor-font.ts";
import { EDITOR_PADDING, type EditorMarker } from "./editor-types.ts";

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  /** Esc in the editor (no widget open): move focus out, e.g. to the Run button. */
  onEscape(): void;
  /** Our markers (compile errors, panics); Monaco's TypeScript diagnostics come on their own. */
  markers: EditorMarker[];
  /** Accessible name, e.g. "Code of example: A timeout helper". */
  label: string;
  /** Unique per program on the page, e.g. "example-leaky-timeout". */
  modelName: string;
  /** Focus the editor once it exists (it replaced code the user clicked or focused). */
  autoFocus?: boolean;
  /** Where the user clicked in the highlighted code, to put the cursor there. */
  initialPosition?: { lineNumber: number; column: number };
  /** The line the run's timeline cursor is at: highlighted and kept in view, focus untouched. */
  currentLine?: number;
  /** Tells the owner the editor exists (for reveal-line requests and focus). */
  onReady?(editor: monaco.editor.IStandaloneCodeEditor): void;
}

const MARKER_OWNER = "chanscope";
const MAX_HEIGHT = 640;

function siteTheme(): string {
  return document.documentElement.dataset.theme === "dark" ? "vs-dark" : "vs";
}

/** Every editor on the page follows the site theme (Monaco's theme is global). */
function followSiteTheme(): () => void {
  monaco.editor.setTheme(siteTheme());
  const observer = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

export default function CodeEditor(props: CodeEditorProps) {
  const font = useEditorFont();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Callbacks change every render; the editor's commands read the latest through this ref.
  const latest = useRef(props);
  const fontRef = useRef(font);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const { value, modelName, label, autoFocus, initialPosition } = latest.current;
    const { fontSize, lineHeight } = fontRef.current;
    const uri = monaco.Uri.parse(`file:///${modelName}.ts`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, "typescript", uri);
    if (model.getValue() !== value) model.setValue(value);
    const editor = monaco.editor.create(element, {
      model,
      ariaLabel: label,
      fontSize,
      lineHeight,
      padding: { top: EDITOR_PADDING, bottom: EDITOR_PADDING },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: 2,
      renderLineHighlight: "line",
      fixedOverflowWidgets: true,
      scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      overviewRulerLanes: 0,
      lineNumbersMinChars: 3,
      tabFocusMode: false,
      accessibilitySupport: "auto",
    });
    editorRef.current = editor;
    const stopTheme = followSiteTheme();

    const fit = () => {
      const height = Math.min(editor.getContentHeight(), MAX_HEIGHT);
      element.style.height = `${height}px`;
    };
    fit();
    const sizeListener = editor.onDidContentSizeChange(fit);
    const changeListener = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));

    const run = () => latest.current.onRun();
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, run);
    // Shift+Alt+F formats on every platform (Monaco's own default on Linux is Ctrl+Shift+I).
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => {
      void editor.getAction("editor.action.formatDocument")?.run();
    });
    // Only when no suggestion list, find box or hover is open: then Esc closes that first.
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => latest.current.onEscape(),
      "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !inSnippetMode && !markersNavigationVisible",
    );

    if (initialPosition) editor.setPosition(initialPosition);
    if (autoFocus) editor.focus();
    latest.current.onReady?.(editor);

    return () => {
      sizeListener.dispose();
      changeListener.dispose();
      stopTheme();
      editor.dispose();
      editorRef.current = null;
      // The model stays (keyed by modelName) so undo history survives a remount.
    };
  }, []);

  useEffect(() => {
    fontRef.current = font;
    editorRef.current?.updateOptions({ fontSize: font.fontSize, lineHeight: font.lineHeight });
  }, [font]);

  // Outside edits (Reset, picking another example) replace the text as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === props.value) return;
    editor.pushUndoStop();
    editor.executeEdits("chanscope", [{ range: model.getFullModelRange(), text: props.value }]);
    editor.pushUndoStop();
  }, [props.value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      props.markers.map((m) => ({
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.line,
        endColumn: m.endColumn ?? model.getLineMaxColumn(Math.min(Math.max(m.line, 1), model.getLineCount())),
        message: m.message,
        severity: m.severity === "warning" ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      })),
    );
  }, [props.markers]);

  const currentLine = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    currentLine.current ??= editor.createDecorationsCollection();
    const line = props.currentLine;
    if (line === undefined || line < 1 || line > model.getLineCount()) {
      currentLine.current.clear();
      return;
    }
    currentLine.current.set([{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: "code-editor__current-line", linesDecorationsClassName: "code-editor__current-gutter" } }]);
    editor.revealLineInCenterIfOutsideViewport(line);
  }, [props.currentLine]);

  return <div ref={host} className="code-editor" data-testid="code-editor" data-current-line={props.currentLine} />;
}
