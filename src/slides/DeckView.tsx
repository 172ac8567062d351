// The audience deck: one lesson as 16:9 slides for a projector. The URL is the slide
// (/lessons/<slug>/slides/<n>, replaced in history as you move, so a reload or a shared link
// lands on it). Slides stay mounted once shown, so a playground keeps its run when you come back.

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type MouseEvent } from "react";
import { Link, useLocation } from "wouter";
import type { Lesson, Slide } from "../lessons/types.ts";
import type { Box } from "./geometry.ts";
import type { RunMirror } from "./sync-protocol.ts";
import { useDocumentTitle } from "../app/a11y/useDocumentTitle.ts";
import { paths } from "../app/routes.ts";
import { clickZone, isInteractiveTarget, pointOnSlide, swipeDirection, type Point } from "./gestures.ts";
import { toggleFullscreen } from "./fullscreen.ts";
import { HelpDialog } from "./HelpDialog.tsx";
import { Laser } from "./Laser.tsx";
import { Overview } from "./Overview.tsx";
import { SlideFrame } from "./SlideFrame.tsx";
import { SlideSheet } from "./SlideSheet.tsx";
import { useDeckKeys, type DeckCommand } from "./useDeckKeys.ts";
import { useRootFontSize } from "./useRootFontSize.ts";
import { pressRun } from "./run-mirror.ts";
import { revealOutcome } from "./reveal-outcome.ts";
import { useDeckSync } from "./useDeckSync.ts";
import { useRunMirror } from "./useRunMirror.ts";
import { slideTarget } from "./slide-target.ts";
import "./slides.css";

/** The controls fade after this long without the mouse moving (they come back on any move). */
const CONTROLS_MS = 2500;

