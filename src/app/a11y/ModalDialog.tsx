import { useEffect, useId, useRef, type KeyboardEventHandler, type ReactNode } from "react";

/**
 * A native modal <dialog> driven by `open`: showModal makes the rest of the page inert and keeps
 * focus inside; Esc or the Close button closes it and focus returns to where it was.
 */
export function ModalDialog({ open, onClose, title, className, children, onKeyDown }: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  className?: string;
  children: ReactNode;
  /** Keys inside the dialog (e.g. the slides' Tab trap). */
  onKeyDown?: KeyboardEventHandler<HTMLDialogElement>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={className ? `dialog ${className}` : "dialog"} aria-labelledby={titleId} onClose={onClose} onKeyDown={onKeyDown}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
