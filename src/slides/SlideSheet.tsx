// One slide drawn in its box: the slide's parts (live playgrounds or static code), its number,
// and the two fitting steps that keep everything on the 16:9 page:
//  - prose slides shrink their text (never below 60 %) until nothing overflows;
//  - code gets the largest font at which every line fits its cell (geometry.codeFontSize), and
//    scrolls inside the slide only when even the smallest readable size is too big.
// A code slide's title sits in a band above both columns (slide-title.ts), so it stays on screen
// while the results column scrolls. A long program shows only its `slide-lines`: the other lines
// fold into one line each (slide-folds.ts), which opens on click or Enter; the code is then
// fitted again. Edit and Run always work on the whole program.

import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { LessonPart, Slide } from "../lessons/types.ts";
import { LessonParts } from "../app/lesson/LessonParts.tsx";
import { codeFontSize, largestFitting, type Box } from "./geometry.ts";
import { foldParts, hasFolds, slideCodeShape } from "./slide-folds.ts";
import { FoldButtons } from "./FoldButtons.tsx";
import { StaticParts } from "./StaticParts.tsx";
import { CodeFontProvider } from "./code-font.tsx";
import { splitTitle } from "./slide-title.ts";

export interface SlideSheetProps {
  slide: Slide;
  total: number;
  box: Box;
  /** Live playgrounds (the audience deck) or static code (previews, print). */
  live: boolean;
  /** The slide is on screen (a hidden one cannot be measured); default true. */
  active?: boolean;
  /** Shown in the corner; off for tiny previews. */
  showNumber?: boolean;
  children?: ReactNode;
}

export function hasCode(parts: LessonPart[]): boolean {
  return parts.some((p) => p.kind !== "html");
}

/** Logical px; multiplied by the box unit. */
const CODE_MIN = 13;
const CODE_MAX = 24;
/** Monaco's line numbers and margins, in characters, beside the longest line. */
const GUTTER_CHARS = 5;

export function SlideSheet({ slide, total, box, live, active = true, showNumber = true, children }: SlideSheetProps) {
  const sheet = useRef<HTMLDivElement>(null);
  const code = hasCode(slide.parts);
  const [openFolds, setOpenFolds] = useState<ReadonlySet<string>>(() => new Set());
  const shape = useMemo(() => slideCodeShape(slide.parts, openFolds), [slide.parts, openFolds]);
  const { titleHtml, rest } = useMemo(() => {
    if (!code) return { titleHtml: undefined, rest: slide.parts };
    const split = splitTitle(slide.parts);
    return { titleHtml: split.titleHtml, rest: foldParts(split.rest, openFolds) };
  }, [code, slide.parts, openFolds]);
  const [codeFont, setCodeFont] = useState<number | undefined>(undefined);
  // Buttons over the fold lines: only where someone can press them.
  const foldButtons = live && active && hasFolds(slide.parts);

  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el || box.width === 0 || !active) return;
    const body = el.querySelector<HTMLElement>(".slide-sheet__body");
    if (!body) return;
    if (!code) {
      // Bisection on --fit: every measurement is one synchronous layout of this slide only.
      const fits = (s: number) => {
        el.style.setProperty("--fit", String(s));
        return body.scrollHeight <= body.clientHeight + 1 && body.scrollWidth <= body.clientWidth + 1;
      };
      el.style.setProperty("--fit", String(largestFitting(fits)));
      return;
    }
    if (!shape) return;
    const cell = el.querySelector<HTMLElement>(live ? ".playground > :first-child" : ".static-code__code");
    if (!cell) return;
    const tabs = cell.querySelector<HTMLElement>("[role='tablist']");
    const width = cell.clientWidth;
    const height = cell.clientHeight - (tabs?.offsetHeight ?? 0);
    const size = codeFontSize(
      { lines: shape.lines, longest: shape.longest + (live ? GUTTER_CHARS : 0) },
      { width, height },
      { min: Math.max(11, CODE_MIN * box.unit), max: Math.max(11, CODE_MAX * box.unit), lineHeight: 1.4, charWidth: 0.6, padX: 28 * box.unit, padY: 28 * box.unit },
    );
    el.style.setProperty("--code-font", `${size}px`);
    setCodeFont(size);
  }, [box.width, box.height, box.unit, code, live, active, shape]);

  return (
    <div ref={sheet} className={`slide-sheet ${code ? "slide-sheet--code" : "slide-sheet--prose"} ${live ? "slide-sheet--live" : "slide-sheet--static"}`}>
      {titleHtml !== undefined && <header className="slide-sheet__title prose" dangerouslySetInnerHTML={{ __html: titleHtml }} />}
      {foldButtons && <FoldButtons sheet={sheet} onOpen={(key) => setOpenFolds((open) => new Set([...open, key]))} />}
      <div className="slide-sheet__body">
        {live ? (
          <CodeFontProvider size={codeFont}>
            <LessonParts parts={rest} />
          </CodeFontProvider>
        ) : (
          <StaticParts parts={rest} />
        )}
      </div>
      {showNumber && (
        <p className="slide-sheet__number" aria-hidden="true">
          {slide.number} / {total}
        </p>
      )}
      {children}
    </div>
  );
}
