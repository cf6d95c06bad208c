/**
 * Single-key shortcuts (GitHub/Gmail style). They must never fire while the user types, or
 * with Ctrl/Cmd/Alt held (those belong to the browser), or behind an open modal dialog.
 */
export type Shortcut = {
  /** What the user presses, as shown: ["/"], ["j", "k"], ["Esc"]. */
  keys: string[];
  description: string;
  /** Optional heading to group related shortcuts in the help. */
  group?: string;
};

export const INCIDENT_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['/'], description: 'Search by recipient phone number', group: 'General' },
  { keys: ['y'], description: 'Copy a link to this view (fixed time window)', group: 'General' },
  { keys: ['?'], description: 'Show this list of shortcuts', group: 'General' },
  { keys: ['Esc'], description: 'Close this list', group: 'General' },
];

// index.html's early-input script repeats this rule as a CSS selector (it runs before any
// module): change both together.
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True when a keystroke on this element is text entry, which shortcuts must not steal. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

type KeyEventLike = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing' | 'defaultPrevented' | 'target'
>;

/** The binding this keystroke triggers, or null when it must be left alone. */
export function shortcutFor<T>(
  event: KeyEventLike,
  bindings: Readonly<Record<string, T>>,
): T | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  if (!Object.hasOwn(bindings, event.key)) return null;
  // An open modal dialog handles its own keys (Esc, Tab); nothing behind it may react.
  if (document.querySelector('[aria-modal="true"]')) return null;
  return bindings[event.key] ?? null;
}
