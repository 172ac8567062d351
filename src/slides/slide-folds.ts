// A slide's runnable parts as the slide shows them: each program's code (and its Go original)
// with the lines outside its `slide-lines` folded away, and the shape the code then has, from
// which SlideSheet sizes the code font. Pure: the open folds come in, folded parts go out.
import type { CodeView, LessonPart } from "../lessons/types.ts";
import { startingCode } from "../app/playground/source-text.ts";
import { codeShape, type CodeShape } from "./geometry.ts";
import { foldedShape, foldHtml, foldsFor, type Fold } from "./code-folds.ts";

/** The folds of one code view, named `<block>/<tab>/<index>` so a slide can remember which are open. */
interface ViewFolds {
  prefix: string;
  folds: Fold[];
}

/** The lines the slide can show: the playground starts from the code without its `// Output:` block. */
function shownSource(view: CodeView, runnable: boolean): string {
  return runnable ? startingCode(view.source) : view.source.replace(/\n+$/, "");
}

function viewFolds(view: CodeView, prefix: string, runnable: boolean): ViewFolds {
  const source = shownSource(view, runnable);
  const folds = view.slideLines ? foldsFor(source, view.slideLines, source.split("\n").length) : [];
  return { prefix, folds };
}

function foldView(view: CodeView, vf: ViewFolds, open: ReadonlySet<string>): CodeView {
  if (vf.folds.length === 0) return view;
  const key = (i: number) => `${vf.prefix}/${i}`;
  return { ...view, html: foldHtml(view.html, vf.folds, { key, isOpen: (i) => open.has(key(i)) }) };
}

function shapeOf(view: CodeView, vf: ViewFolds, open: ReadonlySet<string>, runnable: boolean): CodeShape {
  const source = shownSource(view, runnable);
  if (vf.folds.length === 0) return codeShape(source);
  return foldedShape(source, vf.folds, (i) => open.has(`${vf.prefix}/${i}`));
}

interface Block {
  id: string;
  code: CodeView;
  go?: CodeView;
}

function blockOf(part: LessonPart): Block | undefined {
  return part.kind === "example" ? part.example : part.kind === "exercise" ? part.exercise : undefined;
}

/** Whether any program of these parts folds lines away on its slide. */
export function hasFolds(parts: readonly LessonPart[]): boolean {
  return parts.some((part) => {
    const block = blockOf(part);
    return block !== undefined && (block.code.slideLines !== undefined || block.go?.slideLines !== undefined);
  });
}

/** The parts with each program's hidden lines folded; parts without `slide-lines` come back as they are. */
export function foldParts(parts: readonly LessonPart[], open: ReadonlySet<string>): LessonPart[] {
  return parts.map((part) => {
    const block = blockOf(part);
    if (!block || (!block.code.slideLines && !block.go?.slideLines)) return part;
    const code = foldView(block.code, viewFolds(block.code, `${block.id}/ts`, true), open);
    const go = block.go && foldView(block.go, viewFolds(block.go, `${block.id}/go`, false), open);
    if (part.kind === "example") return { kind: "example", example: { ...part.example, code, ...(go ? { go } : {}) } };
    if (part.kind === "exercise") return { kind: "exercise", exercise: { ...part.exercise, code, ...(go ? { go } : {}) } };
    return part;
  });
}

/**
 * The shape of the code a slide shows: its tallest and widest program (TypeScript or Go tab),
 * counting each closed fold as one line. Undefined when the slide has no program.
 */
export function slideCodeShape(parts: readonly LessonPart[], open: ReadonlySet<string> = new Set()): CodeShape | undefined {
  const shapes: CodeShape[] = [];
  for (const part of parts) {
    const block = blockOf(part);
    if (!block) continue;
    shapes.push(shapeOf(block.code, viewFolds(block.code, `${block.id}/ts`, true), open, true));
    if (block.go) shapes.push(shapeOf(block.go, viewFolds(block.go, `${block.id}/go`, false), open, false));
  }
  if (shapes.length === 0) return undefined;
  return { lines: Math.max(...shapes.map((s) => s.lines)), longest: Math.max(...shapes.map((s) => s.longest)) };
}
