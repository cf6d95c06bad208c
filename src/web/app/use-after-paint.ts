import { useEffect, useState } from 'react';
import { whenIdle } from '../lib/when-idle.ts';

/**
 * Quiet time before the summary and charts catch up, so bursts (quick filter changes, pages
 * arriving one after another) are coalesced into one chart render at the end.
 */
const INSIGHT_SETTLE_MS = 120;

/**
 * `value` after the table's frame is painted, the value has settled and the main thread is
 * idle; the summary and the charts (recharts renders and commits synchronously, ~100 ms over
 * 10,000 rows on a slow machine) then never hold up the table. One uninterrupted render, not a
 * transition: scrolling updates the table every frame, and each such update restarted an
 * interruptible chart render from scratch, so a scroll right after a big load stuttered for
 * seconds instead of pausing once. Not useDeferredValue either (React Router's URL updates
 * are transitions, in which it does not defer). A newer value cancels a pending older one.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelIdle: (() => void) | undefined;
    // The next frame paints the table; the timer runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        cancelIdle = whenIdle(() => setShown(value));
      }, INSIGHT_SETTLE_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      cancelIdle?.();
    };
  }, [value]);
  return shown;
}
