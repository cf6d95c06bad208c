import { describe, expect, it } from 'vitest';
import { makeStats } from '../../../test-support/make-stats.ts';
import { insightFromStats, seriesFromStats } from './stats-insight.ts';

const t = (iso: string) => Date.parse(iso);
const window = { from: t('2026-11-27T10:00:00Z'), to: t('2026-11-27T10:03:00Z') };
const H = 3_600_000;

describe('seriesFromStats', () => {
  it('puts the buckets on the chart’s grid, empty ones drawn empty', () => {
    const series = seriesFromStats(makeStats(), window, 'UTC');
    expect(series.bucketMs).toBe(60_000);
    expect(series.buckets.map((b) => [b.label, b.total, b.counts])).toEqual([
      ['10:00', 4, { verified: 3, expired: 1 }],
      ['10:01', 0, {}],
      ['10:02', 6, { verified: 3, expired: 2, 'in-progress': 1 }],
    ]);
    expect(series.statuses).toEqual(['in-progress', 'verified', 'expired']);
    expect(series.buckets[1]?.rangeLabel).toBe('27 Nov, 10:01 – 27 Nov, 10:02 UTC');
  });

  it('keeps the server’s own starts when they are off the grid (UTC days in another zone)', () => {
    const stats = makeStats({
      meta: { ...makeStats().meta, bucket: '1d', bucketMs: 24 * H },
      buckets: [
        {
          start: '2026-11-27T00:00:00Z',
          sessions: 2,
          inProgress: 0,
          verified: 2,
          expired: 0,
          other: 1,
          failed: 0,
          verifiedPct: 100,
        },
      ],
    });
    const days = { from: t('2026-11-20T00:00:00Z'), to: t('2026-11-28T00:00:00Z') };
    const series = seriesFromStats(stats, days, 'Asia/Kolkata');
    expect(series.buckets.map((b) => [b.start, b.total, b.counts])).toEqual([
      [t('2026-11-27T00:00:00Z'), 2, { verified: 2, unknown: 1 }],
    ]);
  });
});

describe('insightFromStats: the breakdowns as the charts draw them', () => {
  const data = insightFromStats(makeStats(), window, 'UTC', { undelivered_all: 'why' });

  it('maps statuses, channels and verdicts with their shares', () => {
    expect(data.status.map((s) => [s.key, s.count])).toEqual([
      ['in-progress', 1],
      ['verified', 6],
      ['expired', 3],
    ]);
    expect(data.channel.map((s) => [s.key, s.count, s.share])).toEqual([
      ['sms', 7, 0.7],
      ['voice', 3, 0.3],
    ]);
    expect(data.verdict.map((s) => [s.key, s.count, s.label])).toEqual([
      ['verified_first', 4, 'Verified on 1st attempt'],
      ['verified_retry', 2, 'Verified after a retry'],
      ['in_progress', 1, 'Still in progress'],
      ['undelivered_all', 3, 'Undelivered on all attempts'],
    ]);
    expect(data.explanations).toEqual({ undelivered_all: 'why' });
  });

  it('gives countries and networks their verified share, unknown last', () => {
    expect(data.country.map((s) => [s.key, s.count, s.verified])).toEqual([
      ['IN', 8, 4],
      ['unknown', 2, 2],
    ]);
    expect(data.network.map((s) => [s.key, s.count, s.verifiedShare])).toEqual([
      ['AirTel', 5, 0.4],
      ['Jio', 3, 2 / 3],
      ['unknown', 2, 1],
    ]);
  });

  it('counts attempts by channel and status', () => {
    expect(data.attempts).toEqual({
      rows: [
        { channel: 'sms', total: 9, counts: { delivered: 6, undelivered: 3 } },
        { channel: 'voice', total: 3, counts: { answer: 3 } },
      ],
      statuses: ['delivered', 'undelivered', 'answer'],
    });
  });
});
