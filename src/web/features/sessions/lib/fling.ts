/**
 * Whether the table is being flung: scrolled so fast that each frame shows a new screen of
 * rows nobody can read. Then the rows coming into view are drawn as light placeholders (one
 * element each, no text to shape), so the scroll keeps up with the display; they become real
 * rows as soon as the scroll slows down or stops.
 *
 * A fling is a second large step in a row within a few frames: one jump (Page Down, a click
 * on the scroll track, "scroll to the open row") always shows real rows, and so does a wheel
 * or a trackpad, which move far less than half a screen a frame.
 */
export type Motion = { offset: number; at: number; steps: number };

/** A step farther than this part of the visible height counts as large. */
const LARGE_STEP = 0.5;
/** Steps further apart than this (ms, about three frames) are not one movement. */
const STEP_GAP_MS = 50;

export const STILL: Motion = { offset: 0, at: -Infinity, steps: 0 };

/** The motion after the scroll reached `offset` at time `at` (ms). */
export function nextMotion(last: Motion, offset: number, at: number, viewHeight: number): Motion {
  if (offset === last.offset) return last;
  const large = Math.abs(offset - last.offset) > viewHeight * LARGE_STEP;
  const continued = at - last.at <= STEP_GAP_MS;
  return { offset, at, steps: large ? (continued ? last.steps + 1 : 1) : 0 };
}

export function isFling(motion: Motion): boolean {
  return motion.steps >= 2;
}
