// What the worker removes from its global scope before any user code loads (DESIGN §5): every way
// to reach the network, storage, other windows or more threads. Each name is replaced by a getter
// that throws a sentence saying why, so `fetch(url)` in a program ends as a panic on its line
// instead of a silent hang. The worker keeps its own postMessage (taken before lock-down) and
// replaces the global one, so a program cannot forge messages to the page.

export const BLOCKED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "RTCPeerConnection",
  "importScripts",
  "indexedDB",
  "caches",
  "localStorage",
  "sessionStorage",
  "cookieStore",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "ServiceWorker",
  "navigator",
  "postMessage",
  "close",
  "FileReaderSync",
  "Request",
] as const;

function reasonFor(name: string): string {
  switch (name) {
    case "indexedDB":
    case "caches":
    case "localStorage":
    case "sessionStorage":
    case "cookieStore":
      return `${name} is not available in the playground: programs here have no storage. Keep state in variables or channels.`;
    case "Worker":
    case "SharedWorker":
    case "ServiceWorker":
      return `${name} is not available in the playground: start tasks with go() instead of threads.`;
    case "postMessage":
    case "close":
    case "BroadcastChannel":
    case "navigator":
      return `${name} is not available in the playground: programs talk to each other through channels.`;
    default:
      return `${name} is not available in the playground: programs here cannot reach the network. Stand in for I/O with sleep() or a timer.`;
  }
}

/**
 * Replaces each blocked global of `scope` (the worker's `self`) with a throwing getter. Names the
 * scope does not have are defined too, so a program cannot tell them apart.
 */
export function lockDown(scope: object): void {
  for (const name of BLOCKED_GLOBALS) {
    const message = reasonFor(name);
    Object.defineProperty(scope, name, {
      configurable: false,
      enumerable: false,
      get() {
        throw new Error(message);
      },
      set() {
        throw new Error(message);
      },
    });
  }
}
