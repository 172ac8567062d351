// The presenter window (/lessons/<slug>/presenter/<n>): the slide on screen, the next one, the
// speaker notes, the clock and whether the talk is on time, and Run buttons that run an example
// on the audience's screen. It follows and drives the audience deck through useDeckSync.

import { useCallback, useEffect, useState, type PointerEvent } from "react";
import { useLocation } from "wouter";
import type { Lesson } from "../lessons/types.ts";
import { useDocumentTitle } from "../app/a11y/useDocumentTitle.ts";
import { paths } from "../app/routes.ts";
import { pointOnSlide } from "./gestures.ts";
import { toggleFullscreen } from "./fullscreen.ts";
import { HelpDialog } from "./HelpDialog.tsx";
import { Laser } from "./Laser.tsx";
import { pacing } from "./pacing.ts";
import { SlideFrame } from "./SlideFrame.tsx";
import { SlideSheet } from "./SlideSheet.tsx";
import { elapsedMs, formatDuration, parseTimer, timerStep, type TimerEvent, type TimerState } from "./timer.ts";
import { useDeckKeys, type DeckCommand } from "./useDeckKeys.ts";
import { useDeckSync } from "./useDeckSync.ts";
import { runnableIds } from "./useRunMirror.ts";
import { slideTarget } from "./slide-target.ts";
import "./slides.css";

const timerKey = (slug: string) => `chanscope-presenter-timer:${slug}`;

function loadTimer(slug: string): TimerState {
  try {
    return parseTimer(window.localStorage.getItem(timerKey(slug)));
  } catch {
    return parseTimer(null);
  }
}

