// One timeline view's controller for as long as the view is mounted: it draws `scene`, outlines
// the editor's line, tells the page where the cursor went (with that event's source line), and is
// listed on window for the benchmark and the e2e tests. The single-run view and each run of a
// comparison use it alike.

import { useEffect, useState } from "react";
import { TimelineController } from "./controller.ts";
import type { PreparedScene } from "./scene.ts";
import { sourceLineAt } from "./source-line.ts";
import { useExposedController } from "./use-page.ts";

export interface ControllerInputs {
  /** Outline everything that happened at this source line. */
  highlightLine?: number;
  /** The cursor moved to another event; `line` is the source line that event belongs to. */
  onCursor?: (t: number, seq: number, line: number | null) => void;
}

export function useSceneController(scene: PreparedScene, collapsed: ReadonlySet<number>, { highlightLine, onCursor }: ControllerInputs): TimelineController {
  const [controller] = useState(() => new TimelineController());
  useEffect(() => {
    controller.collapsed = collapsed;
    controller.setScene(scene);
  }, [controller, scene, collapsed]);
  useEffect(() => {
    controller.highlightLine = highlightLine ?? null;
    controller.request();
  }, [controller, highlightLine]);
  const events = scene.model.events;
  useEffect(() => {
    controller.onCursor = onCursor ? (t, seq) => onCursor(t, seq, sourceLineAt(events, controller.getSnapshot().cursorIdx)) : null;
  }, [controller, onCursor, events]);
  useEffect(() => () => controller.dispose(), [controller]);
  useExposedController(controller);
  return controller;
}
