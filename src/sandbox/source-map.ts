// Maps positions in sucrase's output back to the user's TypeScript.
// Sucrase keeps every line where it was but shortens lines when it removes types
// (`const c: Chan<number> = chan<number>(1)` becomes `const c = chan(1)`), so columns
// need its token-level source map. Only the `mappings` field of a version-3 map is read.

/** A position; `line` is 1-based, `column` is 0-based (as acorn reports them). */
export interface Position {
  line: number;
  column: number;
}

/** One mapping segment: generated column → original line/column (all 0-based). */
interface Segment {
  genColumn: number;
  srcLine: number;
  srcColumn: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Map([...BASE64].map((ch, i) => [ch, i]));

/** Decodes one line's comma-separated Base64-VLQ groups into arrays of (relative) numbers. */
function decodeGroups(line: string): number[][] {
  const groups: number[][] = [];
  for (const group of line.split(",")) {
    if (group === "") continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of group) {
      const digit = BASE64_VALUE.get(ch);
      if (digit === undefined) throw new Error(`source map: invalid Base64 character "${ch}"`);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    groups.push(values);
  }
  return groups;
}

/** Decodes a source map's `mappings` string into per-line segment lists (index 0 = line 1). */
function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  // Source line and column are relative to the previous segment across lines; the generated
  // column restarts at 0 on each line.
  let srcLine = 0;
  let srcColumn = 0;
  for (const text of mappings.split(";")) {
    const segments: Segment[] = [];
    let genColumn = 0;
    for (const g of decodeGroups(text)) {
      genColumn += g[0] ?? 0;
      if (g.length >= 4) {
        srcLine += g[2] ?? 0;
        srcColumn += g[3] ?? 0;
        segments.push({ genColumn, srcLine, srcColumn });
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Returns a function from a generated position to the original one. A position inside a token
 * maps to the token's original start plus the offset into it; a position on a line with no
 * segments (or before the first) keeps its line and column, which is right for sucrase.
 */
export function originalPositionFor(mappings: string): (p: Position) => Position {
  const lines = decodeMappings(mappings);
  return ({ line, column }) => {
    const segments = lines[line - 1] ?? [];
    let best: Segment | undefined;
    for (const s of segments) {
      if (s.genColumn > column) break;
      best = s;
    }
    if (!best) return { line, column };
    return { line: best.srcLine + 1, column: best.srcColumn + (column - best.genColumn) };
  };
}
