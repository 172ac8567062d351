// What each colour, pattern, line and glyph means. Swatches are drawn with the canvas's own
// pattern code, so the legend always matches the picture.

import { useEffect, useRef } from "react";
import { drawPatternTile, readPalette } from "./palette.ts";
import { SEG_STATES, STATE_INFO, type SegState } from "./states.ts";

function Swatch({ state, theme }: { state: SegState; theme: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const p = readPalette(c);
    const dpr = window.devicePixelRatio || 1;
    c.width = 30 * dpr;
    c.height = 16 * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, 30, 16);
    ctx.fillStyle = p.state[state];
    const info = STATE_INFO[state];
    if (info.pattern === "thin") ctx.fillRect(0, 6, 30, 4);
    else ctx.fillRect(0, 1, 30, 14);
    if (info.pattern !== "thin" && info.pattern !== "solid") {
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, 1, 30, 14);
      ctx.clip();
      for (let x = 0; x < 32; x += 8) {
        for (let y = 0; y < 16; y += 8) {
          ctx.save();
          ctx.translate(x, y);
          drawPatternTile(ctx, info.pattern, 8, p.pattern);
          ctx.restore();
        }
      }
      ctx.restore();
    }
  }, [state, theme]);
  return <canvas ref={ref} className="timeline__swatch" aria-hidden="true" />;
}

export function Legend({ theme, states }: { theme: string; states: ReadonlySet<SegState> }) {
  const shown = SEG_STATES.filter((s) => states.has(s) || s === "running" || s === "runnable");
  return (
    <details className="timeline__legend" open>
      <summary>Legend</summary>
      <ul>
        {shown.map((s) => (
          <li key={s}>
            <Swatch state={s} theme={theme} />
            {STATE_INFO[s].label}
          </li>
        ))}
        <li>
          <span className="timeline__glyph timeline__glyph--handoff" aria-hidden="true" />
          hand-off (unbuffered send meets receive)
        </li>
        <li>
          <span className="timeline__glyph timeline__glyph--buffered" aria-hidden="true" />
          buffered delivery (value waited in the buffer)
        </li>
        <li>
          <span className="timeline__glyph timeline__glyph--timer" aria-hidden="true" />
          timer value
        </li>
        <li>
          <span className="timeline__mark" aria-hidden="true">
            ✕
          </span>
          context cancelled / panic
        </li>
        <li>
          <span className="timeline__mark" aria-hidden="true">
            ▾ ● ▮
          </span>
          spawn · print · close
        </li>
        <li>
          <span className="timeline__mark timeline__mark--leak" aria-hidden="true">
            ╱╲
          </span>
          leaked: alive after main returned (dashed line)
        </li>
        <li>
          <span className="timeline__mark timeline__mark--bad" aria-hidden="true">
            ⊘
          </span>
          stuck for good (deadlock)
        </li>
      </ul>
    </details>
  );
}
