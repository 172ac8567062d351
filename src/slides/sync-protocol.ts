// Messages between the windows showing one lesson's slides (the audience deck on the projector,
// the presenter window on the laptop), over a BroadcastChannel named per lesson. Every window
// checks what it receives: another tab of the site, an older build or a stray script can post on
// the same channel, and a malformed message must be dropped, not crash the deck.

import type { Point } from "./gestures.ts";

export type Role = "audience" | "presenter";

/** What the audience's playground shows for a run (its role=status text), mirrored to the presenter. */
export interface RunMirror {
  busy: boolean;
  text: string;
}

export type SyncMessage =
  /** A window opened (or reloaded) and asks who is there. */
  | { type: "hello"; from: string; role: Role; slide: number }
  /** Answer to hello, and a heartbeat every few seconds. */
  | { type: "here"; from: string; role: Role; slide: number; blackout: boolean }
  | { type: "goto"; from: string; slide: number }
  /** The presenter asks the audience to run an example on its slide. */
  | { type: "run"; from: string; exampleId: string }
  | { type: "run-status"; from: string; exampleId: string; status: RunMirror }
  | { type: "pointer"; from: string; point: Point | null }
  | { type: "blackout"; from: string; on: boolean }
  /** A window is closing. */
  | { type: "bye"; from: string };

export function channelName(slug: string): string {
  return `chanscope-slides:${slug}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isSlide = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 9999;
const isRole = (v: unknown): v is Role => v === "audience" || v === "presenter";
const isUnit = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;
const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;

/** The message `data` is, or null when it is not one of ours (it is then ignored). */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (!isObject(data) || !isId(data.from)) return null;
  const from = data.from;
  switch (data.type) {
    case "hello":
      return isRole(data.role) && isSlide(data.slide) ? { type: "hello", from, role: data.role, slide: data.slide } : null;
    case "here":
      return isRole(data.role) && isSlide(data.slide) && typeof data.blackout === "boolean"
        ? { type: "here", from, role: data.role, slide: data.slide, blackout: data.blackout }
        : null;
    case "goto":
      return isSlide(data.slide) ? { type: "goto", from, slide: data.slide } : null;
    case "run":
      return isId(data.exampleId) ? { type: "run", from, exampleId: data.exampleId } : null;
    case "run-status": {
      const s = data.status;
      if (!isId(data.exampleId) || !isObject(s) || typeof s.busy !== "boolean" || typeof s.text !== "string" || s.text.length > 2000) return null;
      return { type: "run-status", from, exampleId: data.exampleId, status: { busy: s.busy, text: s.text } };
    }
    case "pointer": {
      const p = data.point;
      if (p === null) return { type: "pointer", from, point: null };
      return isObject(p) && isUnit(p.x) && isUnit(p.y) ? { type: "pointer", from, point: { x: p.x, y: p.y } } : null;
    }
    case "blackout":
      return typeof data.on === "boolean" ? { type: "blackout", from, on: data.on } : null;
    case "bye":
      return { type: "bye", from };
    default:
      return null;
  }
}
