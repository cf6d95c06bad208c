import { describe, expect, it } from 'vitest';
import { makeSession } from '../../../test-support/make-session.ts';
import { failureRateOverTime, sessionsOverTime, verifiedRateOverTime } from './time-series.ts';
import { brushWindow } from './window-steps.ts';

const t = (iso: string) => Date.parse(iso);
const window = { from: t('2026-11-27T10:00:00Z'), to: t('2026-11-27T11:00:00Z') };
const at = (time: string, status: string | null) =>
  makeSession({ createdAt: `2026-11-27T${time}.000000Z`, status });

describe('sessionsOverTime', () => {
  const sessions = [
    at('10:00:00', 'verified'),
    at('10:00:59', 'expired'),
    at('10:01:00', 'verified'),
    at('10:59:59', 'in-progress'),
    at('10:30:00', 'odd'),
    at('11:00:00', 'verified'),
    at('09:59:59', 'verified'),
    makeSession({ createdAt: null }),
  ];
  const series = sessionsOverTime(sessions, window, 'UTC');

  it('buckets by minute for an hour, stacked by status', () => {
    expect(series.bucketMs).toBe(60_000);
    expect(series.buckets).toHaveLength(60);
    expect(series.buckets[0]).toMatchObject({
      label: '10:00',
      rangeLabel: '27 Nov, 10:00 – 27 Nov, 10:01 UTC',
      total: 2,
      counts: { verified: 1, expired: 1 },
    });
    expect(series.buckets[1]?.counts).toEqual({ verified: 1 });
    expect(series.buckets[30]?.counts).toEqual({ odd: 1 });
    expect(series.buckets[59]?.counts).toEqual({ 'in-progress': 1 });
    expect(series.statuses).toEqual(['in-progress', 'verified', 'expired', 'odd']);
  });

  it('says what it left out instead of dropping it silently', () => {
    expect([series.undated, series.outside]).toEqual([1, 2]);
    expect(series.buckets.reduce((n, b) => n + b.total, 0)).toBe(5);
  });

  it('labels buckets in the display zone', () => {
    const kolkata = sessionsOverTime([], window, 'Asia/Kolkata');
    expect(kolkata.zone).toBe('Asia/Kolkata');
    expect(kolkata.buckets[0]?.label).toBe('15:30');
  });

  it('has empty buckets and no statuses without sessions', () => {
    const empty = sessionsOverTime([], window, 'UTC');
    expect(empty.statuses).toEqual([]);
    expect(empty.buckets.every((b) => b.total === 0)).toBe(true);
  });
});

describe('verifiedRateOverTime', () => {
  it('divides by finished sessions only; null where nothing finished', () => {
    const sessions = [
      at('10:00:01', 'verified'),
      at('10:00:02', 'expired'),
      at('10:00:03', 'in-progress'),
      at('10:00:04', 'verified'),
      at('10:01:00', 'in-progress'),
    ];
    const rate = verifiedRateOverTime(sessionsOverTime(sessions, window, 'UTC'));
    expect(rate[0]).toMatchObject({ verified: 2, finished: 3, inProgress: 1, share: 2 / 3 });
    expect(rate[1]).toMatchObject({ verified: 0, finished: 0, inProgress: 1, share: null });
    expect(rate[2]?.share).toBeNull();
  });
});

describe('a click on one bucket (brushWindow of one bucket)', () => {
  it.each([
    [
      { start: 100, end: 200 },
      { from: 0, to: 1000 },
      { from: 100, to: 200 },
    ],
    [
      { start: -50, end: 50 },
      { from: 0, to: 1000 },
      { from: 0, to: 50 },
    ],
    [
      { start: 950, end: 1050 },
      { from: 0, to: 1000 },
      { from: 950, to: 1000 },
    ],
  ])('%j in %j → %j', (bucket, w, expected) =>
    expect(brushWindow([bucket], 0, 0, w)).toEqual(expected),
  );
});

describe('failureRateOverTime', () => {
  it('counts never-verified sessions over finished ones, per bucket', () => {
    const series = sessionsOverTime(
      [
        makeSession({ createdAt: '2026-11-27T10:00:00.000000Z', status: 'verified' }),
        makeSession({ createdAt: '2026-11-27T10:00:10.000000Z', status: 'expired' }),
        makeSession({ createdAt: '2026-11-27T10:00:20.000000Z', status: 'in-progress' }),
      ],
      window,
      'utc',
    );
    const first = failureRateOverTime(series)[0];
    expect(first).toMatchObject({ failed: 1, finished: 2, share: 0.5 });
    expect(failureRateOverTime(series)[1]?.share).toBeNull();
  });
});
