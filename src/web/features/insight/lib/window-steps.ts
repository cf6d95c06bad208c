import type { TimeWindow } from './time-buckets.ts';

/**
 * The time chart's moves, all to an absolute window (`from`/`to` in the URL): a dragged range
 * of buckets, zoom out, and a step to the window before or after. Windows never reach past
 * now (there is nothing there yet) nor before the horizon the caller allows.
 */

/** The buckets from index `a` to `b` (either order), kept inside the current window. */
export function brushWindow(
  buckets: readonly { start: number; end: number }[],
  a: number,
  b: number,
  window: TimeWindow,
): TimeWindow | null {
  const first = buckets[Math.min(a, b)];
  const last = buckets[Math.max(a, b)];
  if (!first || !last) return null;
  return { from: Math.max(first.start, window.from), to: Math.min(last.end, window.to) };
}

/**
 * Twice as long around the same centre. At now it grows backwards instead, keeping its
 * length doubled: an incident at the window's end stays in view.
 */
export function zoomOut(window: TimeWindow, nowMs: number, earliestMs: number): TimeWindow {
  const length = window.to - window.from;
  let from = window.from - length / 2;
  let to = window.to + length / 2;
  if (to > nowMs) [from, to] = [from - (to - nowMs), nowMs];
  return { from: Math.max(earliestMs, Math.round(from)), to: Math.round(to) };
}

/** The window of the same length just before this one. */
export function previousWindow(window: TimeWindow, earliestMs: number): TimeWindow | null {
  const length = window.to - window.from;
  if (window.from - length < earliestMs) return null;
  return { from: window.from - length, to: window.from };
}

/** The window of the same length just after this one; null when it would reach past now. */
export function nextWindow(window: TimeWindow, nowMs: number): TimeWindow | null {
  const length = window.to - window.from;
  if (window.to + length > nowMs) return null;
  return { from: window.to, to: window.to + length };
}
