import { useEffect, useId, useRef, useState } from "react";
import { clearProgress } from "./progress-store.ts";
import "./progress.css";

/**
 * "Reset progress", asked twice: the first press shows what will be forgotten and a confirm
 * button; after the reset a short note takes the focus, so keyboard users are not dropped.
 */
export function ResetProgress({ hasProgress }: { hasProgress: boolean }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (done) noteRef.current?.focus();
  }, [done]);
  // Cancel puts the focus back on the button that opened the question.
  useEffect(() => {
    if (cancelled && !confirming) buttonRef.current?.focus();
  }, [cancelled, confirming]);
  const cancel = () => {
    setConfirming(false);
    setCancelled(true);
  };

  if (!hasProgress) {
    return done ? (
      <p ref={noteRef} tabIndex={-1} role="status" className="progress-reset__note">
        Progress reset: every lesson is unread again.
      </p>
    ) : null;
  }
  if (!confirming) {
    return (
      <p className="progress-reset">
        <button ref={buttonRef} type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
          Reset progress
        </button>
      </p>
    );
  }
  return (
    <div
      className="progress-reset progress-reset--confirm"
      role="alertdialog"
      aria-labelledby={`${id}-q`}
      onKeyDown={(e) => {
        if (e.key === "Escape") cancel();
      }}
    >
      <span id={`${id}-q`}>Forget which lessons you read and which exercises you solved in this browser?</span>
      <button
        type="button"
        className="button"
        autoFocus
        onClick={() => {
          clearProgress();
          setConfirming(false);
          setCancelled(false);
          setDone(true);
        }}
      >
        Reset
      </button>
      <button type="button" className="button button--quiet" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
