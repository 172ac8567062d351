// The typings Monaco shows for `import … from "xstate"`: xstate's own declaration files, read
// from the installed package when the site is built (Vite's import.meta.glob with `?raw`), so they
// always match the xstate the sandbox runs. Only the files `index.d.ts` reaches are taken (the
// `graph` and `dev` entry points are separate packages' worth of types nobody imports here);
// `xstate-types.test.ts` checks the set is closed under its imports and that the lessons' state
// machine code type-checks against it. ~170 kB of text (~31 kB gzip), in its own chunk that the
// editor loads after Monaco starts, so opening an editor waits for none of it.

const files = import.meta.glob<string>(["/node_modules/xstate/dist/declarations/src/**/*.d.ts", "!**/graph/**", "!**/dev/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Where "xstate" resolves in the editor's virtual file system (like an installed package). */
export const XSTATE_ENTRY = "file:///node_modules/xstate/index.d.ts";

/** Each declaration file as an extra lib for Monaco's TypeScript: its virtual path and text. */
export const XSTATE_LIBS: readonly { path: string; text: string }[] = [
  { path: XSTATE_ENTRY, text: 'export * from "./dist/declarations/src/index.js";\n' },
  // xstate's types mention the DOM's AbortSignal (fromPromise's `signal`); the editor's lib is
  // "esnext" without the DOM, so the part a program can use is declared here (workers have it).
  {
    path: "file:///node_modules/xstate/abort-signal.d.ts",
    text: "interface AbortSignal {\n  readonly aborted: boolean;\n  readonly reason: unknown;\n  throwIfAborted(): void;\n  addEventListener(type: \"abort\", listener: () => void): void;\n  removeEventListener(type: \"abort\", listener: () => void): void;\n}\n",
  },
  ...Object.entries(files).map(([file, text]) => ({ path: `file://${file}`, text })),
];
