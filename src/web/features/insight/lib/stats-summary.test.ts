import { describe, expect, it } from 'vitest';
import { makeStats } from '../../../test-support/make-stats.ts';
import { statsBucketFor, summaryFromStats } from './stats-summary.ts';

const H = 3_600_000;

describe('statsBucketFor: the finest server bucket within the chart’s bar count', () => {
  it.each([
    [15 * 60_000, '1m'],
    [2 * H, '1m'],
    [3 * H, '5m'],
    [24 * H, '15m'],
    [7 * 24 * H, '1d'],
    [90 * 24 * H, '1d'],
  ])('%d ms → %s', (span, bucket) => expect(statsBucketFor({ from: 0, to: span })).toBe(bucket));
});

describe('summaryFromStats', () => {
  it('gives exact totals and leaves what the index cannot count unknown', () => {
    expect(summaryFromStats(makeStats())).toEqual({
      sessions: 10,
      verified: 6,
      expired: 3,
      inProgress: 1,
      otherStatus: 0,
      verifiedShare: 0.6,
      expiredShare: 0.3,
      meanAttempts: 1.2,
      secondAttemptShare: null,
      voiceFallbackShare: null,
      totalCharge: '0.1234',
      neverVerifiedCharge: '0.04',
      unreadableCharges: 0,
    });
  });

  it('takes the 2nd-attempt share from the attempts_min=2 total when given', () => {
    expect(summaryFromStats(makeStats(), 4).secondAttemptShare).toBe(0.4);
  });

  it('has no ratios for an empty result', () => {
    const empty = summaryFromStats(
      makeStats({ total: 0, verified: 0, byStatus: [], attempts: [] }),
    );
    expect([empty.verifiedShare, empty.meanAttempts]).toEqual([null, null]);
  });
});
