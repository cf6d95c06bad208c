/**
 * Input kept by index.html's inline script while the pre-rendered page waited for the app:
 * a click on a button, disclosure, checkbox or radio, or a new value in a select.
 */
type EarlyInput =
  { kind: 'click'; target: Element } | { kind: 'change'; target: HTMLSelectElement; value: string };

declare global {
  interface Window {
    /** Set by index.html: stops keeping input and hands over what was kept. */
    otpEarlyInput?: () => EarlyInput[];
  }
}

/** Stops index.html's script keeping input (React handles it from now on); what it kept. */
export function takeEarlyInput(win: Window = window): EarlyInput[] {
  const stop = win.otpEarlyInput;
  delete win.otpEarlyInput;
  return stop ? stop() : [];
}

/**
 * Replays kept input on the hydrated page, in order: each on the same element, now React's.
 * Elements the app no longer shows are skipped (the page changed under the click).
 */
export function replayEarlyInput(kept: readonly EarlyInput[]): void {
  for (const input of kept) {
    if (!input.target.isConnected) continue;
    if (input.kind === 'click') {
      (input.target as HTMLElement).click();
    } else {
      // Hydration may have put the rendered value back: choose the kept one again.
      input.target.value = input.value;
      input.target.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}
