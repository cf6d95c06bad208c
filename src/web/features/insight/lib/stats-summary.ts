import type { SegmentCount, Stats, StatsBucket } from '../../../../contract/index-api.ts';
import { formatMoney, parseMoney } from '../../../../contract/money.ts';
import { UNKNOWN_SEGMENT } from './segments.ts';
import type { Summary } from './summary.ts';
import { MAX_BUCKETS } from './max-buckets.ts';
import type { TimeWindow } from './time-buckets.ts';

/**
 * What the first screen takes from `/api/stats` (exact aggregates over every matching
 * session, from the session index): the bucket size to ask for and the summary strip's
 * numbers. The charts' shapes (stats-insight.ts) load with the charts.
 */
const MINUTE = 60_000;
const STATS_BUCKET_MS: [Exclude<StatsBucket, 'auto'>, number][] = [
  ['1m', MINUTE],
  ['5m', 5 * MINUTE],
  ['15m', 15 * MINUTE],
  ['1h', 60 * MINUTE],
  ['1d', 24 * 60 * MINUTE],
];

/** The finest bucket the server offers that keeps the window within the chart's bar count. */
export function statsBucketFor(window: TimeWindow): StatsBucket {
  const span = window.to - window.from;
  const fits = STATS_BUCKET_MS.find(([, ms]) => Math.ceil(span / ms) <= MAX_BUCKETS);
  return fits?.[0] ?? '1d';
}

export const keyOf = (s: SegmentCount) => s.key?.trim() || UNKNOWN_SEGMENT;

const countOf = (segments: readonly SegmentCount[], key: string) =>
  segments.filter((s) => keyOf(s).toLowerCase() === key).reduce((n, s) => n + s.sessions, 0);

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const money = (value: string) => {
  const units = parseMoney(value);
  return units === null ? value : formatMoney(units);
};

/**
 * The summary strip's numbers from the aggregates. They hold no per-session attempt counts
 * or channel order: the 2nd-attempt share needs `retried` (the total of the same query with
 * `attempts_min=2`), and the voice-fallback share stays unknown (null).
 */
export function summaryFromStats(stats: Stats, retried: number | null = null): Summary {
  const n = stats.total;
  const expired = countOf(stats.byStatus, 'expired');
  const inProgress = countOf(stats.byStatus, 'in-progress');
  const attempts = stats.attempts.reduce((sum, a) => sum + a.attempts, 0);
  return {
    sessions: n,
    verified: stats.verified,
    expired,
    inProgress,
    otherStatus: n - stats.verified - expired - inProgress,
    verifiedShare: ratio(stats.verified, n),
    expiredShare: ratio(expired, n),
    meanAttempts: ratio(attempts, n),
    secondAttemptShare: retried === null ? null : ratio(retried, n),
    voiceFallbackShare: null,
    totalCharge: money(stats.charges.total),
    neverVerifiedCharge: money(stats.charges.neverVerified),
    unreadableCharges: 0,
  };
}
