import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Shortcut } from '../lib/shortcuts.ts';
import './shortcuts-help.css';

type ShortcutsHelpProps = {
  open: boolean;
  onClose: () => void;
  /** Every shortcut of the page: `INCIDENT_SHORTCUTS` plus the explorer's own. */
  shortcuts: readonly Shortcut[];
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

function groupsOf(shortcuts: readonly Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const s of shortcuts) {
    const name = s.group ?? 'Shortcuts';
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return [...groups];
}

/** Keeps Tab and Shift+Tab cycling inside the dialog. */
function trapTab(event: KeyboardEvent<HTMLDivElement>, container: HTMLElement) {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items.at(-1);
  const active = document.activeElement;
  const outside = !container.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first?.focus();
  }
}

function ShortcutGroups({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return groupsOf(shortcuts).map(([group, items]) => (
    <section key={group} aria-label={group}>
      <h3>{group}</h3>
      <dl>
        {items.map((s) => (
          <div key={`${s.keys.join('+')}:${s.description}`} className="shortcuts-help__row">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' / ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  ));
}

/**
 * The `?` overlay: a modal dialog (role=dialog, aria-modal) that takes focus, keeps Tab
 * inside, closes on Esc or the button, and gives focus back to where it was.
 */
export function ShortcutsHelp({ open, onClose, shortcuts }: ShortcutsHelpProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const before = document.activeElement;
    closeButton.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [open]);

  if (!open) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
    }
  }

  return (
    <div className="shortcuts-help__backdrop" onClick={onClose}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="shortcuts-help"
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <ShortcutGroups shortcuts={shortcuts} />
        <button ref={closeButton} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
