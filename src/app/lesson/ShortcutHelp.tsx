import { trapTab } from "../../slides/focus-trap.ts";
import { ModalDialog } from "../a11y/ModalDialog.tsx";
import { lessonShortcuts } from "./shortcuts.ts";

/** The lesson page's keyboard shortcuts, in a modal dialog. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts" onKeyDown={trapTab}>
      <dl className="shortcut-list">
        {lessonShortcuts.map((s) => (
          <div key={s.action} className="shortcut-list__row">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <p className="dialog__note">Shortcuts are off while you type in a field or an editor.</p>
    </ModalDialog>
  );
}
