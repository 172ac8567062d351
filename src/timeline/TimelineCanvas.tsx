// The canvas and everything the pointer and keyboard do on it. Drawing belongs to the controller's
// frame loop; this component only turns input into controller calls and shows the tooltip.
// Pointer positions are converted to layout units (CSS px ÷ the controller's scale) at the edge,
// so hit-testing, dragging and pinching work the same at any text size.

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { TimelineController } from "./controller.ts";
import { describeTarget, hitTest, type Target, type TargetInfo } from "./hit.ts";
import { LAYOUT, nameColumnWidth } from "./scene.ts";
import { wheelZoomFactor, type PinchPoint, type Viewport } from "./viewport.ts";

const MAX_HEIGHT = 520;

export interface TimelineCanvasProps {
  controller: TimelineController;
  rowCount: number;
  label: string;
  describedBy: string;
  onSelectLine?: (line: number) => void;
  onToggleCollapse(task: number): void;
  onEnter(): void;
}

interface Tip {
  x: number;
  y: number;
  info: TargetInfo;
}

function sameTarget(a: Target | null, b: Target | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Point {
  x: number;
  y: number;
}

/** Two fingers on the plot (layout units): their midpoint as a fraction of the plot width, and their distance. */
function pinchPoint(a: Point, b: Point, width: number): PinchPoint {
  const nameW = nameColumnWidth(width);
  return { mid: ((a.x + b.x) / 2 - nameW) / Math.max(1, width - nameW), dist: Math.hypot(a.x - b.x, a.y - b.y) };
}

export function TimelineCanvas({ controller, rowCount, label, describedBy, onSelectLine, onToggleCollapse, onEnter }: TimelineCanvasProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const drag = useRef<{ x: number; y: number; view: Viewport; scrub: boolean; moved: boolean } | null>(null);
  // Every pointer down on the canvas (layout units); with two, a pinch that began at `from` on `view`.
  const pointers = useRef(new Map<number, Point>());
  const pinching = useRef<{ view: Viewport; from: PinchPoint; y: number } | null>(null);
  const { scale } = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  // CSS px: as many rows as fit in MAX_HEIGHT at 1×, at any scale.
  const height = Math.round(Math.min(MAX_HEIGHT, LAYOUT.axisH + Math.max(rowCount, 1) * LAYOUT.rowH) * scale + 2);
  // Touch: a finger drags the view sideways and two pinch it, never the page's zoom. Up and down
  // it scrolls the page, unless the lanes overflow the canvas: then it scrolls the lanes.
  const touchAction = LAYOUT.axisH + rowCount * LAYOUT.rowH > MAX_HEIGHT ? "none" : "pan-y";

  useEffect(() => {
    controller.attach(canvas.current);
    const el = wrap.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => controller.setSize(el.clientWidth, height));
    ro.observe(el);
    controller.setSize(el.clientWidth, height);
    // The theme lives on <html data-theme>: re-read the colours when it changes.
    const mo = new MutationObserver(() => controller.retheme());
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, [controller, height]);

  // Wheel: Ctrl/⌘ + wheel always zooms; a plain wheel zooms once the timeline has focus (so a
  // page scrolls past it untouched); a sideways wheel or Shift pans.
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    // A trackpad pinch is a ctrlKey wheel here (Chromium, Firefox; Safari's gesture events are not handled): it zooms smoothly
    // about the pointer, in proportion to its deltas (viewport.ts wheelZoomFactor).
    const onWheel = (e: WheelEvent): void => {
      const focused = document.activeElement === el;
      const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      const rect = el.getBoundingClientRect();
      const k = controller.scale;
      const px = (e.clientX - rect.left) / k;
      const width = controller.width;
      const nameW = nameColumnWidth(width);
      if (sideways) {
        e.preventDefault();
        controller.panBy((e.shiftKey ? e.deltaY : e.deltaX) / k / (width - nameW));
        return;
      }
      if (e.ctrlKey || e.metaKey || focused) {
        e.preventDefault();
        if (px < nameW) {
          controller.scrollBy(e.deltaY / k);
          return;
        }
        const at = (px - nameW) / (width - nameW);
        controller.zoomBy(wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey), Math.max(0, Math.min(1, at)));
      } else if (rowCount * LAYOUT.rowH > controller.height - LAYOUT.axisH) {
        // Many lanes: a plain wheel scrolls them until the list ends, then the page.
        const before = controller.scrollY;
        controller.scrollBy(e.deltaY / k);
        if (controller.scrollY !== before) e.preventDefault();
      }
    };
    // Safari on a Mac reports a trackpad pinch as gesture events carrying a scale (1 at the start),
    // not as a wheel; iOS sends them too for two fingers, which the pointer handlers already pinch.
    let gesture: { view: Viewport; at: number } | null = null;
    const onGesture = (e: Event): void => {
      e.preventDefault();
      const g = e as Event & { scale?: number; clientX?: number };
      if (e.type === "gestureend" || pointers.current.size >= 2) {
        gesture = null;
        return;
      }
      if (e.type === "gesturestart" || gesture === null) {
        const nameW = nameColumnWidth(controller.width);
        const px = ((g.clientX ?? 0) - el.getBoundingClientRect().left) / controller.scale;
        gesture = { view: controller.view, at: Math.max(0, Math.min(1, (px - nameW) / (controller.width - nameW))) };
      }
      controller.pinchTo(gesture.view, { mid: gesture.at, dist: 1 }, { mid: gesture.at, dist: g.scale ?? 1 });
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    for (const type of ["gesturestart", "gesturechange", "gestureend"]) el.addEventListener(type, onGesture);
    return () => {
      el.removeEventListener("wheel", onWheel);
      for (const type of ["gesturestart", "gesturechange", "gestureend"]) el.removeEventListener(type, onGesture);
    };
  }, [controller, rowCount]);

  /** A pointer's position on the canvas, in layout units. */
  const local = (e: { clientX: number; clientY: number }): Point => {
    const rect = (canvas.current as HTMLCanvasElement).getBoundingClientRect();
    const k = controller.scale;
    return { x: (e.clientX - rect.left) / k, y: (e.clientY - rect.top) / k };
  };
  const twoPointers = (): [Point, Point] | null => {
    const ps = [...pointers.current.values()];
    return ps.length === 2 ? [ps[0], ps[1]] : null;
  };
  /** A pointer went up or was taken by the browser: end the pinch; a finger still down pans on from here. */
  const release = (pointerId: number): void => {
    pointers.current.delete(pointerId);
    if (pinching.current === null) return;
    pinching.current = null;
    const rest = [...pointers.current.values()][0];
    drag.current = rest === undefined ? null : { x: rest.x, y: rest.y, view: controller.view, scrub: false, moved: true };
  };
  const hitAt = (x: number, y: number): Target | null => {
    const scene = controller.scene;
    if (scene === null) return null;
    return hitTest(scene, controller.lastFrame, { x, y, view: controller.view, width: controller.width, height: controller.height, scrollY: controller.scrollY });
  };
  const showTip = (x: number, y: number): void => {
    const target = hitAt(x, y);
    if (!sameTarget(target, controller.hover)) {
      controller.hover = target;
      controller.focusTask = target !== null && (target.kind === "segment" || target.kind === "stuck" || target.kind === "name") ? (controller.scene?.model.lanes[target.lane]?.task ?? null) : null;
      controller.request();
    }
    if (target === null || controller.scene === null) setTip(null);
    else setTip({ x: x * controller.scale, y: y * controller.scale, info: describeTarget(controller.scene, target) });
  };

  return (
    <div ref={wrap} className="timeline__canvas-wrap" style={{ height }}>
      <canvas
        ref={canvas}
        className="timeline__canvas"
        style={{ height, touchAction }}
        tabIndex={0}
        aria-label={label}
        aria-describedby={describedBy}
        data-testid="timeline-canvas"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          const p = local(e);
          pointers.current.set(e.pointerId, p);
          e.currentTarget.setPointerCapture(e.pointerId);
          const two = twoPointers();
          if (two !== null) {
            // A second finger: from now on the two pinch (zoom about their midpoint) and pan.
            drag.current = null;
            setTip(null);
            pinching.current = { view: controller.view, from: pinchPoint(two[0], two[1], controller.width), y: (two[0].y + two[1].y) / 2 };
            return;
          }
          if (pointers.current.size > 2) return;
          const scrub = p.y < LAYOUT.axisH && p.x > nameColumnWidth(controller.width);
          drag.current = { x: p.x, y: p.y, view: controller.view, scrub, moved: false };
          if (scrub) controller.setCursor(controller.xAt(p.x));
        }}
        onPointerMove={(e) => {
          const p = local(e);
          if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, p);
          const pin = pinching.current;
          const two = twoPointers();
          if (pin !== null && two !== null) {
            controller.pinchTo(pin.view, pin.from, pinchPoint(two[0], two[1], controller.width));
            const y = (two[0].y + two[1].y) / 2;
            controller.scrollBy(pin.y - y);
            pin.y = y;
            return;
          }
          const d = drag.current;
          if (d !== null) {
            if (d.scrub) {
              controller.setCursor(controller.xAt(p.x));
              return;
            }
            if (d.moved || Math.abs(p.x - d.x) > 3 || Math.abs(p.y - d.y) > 3) {
              d.moved = true;
              setTip(null);
              controller.panPixels(p.x - d.x, d.view);
              controller.scrollBy(d.y - p.y);
              d.y = p.y;
              return;
            }
          }
          showTip(p.x, p.y);
        }}
        onPointerCancel={(e) => {
          release(e.pointerId);
          drag.current = null;
        }}
        onPointerUp={(e) => {
          if (pinching.current !== null) {
            release(e.pointerId);
            return;
          }
          pointers.current.delete(e.pointerId);
          const d = drag.current;
          drag.current = null;
          if (d === null || d.moved || d.scrub) return;
          const p = local(e);
          // No hover on a touch screen: a tap shows what is there (and selects it, as a click does).
          if (e.pointerType !== "mouse") showTip(p.x, p.y);
          const target = hitAt(p.x, p.y);
          if (target === null || controller.scene === null) return;
          if (target.kind === "name") {
            const lane = controller.scene.model.lanes[target.lane];
            if (lane.children.length > 0 && p.x < 24 + Math.min(lane.depth, 8) * 12) {
              onToggleCollapse(lane.task);
              return;
            }
          }
          if (target.kind === "segment" || target.kind === "name" || target.kind === "stuck") {
            controller.selectedTask = controller.scene.model.lanes[target.lane].task;
            controller.request();
          }
          if (target.kind === "arrow" || target.kind === "chan") {
            const chan = target.kind === "arrow" ? controller.scene.model.arrows[target.arrow].chan : target.chan;
            controller.selectChan(controller.selectedChan === chan ? null : chan);
          }
          const info = describeTarget(controller.scene, target);
          if (info.line !== null) onSelectLine?.(info.line);
        }}
        onDoubleClick={(e) => {
          const p = local(e);
          const target = hitAt(p.x, p.y);
          const scene = controller.scene;
          if (target === null || scene === null) return;
          if (target.kind === "segment") {
            const s = scene.model.lanes[target.lane].segments[target.seg];
            controller.fitRange(scene.axis.pos[s.start], scene.axis.pos[s.end]);
          } else if (target.kind === "arrow") {
            const a = scene.model.arrows[target.arrow];
            controller.fitRange(scene.axis.pos[a.from], scene.axis.pos[a.to]);
          } else if (target.kind === "name") {
            const lane = scene.model.lanes[target.lane];
            const last = lane.segments[lane.segments.length - 1];
            controller.fitRange(scene.axis.pos[lane.spawnIdx], scene.axis.pos[last?.end ?? lane.spawnIdx]);
          }
        }}
        onPointerLeave={(e) => {
          // A lifted finger leaves too: its tap's tooltip stays until the next tap or drag.
          if (drag.current !== null || e.pointerType === "touch") return;
          setTip(null);
          controller.hover = null;
          controller.focusTask = null;
          controller.request();
        }}
        onKeyDown={(e) => {
          const k = e.key;
          const handled = (): void => {
            e.preventDefault();
            setTip(null);
          };
          if (k === "ArrowLeft" || k === "ArrowRight") {
            handled();
            controller.panBy((k === "ArrowLeft" ? -1 : 1) * (e.shiftKey ? 0.5 : 0.1));
          } else if (k === "ArrowUp" || k === "ArrowDown") {
            handled();
            controller.scrollBy((k === "ArrowUp" ? -1 : 1) * LAYOUT.rowH);
          } else if (k === "PageUp" || k === "PageDown") {
            handled();
            controller.scrollBy((k === "PageUp" ? -1 : 1) * (controller.height - LAYOUT.axisH));
          } else if (k === "+" || k === "=") {
            handled();
            controller.zoomBy(1.5);
          } else if (k === "-" || k === "_") {
            handled();
            controller.zoomBy(1 / 1.5);
          } else if (k === "0" || k === "f" || k === "F") {
            handled();
            controller.fit();
          } else if (k === "Home") {
            handled();
            controller.cursorToStart();
          } else if (k === "End") {
            handled();
            controller.cursorToEnd();
          } else if (k === "," || k === "[") {
            handled();
            controller.step(-1);
          } else if (k === "." || k === "]") {
            handled();
            controller.step(1);
          } else if (k === " " || k === "k") {
            handled();
            controller.togglePlay();
          } else if (k === "n" || k === "p") {
            handled();
            controller.jumpNotable(k === "n" ? 1 : -1);
          } else if (k === "Escape" && (controller.selectedTask !== null || controller.selectedChan !== null)) {
            handled();
            controller.selectedTask = null;
            controller.selectChan(null);
          } else if (k === "Enter") {
            handled();
            onEnter();
          }
        }}
      />
      {tip !== null && (
        <div className="timeline__tooltip" role="tooltip" style={tipStyle(tip, controller.width * scale, height)}>
          <strong>{tip.info.title}</strong>
          {tip.info.lines.map((l, i) => (
            <span key={i}>{l}</span>
          ))}
          {tip.info.line !== null && onSelectLine !== undefined && <span className="timeline__tooltip-hint">Click: show line {tip.info.line} in the editor</span>}
        </div>
      )}
    </div>
  );
}

/** Room a tooltip needs above the point before it goes there rather than below. */
const TIP_ROOM = 90;

function tipStyle(tip: Tip, width: number, height: number): React.CSSProperties {
  const left = tip.x > width - 320 ? Math.max(0, tip.x - 330) : tip.x + 14;
  // Below the point, spilling past the canvas if need be; above it only near the bottom of a
  // canvas tall enough that the tooltip then covers other lanes, not the ones being read.
  const top = tip.y > height - TIP_ROOM && height > 2 * TIP_ROOM ? Math.max(0, tip.y - TIP_ROOM) : tip.y + 14;
  return { left, top };
}
