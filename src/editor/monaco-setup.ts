// Monaco, configured once for the whole page. This module is only ever imported dynamically (by
// CodeEditor.tsx, itself lazy), so reading a lesson loads none of it. Tree-shakeable entry points
// keep out the languages we never show; the editor and TypeScript workers are bundled by Vite
// (`?worker`), which Monaco needs to be told about through MonacoEnvironment.getWorker.

import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import {
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  typescriptDefaults,
} from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import chanscopeTypes from "./chanscope.d.ts?raw";
import { SANDBOX_GLOBALS_TYPES, XSTATE_TYPES } from "./extra-types.ts";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker();
  },
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  lib: ["esnext"],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowNonTsExtensions: true,
});
typescriptDefaults.setEagerModelSync(true);
// "chanscope" resolves like an installed package; its doc comments give hover docs.
typescriptDefaults.addExtraLib(chanscopeTypes, "file:///node_modules/chanscope/index.d.ts");
typescriptDefaults.addExtraLib(SANDBOX_GLOBALS_TYPES, "file:///sandbox-globals.d.ts");
// "xstate" gets xstate's own declarations (~31 kB gzip, a chunk of their own, fetched while the
// editor starts). Until they arrive a loose shim keeps `import … from "xstate"` from being an error;
// an ambient module would shadow the real files, so the shim goes when they come.
const xstateShim = typescriptDefaults.addExtraLib(XSTATE_TYPES, "file:///node_modules/@types/xstate-shim/index.d.ts");
void import("./xstate-types.ts").then(
  ({ XSTATE_LIBS }) => {
    xstateShim.dispose();
    for (const lib of XSTATE_LIBS) typescriptDefaults.addExtraLib(lib.text, lib.path);
  },
  () => undefined, // offline after the editor loaded: xstate stays loosely typed
);

export { monaco };
