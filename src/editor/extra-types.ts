// Type declarations the editor adds besides chanscope's own (chanscope.d.ts, generated from the
// runtime). The sandbox has no DOM, so the editor's TypeScript uses lib "esnext" plus these.

/** What a program can call on the sandbox's global scope (console output is captured per task). */
export const SANDBOX_GLOBALS_TYPES = `
interface Console {
  /** Prints a line to the playground's output, stamped with the task and the virtual time. */
  log(...data: unknown[]): void;
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  info(...data: unknown[]): void;
}
declare var console: Console;
`;

/** Until xstate's own declarations (xstate-types.ts) have loaded, its imports are typed loosely. */
export const XSTATE_TYPES = `declare module "xstate";\n`;
