import { useState } from 'react';
import type { TimeWindow } from '../lib/time-buckets.ts';
import { nextWindow, previousWindow, zoomOut } from '../lib/window-steps.ts';

export type WindowStepsBarProps = {
  window: TimeWindow;
  /** How far back windows may go from now (Plivo's horizon); none goes past now. */
  horizonMs: number;
  onWindow: (window: TimeWindow) => void;
};

/** Zoom out and steps to the neighbouring windows: each sets `from`/`to` (Back undoes it). */
export function WindowStepsBar({ window, horizonMs, onWindow }: WindowStepsBarProps) {
  // The clock as the chart was drawn (a window ending now counts as now).
  const [clock] = useState(() => Date.now());
  const nowMs = Math.max(clock, window.to);
  const earliestMs = nowMs - horizonMs;
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
