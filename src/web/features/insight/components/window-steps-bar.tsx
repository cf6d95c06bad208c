import type { TimeWindow } from '../lib/time-buckets.ts';
import { nextWindow, previousWindow, zoomOut } from '../lib/window-steps.ts';

export type WindowStepsBarProps = {
  window: TimeWindow;
  /** Nothing before this (Plivo's horizon), nothing after now. */
  earliestMs: number;
  nowMs: number;
  onWindow: (window: TimeWindow) => void;
};

/** Zoom out and steps to the neighbouring windows: each sets `from`/`to` (Back undoes it). */
export function WindowStepsBar({ window, earliestMs, nowMs, onWindow }: WindowStepsBarProps) {
  const previous = previousWindow(window, earliestMs);
  const next = nextWindow(window, nowMs);
  return (
    <div className="insight-steps" role="group" aria-label="Time window">
      <button type="button" disabled={!previous} onClick={() => previous && onWindow(previous)}>
        ← Previous window
      </button>
      <button type="button" onClick={() => onWindow(zoomOut(window, nowMs, earliestMs))}>
        Zoom out ×2
      </button>
      <button type="button" disabled={!next} onClick={() => next && onWindow(next)}>
        Next window →
      </button>
    </div>
  );
}
