// How console.log prints, identically in Node and the worker (DESIGN §3): arguments joined by one
// space; strings as they are; numbers, booleans, null, undefined and bigint through String; an
// Error as its message; arrays and plain objects compactly (`[1, 2]`, `{ a: 1, b: "x" }`), with
// strings inside them quoted.

const MAX_DEPTH = 4;
const MAX_ITEMS = 100;

/** Formats console.log's arguments as one line of output. */
export function formatArgs(args: readonly unknown[]): string {
  let s = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) s += " ";
    s += formatTop(args[i]);
  }
  return s;
}

/** One argument at the top level: strings are not quoted there. */
export function formatTop(v: unknown): string {
  return typeof v === "string" ? v : formatValue(v, 0, []);
}

/** A short rendering of a value sent on a channel, for the timeline. */
export function preview(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean" || v === undefined || v === null) return String(v);
  const s = typeof v === "string" ? JSON.stringify(v) : formatValue(v, 1, []);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function formatValue(v: unknown, depth: number, seen: object[]): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
    case "boolean":
    case "undefined":
    case "bigint":
      return String(v);
    case "symbol":
      return v.toString();
    case "function":
      return v.name === "" ? "[Function]" : `[Function ${v.name}]`;
  }
  if (v === null) return "null";
  const o = v as object;
  if (o instanceof Error) return o.message;
  if (seen.includes(o)) return "[Circular]";
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? "Invalid Date" : o.toISOString();
  if (o instanceof RegExp) return String(o);
  if (depth >= MAX_DEPTH) return Array.isArray(o) ? "[Array]" : "[Object]";
  seen.push(o);
  try {
    if (Array.isArray(o)) return `[${items(o.map((x) => formatValue(x, depth + 1, seen)))}]`;
    if (o instanceof Map) {
      const parts = [...o].map(([k, x]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(x, depth + 1, seen)}`);
      return parts.length === 0 ? "Map {}" : `Map { ${items(parts)} }`;
    }
    if (o instanceof Set) {
      const parts = [...o].map((x) => formatValue(x, depth + 1, seen));
      return parts.length === 0 ? "Set {}" : `Set { ${items(parts)} }`;
    }
    const proto = Object.getPrototypeOf(o) as object | null;
    const ctor = proto === null || proto === Object.prototype ? "" : (proto.constructor as { name?: string } | undefined)?.name ?? "";
    const custom = (o as { toString?: () => string }).toString;
    if (ctor !== "" && typeof custom === "function" && custom !== Object.prototype.toString) return custom.call(o);
    const parts = Object.keys(o).map((k) => `${key(k)}: ${formatValue((o as Record<string, unknown>)[k], depth + 1, seen)}`);
    const prefix = ctor === "" ? "" : `${ctor} `;
    return parts.length === 0 ? `${prefix}{}` : `${prefix}{ ${items(parts)} }`;
  } finally {
    seen.pop();
  }
}

function items(parts: string[]): string {
  return parts.length > MAX_ITEMS ? `${parts.slice(0, MAX_ITEMS).join(", ")}, … ${parts.length - MAX_ITEMS} more` : parts.join(", ");
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
}
