/**
 * Plivo's list limit: N requests per rolling window per account. Each key keeps the times of
 * its recent accepted requests; a request is refused while N of them are inside the window.
 * Wall time, not the simulated clock: callers experience the limit in real seconds.
 */
export type RateLimiter = {
  /** True when the request may go ahead (and is counted). */
  take: (key: string) => boolean;
  reset: () => void;
};

export function createRateLimiter(
  perWindow: number,
  windowMs: number,
  now: () => number = Date.now,
): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - windowMs);
      if (recent.length >= perWindow) {
        hits.set(key, recent);
        return false;
      }
      recent.push(t);
      hits.set(key, recent);
      return true;
    },
    reset: () => hits.clear(),
  };
}
