// The location instrumenter: rewrites transpiled user code so the runtime knows which line of the
// user's source each task is at, without capturing stacks (DESIGN §4: a stack costs more than a
// channel operation). It only inserts text and never inserts a newline, so lines stay where
// sucrase left them, which is where the user wrote them.
//
// The location must be set after the operation's operands are evaluated and just before the
// operation itself is called: an operand may await something else (`await ch.send(await get())`),
// and that inner await sets its own location. So the mark goes on the last thing evaluated before
// the call, through `__locv(L, C, v)`, which records the location and returns v:
//
//   await ch.send(a, b)          →  await ch.send(a, __locv(L, C, b))        (last argument)
//   await ch.recv()              →  await __locv(L, C, ch).recv()            (no arguments: the receiver)
//   await X (anything else)      →  await (__loc(L, C), X)
//   go(name, fn) / wg.go(fn)     →  go(name, __locv(L, C, fn))               (the spawn's line)
//   panic(v) / throw v           →  panic(__locv(L, C, v)) / throw __locv(L, C, v)   (a panic's line)
//   for await (const v of ch) B  →  for await (const v of __locv(L, C, ch)) try B finally { __loc(L, C); }
//                                   (each iteration blocks in the loop head, so the loop's line is
//                                    restored after the body, even after `continue`)
//
// L is the user's 1-based line and C the 0-based column of the `await`/call/`for` (the trace's Loc
// convention, src/runtime/trace.ts). Compile errors, shown in the editor, use 1-based columns.

import type { Node } from "acorn";
import type { Position } from "./source-map.ts";

/** The name the instrumented code calls; the compiler imports it from "chanscope". */
export const LOC_FUNCTION = "__loc";
/** `__locv(line, column, value)`: records the location, returns the value (defined by the compiler). */
export const LOC_VALUE_FUNCTION = "__locv";

/** A text edit on the transpiled code: insert `text` at `pos`. */
export interface Edit {
  pos: number;
  text: string;
  /** Openers at one position go outer-first; closers inner-first. */
  kind: "open" | "close";
  seq: number;
}

type AnyNode = Node & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** Visits every node of an ESTree tree in source order, parents before children. */
export function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "loc") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit);
    } else if (isNode(value)) {
      walk(value, visit);
    }
  }
}

function isGoCall(node: AnyNode): boolean {
  if (node.type !== "CallExpression") return false;
  const callee = node.callee as AnyNode;
  if (callee.type === "Identifier") return callee.name === "go";
  if (callee.type === "MemberExpression" && !callee.computed) {
    const property = callee.property as AnyNode;
    return property.type === "Identifier" && property.name === "go";
  }
  return false;
}

function isPanicCall(node: AnyNode): boolean {
  return node.type === "CallExpression" && (node.callee as AnyNode).type === "Identifier" && (node.callee as AnyNode).name === "panic";
}

/**
 * The edits that instrument a program parsed from transpiled code. `toUser` maps a position in
 * that code (1-based line, 0-based column, from acorn's `locations`) to the user's source.
 */
export function locEdits(program: AnyNode, toUser: (p: Position) => Position): Edit[] {
  const edits: Edit[] = [];
  let seq = 0;
  const open = (pos: number, text: string) => edits.push({ pos, text, kind: "open", seq: seq++ });
  const close = (pos: number, text: string) => edits.push({ pos, text, kind: "close", seq: seq++ });
  const locCall = (node: AnyNode) => {
    const start = node.loc?.start;
    const user = start ? toUser({ line: start.line, column: start.column }) : { line: 0, column: 0 };
    return `${LOC_FUNCTION}(${user.line}, ${user.column})`;
  };

  /** Marks `node` so the location is recorded right after it is evaluated. */
  const markValue = (node: AnyNode, at: AnyNode) => {
    open(node.start, `${LOC_VALUE_FUNCTION}(${locArgs(at)}, `);
    close(node.end, ")");
  };
  const locArgs = (node: AnyNode) => {
    const start = node.loc?.start;
    const user = start ? toUser({ line: start.line, column: start.column }) : { line: 0, column: 0 };
    return `${user.line}, ${user.column}`;
  };

  /** Marks a call just before it happens; false when the call has no place to put the mark. */
  const markCall = (call: AnyNode, at: AnyNode): boolean => {
    const args = call.arguments as AnyNode[];
    const last = args[args.length - 1];
    if (last) {
      markValue(last.type === "SpreadElement" ? (last.argument as AnyNode) : last, at);
      return true;
    }
    const callee = call.callee as AnyNode;
    if (callee.type === "MemberExpression" && (callee.object as AnyNode).type !== "Super") {
      markValue(callee.object as AnyNode, at);
      return true;
    }
    return false;
  };

  walk(program, (node) => {
    if (node.type === "AwaitExpression") {
      const argument = node.argument as AnyNode;
      if (argument.type === "CallExpression" && markCall(argument, node)) return;
      open(argument.start, `(${locCall(node)}, `);
      close(argument.end, ")");
    } else if (isGoCall(node) || isPanicCall(node)) {
      markCall(node, node);
    } else if (node.type === "ThrowStatement") {
      // A panic is reported at the task's location: make it the throw's line.
      markValue(node.argument as AnyNode, node);
    } else if (node.type === "ForOfStatement" && node.await === true) {
      const call = locCall(node);
      markValue(node.right as AnyNode, node);
      const body = node.body as AnyNode;
      const block = body.type === "BlockStatement";
      open(body.start, block ? "try " : "try { ");
      close(body.end, `${block ? "" : " }"} finally { ${call}; }`);
    }
  });
  return edits;
}

/** Applies edits to `js`. None inserts a newline, so every line keeps its number. */
export function applyEdits(js: string, edits: Edit[]): string {
  // Closers before openers at one position (a node ends where the next begins); openers in
  // visiting order (outer first), closers in reverse (inner first).
  const sorted = [...edits].sort((a, b) => {
    if (a.pos !== b.pos) return a.pos - b.pos;
    if (a.kind !== b.kind) return a.kind === "close" ? -1 : 1;
    return a.kind === "open" ? a.seq - b.seq : b.seq - a.seq;
  });
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += js.slice(at, edit.pos) + edit.text;
    at = edit.pos;
  }
  return out + js.slice(at);
}
