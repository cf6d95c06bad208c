import { useEffect, useState } from 'react';

/** Seconds left until `untilMs`, ticking each second. */
export function useSecondsLeft(untilMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((untilMs - now) / 1000));
}
