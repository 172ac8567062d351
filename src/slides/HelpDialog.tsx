import { ModalDialog } from "../app/a11y/ModalDialog.tsx";
import { trapTab } from "./focus-trap.ts";
import { deckShortcuts } from "./shortcuts.ts";

/**
 * Every shortcut of the deck (`?`), in a modal dialog: focus stays inside it (showModal makes the
 * rest of the page inert; Tab cycles), Esc or Close closes it and focus returns where it was.
 */
export function HelpDialog({ open, onClose, presenter = false }: { open: boolean; onClose: () => void; presenter?: boolean }) {
  const shown = deckShortcuts.filter((s) => s.where === "both" || !presenter);
  return (
    <ModalDialog open={open} onClose={onClose} title={presenter ? "Presenter shortcuts" : "Slide shortcuts"} className="deck-help" onKeyDown={trapTab}>
      <dl className="deck-help__list">
        {shown.map((s) => (
          <div key={s.action} className="deck-help__row">
            <dt>
              {(s.label ?? s.keys).map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
        {!presenter && (
          <div className="deck-help__row">
            <dt>Click · Swipe</dt>
            <dd>Left third of the slide: back; elsewhere: forward. Swipe left or right on a touch screen.</dd>
          </div>
        )}
        <div className="deck-help__row">
          <dt>
            <kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>Run the code in the editor</dd>
        </div>
      </dl>
      <p className="dialog__note">Keys are off while you type in the editor or a field.</p>
    </ModalDialog>
  );
}
