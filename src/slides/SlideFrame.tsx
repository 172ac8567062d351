// A 16:9 slide box fitted into whatever room its parent gives it (letterboxed), and the unit
// (device px per logical px) that everything inside is sized by (see geometry.ts for why the
// slide is scaled by font size rather than a transform).

import { useRef, type CSSProperties, type ReactNode } from "react";
import { fitBox, type Box } from "./geometry.ts";
import { useElementSize } from "./useElementSize.ts";

export interface SlideFrameProps {
  children: (box: Box) => ReactNode;
  className?: string;
  /** Below this unit (a phone held upright) the slide gives up 16:9 and flows at a readable size. */
  flowBelow?: number;
  /** A picture of a slide (previews): nothing inside takes focus or clicks. */
  inert?: boolean;
  /** Put the box at the top of its area instead of centring it (presenter view). */
  top?: boolean;
}

export function SlideFrame({ children, className = "", flowBelow = 0, inert = false, top = false }: SlideFrameProps) {
  const area = useRef<HTMLDivElement>(null);
  const size = useElementSize(area);
  const fitted = fitBox(size);
  const flow = flowBelow > 0 && size.width > 0 && fitted.unit < flowBelow && size.height > size.width;
  const box: Box = flow ? { width: size.width, height: size.height, left: 0, top: 0, unit: Math.max(0.5, size.width / 700) } : fitted;
  const style = {
    left: box.left,
    top: top ? 0 : box.top,
    width: box.width,
    height: flow ? undefined : box.height,
    minHeight: flow ? box.height : undefined,
    "--u": box.unit,
  } as CSSProperties;
  return (
    <div ref={area} className={`slide-frame ${flow ? "slide-frame--flow" : ""} ${className}`} inert={inert} aria-hidden={inert || undefined}>
      {size.width > 0 && (
        <div className="slide-frame__box" style={style}>
          {children(box)}
        </div>
      )}
    </div>
  );
}
