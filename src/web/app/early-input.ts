import { isTypingTarget } from '../features/shortcuts/lib/shortcuts.ts';

/**
 * Input kept by index.html's inline script while the pre-rendered page waited for the app:
 * a click on a button, disclosure, checkbox or radio; a new value in a select; a printable
 * key pressed outside a text field (the shortcuts, and what was typed after one, such as
 * the digits after "/").
 */
export type EarlyInput =
  | { kind: 'click'; target: Element }
  | { kind: 'change'; target: HTMLSelectElement; value: string }
  | { kind: 'key'; key: string };

declare global {
  interface Window {
    /**
     * Set by index.html: stops keeping one part of the input and hands over what it kept:
     * 'clicks', or the rest (choices and keys).
     */
    otpEarlyInput?: (part: 'clicks' | 'rest') => EarlyInput[];
  }
}

/**
 * Stops index.html's script keeping one part of the input; what it kept, handed over once.
 * 'clicks' as hydration starts (React hydrates what is clicked at once from then on); the
 * rest (choices and keys) once the app's handlers are bound, so nothing falls between.
 */
export function takeEarlyInput(part: 'clicks' | 'rest', win: Window = window): EarlyInput[] {
  return win.otpEarlyInput?.(part).splice(0) ?? [];
}

/**
 * Replays kept input on the hydrated page, in order. Clicks and choices go to the same
 * element, now React's, and are skipped if the app no longer shows it (the page changed
 * under them). Keys go where the focus is now: a shortcut reaches the app's handlers as a
 * keydown; once one has put the focus in a text field ("/" focuses the recipient box), the
 * keys after it are typed into that field, as they would have been.
 */
export function replayEarlyInput(kept: readonly EarlyInput[], doc: Document = document): void {
  for (const input of kept) {
    if (input.kind === 'key') {
      replayKey(input.key, doc);
    } else if (!input.target.isConnected) {
      continue;
    } else if (input.kind === 'click') {
      (input.target as HTMLElement).click();
    } else {
      // Hydration put the rendered value back: choose the kept one again.
      input.target.value = input.value;
      input.target.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}

function replayKey(key: string, doc: Document): void {
  const focused = doc.activeElement;
  if (
    (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) &&
    isTypingTarget(focused)
  ) {
    typeInto(focused, key);
    return;
  }
  (focused ?? doc.body).dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
  );
}

/**
 * Types `text` at the field's caret. Set beneath React's own value setter (`setRangeText`,
 * or the prototype's setter), so the input event that follows reads as the user's edit.
 */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (field.selectionStart === null) {
    // Fields without a caret (email, number): at the end.
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, field.value + text);
  } else {
    field.setRangeText(
      text,
      field.selectionStart,
      field.selectionEnd ?? field.selectionStart,
      'end',
    );
  }
  field.dispatchEvent(
    new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }),
  );
}
