// Downloads: the trace as Chrome Trace Event JSON (opens in Perfetto / chrome://tracing) and the
// current view as a PNG or an SVG, for slides.

import { toChromeTrace, type TraceEvent } from "../runtime/trace.ts";

export function chromeTraceJson(trace: readonly TraceEvent[]): string {
  return JSON.stringify(toChromeTrace(trace));
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadChromeTrace(trace: readonly TraceEvent[], name: string): void {
  download(new Blob([chromeTraceJson(trace)], { type: "application/json" }), `${name}.trace.json`);
}

export function downloadPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (blob !== null) download(blob, `${name}.png`);
  }, "image/png");
}

export function downloadSvg(svg: string, name: string): void {
  download(new Blob([svg], { type: "image/svg+xml" }), `${name}.svg`);
}

/** A file-name-safe version of a title. */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chanscope-run";
}
