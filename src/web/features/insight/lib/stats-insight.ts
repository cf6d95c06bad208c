import type { SegmentCount, Stats } from '../../../../contract/index-api.ts';
import { SESSION_STATUSES } from '../../../../contract/session.ts';
import {
  isVerdictKind,
  VERDICT_KINDS,
  VERDICT_KIND_LABELS,
} from '../../../../contract/verdict-kinds.ts';
import {
  ATTEMPT_STATUS_ORDER,
  slices,
  type CountrySlice,
  type VerdictSlice,
} from './breakdowns.ts';
import type { InsightData } from './insight-data.ts';
import { UNKNOWN_SEGMENT } from './segments.ts';
import { keyOf } from './stats-summary.ts';
import { bucketEdges, bucketLabel, bucketRangeLabel, type TimeWindow } from './time-buckets.ts';
import type { Bucket, SessionsOverTime } from './time-series.ts';

/**
 * `/api/stats` (exact aggregates over every matching session, from the session index) in the
 * shapes the charts already draw from loaded rows; the summary strip's are in stats-summary.ts.
 */
function countsOf(segments: readonly SegmentCount[], normalise = (k: string) => k) {
  const counts = new Map<string, number>();
  for (const s of segments) {
    const key = normalise(keyOf(s));
    counts.set(key, (counts.get(key) ?? 0) + s.sessions);
  }
  return counts;
}

function withVerified(segments: readonly SegmentCount[]): CountrySlice[] {
  const verified = new Map<string, number>();
  for (const s of segments) verified.set(keyOf(s), (verified.get(keyOf(s)) ?? 0) + s.verified);
  return slices(countsOf(segments), []).map((slice) => {
    const v = verified.get(slice.key) ?? 0;
    return { ...slice, verified: v, verifiedShare: slice.count === 0 ? 0 : v / slice.count };
  });
}

function verdictSlices(segments: readonly SegmentCount[]): VerdictSlice[] {
  const counts = countsOf(segments, (k) => (isVerdictKind(k) ? k : 'unknown'));
  return slices(counts, VERDICT_KINDS).map((slice) => {
    const key = isVerdictKind(slice.key) ? slice.key : 'unknown';
    return { ...slice, key, label: VERDICT_KIND_LABELS[key] };
  });
}

function attemptsOf(stats: Stats): InsightData['attempts'] {
  const byChannel = new Map<string, Map<string, number>>();
  const statusCounts = new Map<string, number>();
  for (const row of stats.attempts) {
    const channel = row.channel ?? UNKNOWN_SEGMENT;
    const status = row.status ?? UNKNOWN_SEGMENT;
    const counts = byChannel.get(channel) ?? new Map<string, number>();
    counts.set(status, (counts.get(status) ?? 0) + row.attempts);
    byChannel.set(channel, counts);
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + row.attempts);
  }
  const totals = new Map(
    [...byChannel].map(([c, m]) => [c, [...m.values()].reduce((a, b) => a + b, 0)]),
  );
  return {
    rows: slices(totals, ['sms', 'voice']).map(({ key, count }) => ({
      channel: key,
      total: count,
      counts: Object.fromEntries(byChannel.get(key) ?? []),
    })),
    statuses: slices(statusCounts, ATTEMPT_STATUS_ORDER).map((s) => s.key),
  };
}

type StatsBucketRow = Stats['buckets'][number];

function countsOfBucket(b: StatsBucketRow | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!b) return counts;
  if (b.verified) counts['verified'] = b.verified;
  if (b.expired) counts['expired'] = b.expired;
  if (b.inProgress) counts['in-progress'] = b.inProgress;
  if (b.other) counts[UNKNOWN_SEGMENT] = b.other;
  return counts;
}

/**
 * The server's buckets on the chart's grid (empty buckets drawn as empty). When the server
 * aligned them differently (day buckets are UTC days; the chart may be in another zone),
 * its own starts are used as they are.
 */
/** `zone`: the IANA zone the chart is drawn in. */
export function seriesFromStats(stats: Stats, window: TimeWindow, zone: string): SessionsOverTime {
  const bucketMs = stats.meta.bucketMs;
  const byStart = new Map(stats.buckets.map((b) => [Date.parse(b.start), b]));
  const grid = bucketEdges(window, bucketMs, zone).slice(0, -1);
  const onGrid = [...byStart.keys()].every((start) => grid.includes(start));
  const starts = onGrid ? grid : [...byStart.keys()].sort((a, b) => a - b);
  const seen = new Set<string>();
  const buckets = starts.map((start, i): Bucket => {
    const end = starts[i + 1] ?? start + bucketMs;
    const counts = countsOfBucket(byStart.get(start));
    for (const status of Object.keys(counts)) seen.add(status);
    return {
      start,
      end,
      label: bucketLabel(start, bucketMs, window, zone),
      rangeLabel: bucketRangeLabel(start, end, bucketMs, zone),
      total: byStart.get(start)?.sessions ?? 0,
      counts,
      failed: byStart.get(start)?.failed ?? 0,
    };
  });
  const known: string[] = SESSION_STATUSES.filter((s) => seen.has(s));
  const others = [...seen].filter((s) => !known.includes(s)).sort();
  return { bucketMs, zone, buckets, statuses: [...known, ...others], undated: 0, outside: 0 };
}

export function insightFromStats(
  stats: Stats,
  window: TimeWindow,
  zone: string,
  explanations: InsightData['explanations'],
): InsightData {
  return {
    series: seriesFromStats(stats, window, zone),
    status: slices(
      countsOf(stats.byStatus, (k) => k.toLowerCase()),
      SESSION_STATUSES,
    ),
    channel: slices(
      countsOf(stats.byChannel, (k) => k.toLowerCase()),
      ['sms', 'voice'],
    ),
    attempts: attemptsOf(stats),
    verdict: verdictSlices(stats.byVerdict),
    country: withVerified(stats.byCountry),
    network: withVerified(stats.byNetwork),
    explanations,
  };
}
