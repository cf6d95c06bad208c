import type { SegmentCount, Stats } from '../../contract/index-api.ts';

const seg = (key: string | null, sessions: number, verified = 0, failed = 0): SegmentCount => ({
  key,
  sessions,
  verified,
  failed,
});

/**
 * A `/api/stats` reply for tests: 10 sessions from 10:00 to 10:03 UTC on 27 Nov (1 min
 * buckets), 6 verified, 3 expired, 1 in progress; `overrides` replace whole fields.
 */
export function makeStats(overrides: Partial<Stats> = {}): Stats {
  return {
    meta: {
      source: 'index',
      asOf: '2026-11-27T12:00:00Z',
      from: '2026-11-27T10:00:00Z',
      to: '2026-11-27T10:03:00Z',
      bucket: '1m',
      bucketMs: 60_000,
    },
    total: 10,
    verified: 6,
    byStatus: [seg('verified', 6, 6), seg('expired', 3, 0, 3), seg('in-progress', 1)],
    byChannel: [seg('sms', 7, 4, 2), seg('voice', 3, 2, 1)],
    attempts: [
      { channel: 'sms', status: 'delivered', attempts: 6 },
      { channel: 'sms', status: 'undelivered', attempts: 3 },
      { channel: 'voice', status: 'answer', attempts: 3 },
    ],
    byCountry: [seg('IN', 8, 4, 3), seg(null, 2, 2)],
    byNetwork: [seg('AirTel', 5, 2, 3), seg('Jio', 3, 2), seg(null, 2, 2)],
    byCountryNetwork: [],
    byVerdict: [
      seg('verified_first', 4, 4),
      seg('verified_retry', 2, 2),
      seg('undelivered_all', 3, 0, 3),
      seg('in_progress', 1),
    ],
    byApp: [],
    buckets: [
      {
        start: '2026-11-27T10:00:00Z',
        sessions: 4,
        inProgress: 0,
        verified: 3,
        expired: 1,
        other: 0,
        failed: 1,
        verifiedPct: 75,
      },
      {
        start: '2026-11-27T10:02:00Z',
        sessions: 6,
        inProgress: 1,
        verified: 3,
        expired: 2,
        other: 0,
        failed: 2,
        verifiedPct: 50,
      },
    ],
    timeToVerify: { sessions: 6, p50Seconds: 12, p95Seconds: 40 },
    charges: { total: '0.1234', neverVerified: '0.0400', currency: 'USD' },
    ...overrides,
  };
}
