import type { Session } from '../../../../contract/session.ts';
import { instantToMs } from '../../../../contract/time.ts';
import { SESSION_STATUSES } from '../../../../contract/session.ts';
import { VERDICT_TONE } from '../../../../contract/verdict-kinds.ts';
import { statusKeyOf } from './breakdowns.ts';
import {
  bucketEdges,
  bucketIndex,
  bucketLabel,
  bucketRangeLabel,
  chooseBucketMs,
  type TimeWindow,
} from './time-buckets.ts';
import { verdictFor } from '../../../lib/session-verdict.ts';

export type Bucket = {
  start: number;
  end: number;
  /** Axis tick text in the display zone. */
  label: string;
  /** Full span with the zone named, for tooltips and accessible names. */
  rangeLabel: string;
  total: number;
  /** Session status → sessions created in this bucket. */
  counts: Record<string, number>;
  /** Sessions whose verdict is of the bad tone (never verified: expired, undelivered, …). */
  failed: number;
};

export type SessionsOverTime = {
  bucketMs: number;
  zone: string;
  buckets: Bucket[];
  /** Every status seen, known ones first: one stacked series each. */
  statuses: string[];
  /** Sessions left out: no readable creation time, or created outside the window. */
  undated: number;
  outside: number;
};

/** Sessions per time bucket stacked by status, bucket size chosen to fit the window. */
export function sessionsOverTime(
  sessions: readonly Session[],
  window: TimeWindow,
  zone: string,
): SessionsOverTime {
  const bucketMs = chooseBucketMs(window);
  const edges = bucketEdges(window, bucketMs, zone);
  const buckets: Bucket[] = edges.slice(0, -1).map((start, i) => {
    const end = edges[i + 1] ?? start + bucketMs;
    return {
      start,
      end,
      label: bucketLabel(start, bucketMs, window, zone),
      rangeLabel: bucketRangeLabel(start, end, bucketMs, zone),
      total: 0,
      counts: {},
      failed: 0,
    };
  });
  const seen = new Set<string>();
  let undated = 0;
  let outside = 0;
  for (const session of sessions) {
    if (!session.createdAt) {
      undated += 1;
      continue;
    }
    const ms = instantToMs(session.createdAt);
    const bucket =
      ms >= window.from && ms < window.to ? buckets[bucketIndex(edges, ms)] : undefined;
    if (!bucket) {
      outside += 1;
      continue;
    }
    const status = statusKeyOf(session);
    seen.add(status);
    bucket.total += 1;
    bucket.counts[status] = (bucket.counts[status] ?? 0) + 1;
    if (VERDICT_TONE[verdictFor(session).kind] === 'bad') bucket.failed += 1;
  }
  const known: string[] = SESSION_STATUSES.filter((s) => seen.has(s));
  const others = [...seen].filter((s) => !known.includes(s)).sort();
  return { bucketMs, zone, buckets, statuses: [...known, ...others], undated, outside };
}

export type RatePoint = {
  start: number;
  end: number;
  label: string;
  rangeLabel: string;
  verified: number;
  /** Sessions that reached an end (verified, expired or unknown): the denominator. */
  finished: number;
  inProgress: number;
  /** verified / finished in 0..1; null for a bucket with no finished session. */
  share: number | null;
};

/**
 * Verified share per bucket, over finished sessions only: sessions still in progress would
 * otherwise make the newest buckets look like an outage.
 */
export function verifiedRateOverTime(series: SessionsOverTime): RatePoint[] {
  return series.buckets.map(({ start, end, label, rangeLabel, total, counts }) => {
    const verified = counts.verified ?? 0;
    const inProgress = counts['in-progress'] ?? 0;
    const finished = total - inProgress;
    return {
      start,
      end,
      label,
      rangeLabel,
      verified,
      finished,
      inProgress,
      share: finished === 0 ? null : verified / finished,
    };
  });
}

export type FailurePoint = RatePoint & { failed: number };

/**
 * Failed share per bucket, over finished sessions only (as the verified share): the share of
 * the sessions the filters select — a country, a carrier — that never verified.
 */
export function failureRateOverTime(series: SessionsOverTime): FailurePoint[] {
  return verifiedRateOverTime(series).map((point, i) => {
    const failed = series.buckets[i]?.failed ?? 0;
    return { ...point, failed, share: point.finished === 0 ? null : failed / point.finished };
  });
}
