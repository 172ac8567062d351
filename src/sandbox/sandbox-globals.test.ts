import { describe, expect, it } from "vitest";
import { BLOCKED_GLOBALS, lockDown } from "./sandbox-globals.ts";

describe("lockDown", () => {
  it("makes network, storage and thread APIs throw a sentence naming them", () => {
    const scope: Record<string, unknown> = { fetch: () => "network", XMLHttpRequest: class {} };
    lockDown(scope);
    expect(() => (scope.fetch as () => unknown)()).toThrow("fetch is not available in the playground: programs here cannot reach the network");
    expect(() => scope.indexedDB).toThrow("indexedDB is not available in the playground: programs here have no storage");
    expect(() => scope.Worker).toThrow("start tasks with go()");
  });

  it("cannot be undone by assignment or redefinition", () => {
    const scope: Record<string, unknown> = {};
    lockDown(scope);
    expect(() => {
      scope.fetch = () => "mine";
    }).toThrow();
    expect(() => Object.defineProperty(scope, "fetch", { value: 1 })).toThrow(TypeError);
  });

  it("shadows APIs the scope inherits from its prototype (as a worker's do)", () => {
    const proto = { get WebSocket() { return class {}; } };
    const scope = Object.create(proto) as Record<string, unknown>;
    lockDown(scope);
    expect(() => scope.WebSocket).toThrow("WebSocket is not available");
  });

  it("blocks importScripts and postMessage, so programs cannot load code or forge messages", () => {
    expect(BLOCKED_GLOBALS).toContain("importScripts");
    expect(BLOCKED_GLOBALS).toContain("postMessage");
  });
});
