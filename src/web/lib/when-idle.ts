import { useEffect, useState } from 'react';

/** Longest a task put off to an idle moment waits for one (a page that never goes quiet). */
const IDLE_TIMEOUT_MS = 1_000;

/** `run` at the next idle moment (soon after a timeout without requestIdleCallback: Safari). */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/**
 * False until the first idle moment after the component mounted: for work nobody needs in
 * the page's first moments, so it runs in a task of its own rather than in hydration's.
 */
export function useIdleReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => whenIdle(() => setReady(true)), []);
  return ready;
}
