// `slide-lines="8-31"` on an example or exercise (or on the ```go original right before one):
// the lines its slide shows. The article and every run keep the whole program; on the slide the
// lines outside these ranges fold into one quiet line each, which the presenter can open.
// Lines are those of the code block, counted from 1 (as the editor numbers them); a trailing
// `// Output:` block is never shown on a slide, so ranges must end before it.
import type { LineRange } from "./types.ts";

const item = /^(\d+)(?:\s*-\s*(\d+))?$/;

export type SlideLinesResult = { ok: true; ranges: LineRange[] } | { ok: false; message: string };

/**
 * Reads `raw` ("8-31", "3-5, 12-30", "12") for a program of `programLines` lines. Ranges must be
 * inside the program, ascending and apart (touching ranges are fine: "3-5, 6-9"), and must hide
 * something.
 */
export function parseSlideLines(raw: string, programLines: number): SlideLinesResult {
  const attr = `slide-lines="${raw}"`;
  const ranges: LineRange[] = [];
  for (const text of raw.split(",").map((s) => s.trim())) {
    const m = item.exec(text);
    if (!m) {
      return { ok: false, message: `${attr} is not a list of line ranges like "8-31" or "3-5, 12-30" (lines of the code block, counted from 1)` };
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1) return { ok: false, message: `${attr}: lines are counted from 1, so "${text}" cannot start at line 0` };
    if (to < from) return { ok: false, message: `${attr}: the range "${text}" runs backwards; write "${to}-${from}"` };
    if (to > programLines) {
      return {
        ok: false,
        message: `${attr}: the range "${text}" goes past the program's last line (${programLines}; a trailing // Output: block does not count)`,
      };
    }
    const previous = ranges[ranges.length - 1];
    if (previous && from <= previous.to) {
      const before = `${previous.from}-${previous.to}`;
      return {
        ok: false,
        message:
          from < previous.from
            ? `${attr}: the ranges must be in ascending order, but "${text}" comes after "${before}"`
            : `${attr}: the range "${text}" overlaps "${before}"; ranges must not share lines`,
      };
    }
    ranges.push({ from, to });
  }
  const shown = ranges.reduce((n, r) => n + r.to - r.from + 1, 0);
  if (shown === programLines) return { ok: false, message: `${attr} shows every line of the program; drop the attribute` };
  return { ok: true, ranges };
}

const outputMarker = /^\s*\/\/\s*Output:/;

/**
 * How many lines a slide can show of this code block: all of them, less a trailing `// Output:`
 * comment block and the blank lines before it (the playground starts from the same lines).
 */
export function programLineCount(source: string): number {
  const lines = source.replace(/\n+$/, "").split("\n");
  const marker = lines.findIndex((l) => outputMarker.test(l));
  let end = marker < 0 ? lines.length : marker;
  while (end > 0 && lines[end - 1].trim() === "") end--;
  return end;
}
