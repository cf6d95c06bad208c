import { instantToMs } from '../../../../contract/time.ts';

/**
 * "Load all matching": pages through every matching session, one page at a time, within the
 * shared Plivo budget. Framework-free so it can be driven with fake timers; `useLoadAll` is a
 * thin React wrapper around it.
 */
export type LoadAllPhase =
  'idle' | 'confirming' | 'running' | 'waiting' | 'paused' | 'done' | 'failed';

/** What the driver needs from a TanStack infinite query (its result object fits). */
export type LoadAllSource = {
  hasNextPage: boolean;
  pageCount: number;
  sessionCount: number;
  /** Share of the time window the loaded pages cover, 0..1; null when unknown. */
  coverage: number | null;
  /** Resolves (never rejects, like TanStack's) with the query state after the page. */
  fetchNextPage: () => Promise<{ hasNextPage?: boolean; error?: unknown }>;
};

export type LoadAllState = {
  phase: LoadAllPhase;
  /** Running time of earlier runs (a run ends at pause, done or failure). */
  elapsedBeforeMs: number;
  runningSince: number | null;
  /** While waiting for the rate limit: when the next request may go. */
  waitUntil: number | null;
  error: string | null;
  /** Pages already loaded when the first run started: the runs' own pages are counted after. */
  pagesAtStart: number | null;
};

export type LoadAllProgress = {
  pages: number;
  sessions: number;
  elapsedMs: number;
  /** Estimated time left from the budget and the window coverage; null when unknown. */
  etaMs: number | null;
  /** Estimated share done, 0..1, for the progress bar; null when unknown. */
  fraction: number | null;
  waitMs: number;
};

export const CONFIRM_ABOVE_MS = 3 * 60_000;
const MINUTE = 60_000;

export function msPerPage(perMinute: number): number {
  return MINUTE / Math.max(1, perMinute);
}

/**
 * Pages still to load, assuming sessions are spread over the window as they were so far:
 * Plivo gives no totals, so the covered share of the window is the only honest yardstick.
 */
export function estimateRemainingPages(
  source: Omit<LoadAllSource, 'fetchNextPage'>,
): number | null {
  if (!source.hasNextPage) return 0;
  const { coverage, pageCount } = source;
  if (coverage === null || coverage <= 0 || pageCount === 0) return null;
  return Math.max(1, Math.ceil(pageCount / Math.min(1, coverage) - pageCount));
}

/**
 * Time per page: the budget's pace until the runs have loaded a few pages, then the pace
 * they actually kept, rate-limit waits and other people's share of the budget included
 * (never faster than the budget allows).
 */
export function paceMsPerPage(perMinute: number, elapsedMs: number, pagesLoaded: number): number {
  const budgetPace = msPerPage(perMinute);
  if (pagesLoaded < MIN_PAGES_FOR_PACE) return budgetPace;
  return Math.max(budgetPace, elapsedMs / pagesLoaded);
}
const MIN_PAGES_FOR_PACE = 3;

export function progressOf(
  state: LoadAllState,
  source: Omit<LoadAllSource, 'fetchNextPage'>,
  perMinute: number,
  now: number,
): LoadAllProgress {
  const remaining = estimateRemainingPages(source);
  const waitMs = state.waitUntil === null ? 0 : Math.max(0, state.waitUntil - now);
  const fraction =
    remaining === null ? null : source.pageCount / Math.max(1, source.pageCount + remaining);
  const elapsedMs =
    state.elapsedBeforeMs + (state.runningSince === null ? 0 : now - state.runningSince);
  const loadedByRuns = state.pagesAtStart === null ? 0 : source.pageCount - state.pagesAtStart;
  const pace = paceMsPerPage(perMinute, elapsedMs, loadedByRuns);
  return {
    pages: source.pageCount,
    sessions: source.sessionCount,
    elapsedMs,
    // The current wait comes first; the pace already includes waits like it after that.
    etaMs: remaining === null ? null : remaining * pace + waitMs,
    fraction: state.phase === 'done' ? 1 : fraction,
    waitMs,
  };
}

/** Seconds to wait when the error is the server's `rate_limited`; null for other errors. */
export function retryAfterSecondsOf(error: unknown, perMinute: number): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; status?: unknown; retryAfterSeconds?: unknown };
  if (e.code !== 'rate_limited' && e.status !== 429) return null;
  return typeof e.retryAfterSeconds === 'number' && e.retryAfterSeconds >= 0
    ? e.retryAfterSeconds
    : msPerPage(perMinute) / 1000;
}

export type DriverOptions = {
  perMinute: number;
  getSource: () => LoadAllSource;
  onChange: () => void;
  now?: () => number;
  confirmAboveMs?: number;
};

export const initialLoadAllState: LoadAllState = {
  phase: 'idle',
  elapsedBeforeMs: 0,
  runningSince: null,
  waitUntil: null,
  error: null,
  pagesAtStart: null,
};

/**
 * Share of the window the loaded sessions cover. Plivo lists newest first, so everything
 * between the oldest loaded session and the window's end has been seen.
 */
export function coverageOf(
  sessions: readonly { createdAt: string | null }[],
  window: { from: number; to: number },
): number | null {
  let oldest: string | null = null;
  for (const s of sessions)
    if (s.createdAt && (oldest === null || s.createdAt < oldest)) oldest = s.createdAt;
  const span = window.to - window.from;
  if (oldest === null || span <= 0) return null;
  return Math.min(1, Math.max(0, (window.to - instantToMs(oldest)) / span));
}
