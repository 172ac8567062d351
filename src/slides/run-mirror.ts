// The presenter's "Run" acts on the audience's playground through the page's public surface only
// (DESIGN §2: a playground's run button is a <button> named "Run"; its outcome is the element
// with role="status"), so the slides need nothing from the playground's internals.

import type { RunMirror } from "./sync-protocol.ts";

function exampleFigure(root: ParentNode, exampleId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`#${CSS.escape(`example-${exampleId}`)}`);
}

/** Presses Run on an example's playground; false when the example is not on the page. */
export function pressRun(root: ParentNode, exampleId: string): boolean {
  const figure = exampleFigure(root, exampleId);
  const button = figure ? [...figure.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Run") : undefined;
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

/** What an example's playground shows about its run, or undefined when it is not on the page. */
export function readRunStatus(root: ParentNode, exampleId: string): RunMirror | undefined {
  const status = exampleFigure(root, exampleId)?.querySelector<HTMLElement>("[role='status']");
  if (!status) return undefined;
  const text = (status.textContent ?? "").replace(/\s+/g, " ").trim();
  return { busy: /--busy\b/.test(status.className) || text.startsWith("⋯"), text };
}

/**
 * Calls `onChange(exampleId, status)` for each example in `root` whose run status changes (and
 * once for each at the start), until the returned function is called.
 */
export function watchRunStatus(root: HTMLElement, exampleIds: string[], onChange: (exampleId: string, status: RunMirror) => void): () => void {
  const last = new Map<string, string>();
  const check = () => {
    for (const id of exampleIds) {
      const status = readRunStatus(root, id);
      if (!status) continue;
      const key = `${status.busy}|${status.text}`;
      if (last.get(id) === key) continue;
      last.set(id, key);
      onChange(id, status);
    }
  };
  check();
  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
