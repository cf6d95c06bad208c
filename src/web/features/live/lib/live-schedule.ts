import type { Session } from '../../../../contract/session.ts';

/**
 * How long live refresh waits before the next fetch. The Plivo list budget (20 calls a
 * minute) is shared by every user of the dashboard, so live refresh gives way: it slows down
 * when the server reports the budget running low, honours a 429's Retry-After, and backs off
 * exponentially after failures instead of hammering a broken upstream.
 */
const MAX_LIVE_DELAY_MS = 5 * 60_000;
/** At or below this many calls left in the minute, wait at least a full minute. */
const BUDGET_NEARLY_SPENT = 2;

export type DelayInput = {
  intervalMs: number;
  /** Calls left this minute (from `/api/health`'s budget); undefined when unknown. */
  budgetRemaining?: number | undefined;
  budgetPerMinute?: number | undefined;
  /** Consecutive failed refreshes. */
  failures?: number;
  /** From a 429's `retryAfterSeconds`, in ms. */
  retryAfterMs?: number | undefined;
};

export type SlowedBy = 'rate-limit' | 'budget' | 'errors' | null;

export function liveDelay(input: DelayInput): { delayMs: number; slowedBy: SlowedBy } {
  const base = Math.max(1000, input.intervalMs);
  const perMinute = input.budgetPerMinute ?? 20;
  const candidates: [number, SlowedBy][] = [[base, null]];
  const remaining = input.budgetRemaining;
  if (remaining !== undefined && remaining <= BUDGET_NEARLY_SPENT) {
    candidates.push([Math.max(base * 4, 60_000), 'budget']);
  } else if (remaining !== undefined && remaining < perMinute / 4) {
    candidates.push([base * 2, 'budget']);
  }
  const failures = input.failures ?? 0;
  if (failures > 0) candidates.push([base * 2 ** Math.min(failures, 6), 'errors']);
  if (input.retryAfterMs !== undefined) candidates.push([input.retryAfterMs, 'rate-limit']);
  const [delay, slowedBy] = candidates.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { delayMs: Math.min(delay, MAX_LIVE_DELAY_MS), slowedBy };
}

/** A 429 from `/api` carries `retryAfterSeconds` (ApiError); read it without importing it. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterSeconds' in error)) {
    return undefined;
  }
  const seconds = error.retryAfterSeconds;
  return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Sessions that were not on screen before this refresh, to highlight. The first load has
 * no "before" (`null`), and highlighting every row then would mean nothing.
 */
export function diffNewRows(
  previousUuids: ReadonlySet<string> | null,
  sessions: readonly Pick<Session, 'sessionUuid'>[],
): Set<string> {
  if (previousUuids === null) return new Set();
  return new Set(sessions.map((s) => s.sessionUuid).filter((uuid) => !previousUuids.has(uuid)));
}