export function PresenterView({ lesson, n }: { lesson: Lesson; n: number }) {
  const [, navigate] = useLocation();
  const total = lesson.slides.length;
  const slide = lesson.slides[n - 1];
  const following = lesson.slides[n];
  const [help, setHelp] = useState(false);
  const [laser, setLaser] = useState(false);
  const [timer, setTimer] = useState<TimerState>(() => loadTimer(lesson.slug));
  const [now, setNow] = useState(() => Date.now());

  useDocumentTitle(`Presenter: ${slide.title} (${n}/${total}) — ${lesson.title}`);

  const go = useCallback(
    (k: number) => {
      const to = Math.min(total, Math.max(1, k));
      if (to !== n) navigate(paths.presenter(lesson.slug, to), { replace: true });
    },
    [lesson.slug, n, navigate, total],
  );
  const sync = useDeckSync({ slug: lesson.slug, role: "presenter", slide: n, onNavigate: go });
  const blackout = sync.context.blackout;

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const stepTimer = (event: TimerEvent) => {
    const next = timerStep(timer, event, Date.now());
    setTimer(next);
    setNow(Date.now());
    try {
      window.localStorage.setItem(timerKey(lesson.slug), JSON.stringify(next));
    } catch {
      // Storage refused (private mode): the clock still runs, it just does not survive a reload.
    }
  };

  const onCommand = (command: DeckCommand) => {
    const target = slideTarget(command, n, total);
    if (target !== undefined) return go(target);
    switch (command.type) {
      case "help":
        return setHelp(true);
      case "fullscreen":
        return toggleFullscreen();
      case "blackout":
        return sync.actor.send({ type: "local.blackout", on: !blackout });
      case "laser":
        if (laser) sync.actor.send({ type: "local.pointer", point: null });
        return setLaser(!laser);
      case "back":
        if (blackout) return sync.actor.send({ type: "local.blackout", on: false });
        if (laser) {
          sync.actor.send({ type: "local.pointer", point: null });
          return setLaser(false);
        }
        return;
      case "overview":
      case "presenter":
      case "zoom":
        return; // audience-deck keys
    }
  };
  const { digits } = useDeckKeys(total, onCommand);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!laser) return;
    const box = event.currentTarget.querySelector(".slide-frame__box");
    sync.actor.send({ type: "local.pointer", point: box ? pointOnSlide(event.clientX, event.clientY, box.getBoundingClientRect()) : null });
  };

  const elapsed = elapsedMs(timer, now);
  const pace = pacing({ slide: n, total, elapsedMs: elapsed, minutes: lesson.minutes });
  const runs = runnableIds(slide);
  const connected = sync.state === "paired";

  return (
    <div className={`presenter ${laser ? "presenter--laser" : ""}`}>
      <header className="presenter__bar">
        <h1 className="presenter__title">
          <span className="visually-hidden">Presenter: </span>
          {lesson.title}
        </h1>
        <p className="presenter__count" aria-live="polite">
          Slide <strong>{n}</strong> of {total}
        </p>
        <p className={`presenter__link presenter__link--${connected ? "on" : "off"}`} role="status">
          {connected ? "● Audience window in sync" : sync.state === "connecting" ? "○ Looking for the audience window…" : "○ No audience window"}
        </p>
        {!connected && sync.state !== "connecting" && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => window.open(paths.slides(lesson.slug, n), `chanscope-audience-${lesson.slug}`)}
          >
            Open audience window
          </button>
        )}
        {blackout && <p className="presenter__flag">Screen blacked out (b)</p>}
        {laser && <p className="presenter__flag">Laser on (l)</p>}
        <button type="button" className="button button--quiet" onClick={() => setHelp(true)}>
          Shortcuts (?)
        </button>
      </header>

      <div className="presenter__main">
        <section className="presenter__current" aria-label={`Current slide: ${slide.title}`}>
          <div className="presenter__screen" onPointerMove={onPointerMove}>
            <SlideFrame className="presenter__frame" top>
              {(box) => (
                <>
                  <SlideSheet slide={slide} total={total} box={box} live={false} />
                  <Laser point={sync.context.pointer} />
                </>
              )}
            </SlideFrame>
          </div>
          <div className="presenter__controls">
            <button type="button" className="button" onClick={() => go(n - 1)} disabled={n <= 1}>
              ← Previous
            </button>
            <button type="button" className="button button--primary" onClick={() => go(n + 1)} disabled={n >= total}>
              Next →
            </button>
            {runs.map((id) => {
              const status = sync.context.runs[id];
              return (
                <div key={id} className="presenter__run">
                  <button type="button" className="button" onClick={() => sync.actor.send({ type: "local.run", exampleId: id })} disabled={!connected}>
                    Run
                    <span className="visually-hidden"> {id} on the audience screen</span>
                  </button>
                  <span className="presenter__run-status" data-example={id} aria-live="polite">
                    {status ? status.text || "Not run yet" : connected ? "Not run yet" : "Open the audience window to run it there"}
                  </span>
                </div>
              );
            })}
            {digits && (
              <span className="presenter__digits" role="status">
                Go to slide {digits}… Enter
              </span>
            )}
          </div>
        </section>

        <aside className="presenter__side" aria-label="Presenter tools">
          <section className="presenter__next" aria-label="Next slide">
            <h2>Next</h2>
            {following ? (
              <SlideFrame className="presenter__next-frame" inert>
                {(box) => <SlideSheet slide={following} total={total} box={box} live={false} showNumber={false} />}
              </SlideFrame>
            ) : (
              <p className="presenter__end">End of the lesson.</p>
            )}
          </section>

          <section className="presenter__time" aria-label="Time">
            <p className="presenter__elapsed">
              <span className="presenter__label">Elapsed</span>
              <span className="presenter__clock" data-testid="elapsed">
                {formatDuration(elapsed)}
              </span>
            </p>
            <p className="presenter__wall">
              <span className="presenter__label">Clock</span>
              <span className="presenter__clock presenter__clock--small">{new Date(now).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</span>
            </p>
            {timer.status === "stopped" ? (
              <p className="presenter__pace" data-testid="pace">
                <span className="presenter__plan">{lesson.minutes} min planned · start the clock</span>
              </p>
            ) : (
              <p className={`presenter__pace presenter__pace--${pace.pace.replace(" ", "-")}`} data-testid="pace">
                {pace.pace === "on time" ? "On time" : pace.pace === "ahead" ? `Ahead by ${pace.minutes} min` : `Behind by ${-pace.minutes} min`}
                <span className="presenter__plan"> · {lesson.minutes} min planned</span>
              </p>
            )}
            <div className="presenter__timer-buttons">
              {timer.status === "running" ? (
                <button type="button" className="button" onClick={() => stepTimer("pause")}>
                  Pause
                </button>
              ) : (
                <button type="button" className="button button--primary" onClick={() => stepTimer("start")}>
                  {timer.status === "paused" ? "Resume" : "Start"}
                </button>
              )}
              <button type="button" className="button button--quiet" onClick={() => stepTimer("reset")} disabled={timer.status === "stopped"}>
                Reset
              </button>
            </div>
          </section>

          <section className="presenter__notes" aria-labelledby="presenter-notes-title">
            <h2 id="presenter-notes-title">Notes</h2>
            {slide.notesHtml ? (
              <div className="prose presenter__notes-text" dangerouslySetInnerHTML={{ __html: slide.notesHtml }} />
            ) : (
              <p className="presenter__end">No notes for this slide.</p>
            )}
          </section>
        </aside>
      </div>
      <HelpDialog open={help} onClose={() => setHelp(false)} presenter />
    </div>
  );
}