export function DeckView({ lesson, n }: { lesson: Lesson; n: number }) {
  const [, navigate] = useLocation();
  const total = lesson.slides.length;
  const slide = lesson.slides[n - 1];
  const [visited, setVisited] = useState<ReadonlySet<number>>(() => new Set([n]));
  if (!visited.has(n)) setVisited(new Set(visited).add(n));
  const [overview, setOverview] = useState(false);
  const [help, setHelp] = useState(false);
  const [laser, setLaser] = useState(false);
  // Zoom belongs to the slide it was asked on: moving on shows the next slide whole.
  const [zoomAt, setZoomAt] = useState<number | null>(null);
  const zoom = zoomAt === n;
  const setZoom = (on: boolean) => setZoomAt(on ? n : null);
  const [pointer, setPointer] = useState<Point | null>(null);
  const [controls, setControls] = useState(true);
  const swipe = useRef<{ x: number; y: number } | null>(null);

  const sync = useDeckSync({
    slug: lesson.slug,
    role: "audience",
    slide: n,
    onNavigate: (k) => go(k),
    onRun: (id) => {
      const section = document.querySelector(`.deck__slide[data-slide="${n}"]`);
      if (section) pressRun(section, id);
    },
  });
  const blackout = sync.context.blackout;
  const setBlackout = (on: boolean) => sync.actor.send({ type: "local.blackout", on });
  const onRunStatus = (exampleId: string, status: RunMirror) => sync.actor.send({ type: "local.runStatus", exampleId, status });

  useDocumentTitle(`${slide.title} (${n}/${total}) — ${lesson.title}`);

  const go = useCallback(
    (k: number) => {
      const to = Math.min(total, Math.max(1, k));
      if (to !== n) navigate(paths.slides(lesson.slug, to), { replace: true });
    },
    [lesson.slug, n, navigate, total],
  );

  const openPresenter = useCallback(() => {
    window.open(paths.presenter(lesson.slug, n), `chanscope-presenter-${lesson.slug}`, "popup=yes,width=1280,height=800");
  }, [lesson.slug, n]);

  const onCommand = (command: DeckCommand) => {
    const target = slideTarget(command, n, total);
    if (target !== undefined) return go(target);
    switch (command.type) {
      case "overview":
        return setOverview(true);
      case "help":
        return setHelp(true);
      case "fullscreen":
        return toggleFullscreen();
      case "presenter":
        return openPresenter();
      case "blackout":
        return setBlackout(!blackout);
      case "zoom":
        return setZoom(!zoom);
      case "laser":
        setPointer(null);
        if (laser) sync.actor.send({ type: "local.pointer", point: null });
        return setLaser(!laser);
      case "back":
        if (blackout) return setBlackout(false);
        if (zoom) return setZoom(false);
        if (laser) return setLaser(false);
        return navigate(paths.lesson(lesson.slug, slide.anchor));
    }
  };
  const { digits } = useDeckKeys(total, onCommand);

  // Zooming in brings the run's outcome (and the timeline under it) to the top of the slide.
  useLayoutEffect(() => {
    if (!zoom) return;
    const section = document.querySelector<HTMLElement>(`.deck__slide[data-slide="${n}"]`);
    const id = section?.querySelector("figure[id^='example-']")?.id.replace(/^example-/, "");
    if (id) revealOutcome(section, id, true);
  }, [zoom, n]);

  useEffect(() => {
    if (!controls) return;
    const timer = setTimeout(() => setControls(false), CONTROLS_MS);
    return () => clearTimeout(timer);
  }, [controls]);

  const onStageClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || isInteractiveTarget(event.target) || String(window.getSelection() ?? "") !== "") return;
    const rect = event.currentTarget.getBoundingClientRect();
    go(clickZone(event.clientX - rect.left, rect.width) === "next" ? n + 1 : n - 1);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    swipe.current = event.pointerType === "touch" && !isInteractiveTarget(event.target) ? { x: event.clientX, y: event.clientY } : null;
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start) return;
    const direction = swipeDirection(event.clientX - start.x, event.clientY - start.y);
    if (direction) go(direction === "next" ? n + 1 : n - 1);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!controls) setControls(true);
    if (!laser) return;
    const box = event.currentTarget.querySelector(".slide-frame__box");
    const point = box ? pointOnSlide(event.clientX, event.clientY, box.getBoundingClientRect()) : null;
    setPointer(point);
    sync.actor.send({ type: "local.pointer", point });
  };

  return (
    <div className={`deck ${laser ? "deck--laser" : ""} ${controls ? "deck--controls" : ""} ${zoom ? "deck--zoom" : ""}`} onPointerMove={onPointerMove}>
      <h1 className="visually-hidden">
        {lesson.title}: slides
      </h1>
      <div className="deck__stage" onClick={onStageClick} onPointerDown={onPointerDown} onPointerUp={onPointerUp}>
        <SlideFrame className="deck__frame" flowBelow={0.45}>
          {(box) => (
            <>
              <RootFont unit={box.unit} />
              {lesson.slides
                .filter((s) => visited.has(s.number))
                .map((s) => (
                  <DeckSlide key={s.number} slide={s} total={total} box={box} active={s.number === n} onRunStatus={onRunStatus} />
                ))}
              <Laser point={laser ? pointer : sync.context.pointer} />
            </>
          )}
        </SlideFrame>
      </div>
      {blackout && (
        <div className="deck__blackout" role="status" onClick={() => setBlackout(false)}>
          <span className="visually-hidden">Screen blacked out. Press b to come back.</span>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        Slide {n} of {total}: {slide.title}
      </p>
      {digits && (
        <p className="deck__digits" role="status">
          Go to slide <strong>{digits}</strong>… <kbd>Enter</kbd>
        </p>
      )}
      <nav className="deck-controls" aria-label="Slide controls">
        <button type="button" className="deck-controls__button" onClick={() => go(n - 1)} disabled={n <= 1} aria-label="Previous slide">
          ←
        </button>
        <span className="deck-controls__count">
          {n} / {total}
        </span>
        <button type="button" className="deck-controls__button" onClick={() => go(n + 1)} disabled={n >= total} aria-label="Next slide">
          →
        </button>
        <button type="button" className="deck-controls__button" onClick={() => setOverview(true)}>
          Overview
        </button>
        <button type="button" className="deck-controls__button deck-controls__wide" onClick={openPresenter}>
          Presenter
        </button>
        <button type="button" className="deck-controls__button deck-controls__wide" onClick={toggleFullscreen}>
          Full screen
        </button>
        <button type="button" className="deck-controls__button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
          ?
        </button>
        <Link className="deck-controls__button" href={paths.lesson(lesson.slug, slide.anchor)}>
          Article
        </Link>
      </nav>
      <Overview
        lesson={lesson}
        current={n}
        open={overview}
        onClose={() => setOverview(false)}
        onPick={(k) => {
          setOverview(false);
          go(k);
        }}
      />
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

/** One slide of the deck; mounted from its first showing on, hidden while another is shown. */
function DeckSlide({ slide, total, box, active, onRunStatus }: { slide: Slide; total: number; box: Box; active: boolean; onRunStatus: (exampleId: string, status: RunMirror) => void }) {
  const ref = useRef<HTMLElement>(null);
  const busy = useRef(new Set<string>());
  useRunMirror(ref, slide, active, (exampleId, status) => {
    // When a run ends, its outcome scrolls into view in the slide's right column (the code
    // stays in place on the left): on a projector the room should not wait for a scroll.
    if (busy.current.has(exampleId) && !status.busy) revealOutcome(ref.current, exampleId);
    if (status.busy) busy.current.add(exampleId);
    else busy.current.delete(exampleId);
    onRunStatus(exampleId, status);
  });
  return (
    <section
      ref={ref}
      className="deck__slide"
      hidden={!active}
      aria-roledescription="slide"
      aria-label={`${slide.number} of ${total}: ${slide.title}`}
      data-slide={slide.number}
    >
      <SlideSheet slide={slide} total={total} box={box} live active={active} />
    </section>
  );
}

function RootFont({ unit }: { unit: number }) {
  useRootFontSize(unit);
  return null;
}
