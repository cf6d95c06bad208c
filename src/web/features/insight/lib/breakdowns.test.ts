import { describe, expect, it } from 'vitest';
import {
  attemptsByChannel,
  channelBreakdown,
  countryBreakdown,
  statusBreakdown,
  verdictBreakdown,
} from './breakdowns.ts';
import { makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';

const withStatus = (status: string | null) => makeSession({ status });

describe('statusBreakdown', () => {
  it.each([
    [[], []],
    [['verified'], [['verified', 1]]],
    [
      ['expired', 'verified', 'in-progress', 'expired'],
      [
        ['in-progress', 1],
        ['verified', 1],
        ['expired', 2],
      ],
    ],
    [
      ['paused', null, 'Verified', 'paused', ''],
      [
        ['verified', 1],
        ['paused', 2],
        ['unknown', 2],
      ],
    ],
  ])('%j', (statuses, expected) => {
    const slices = statusBreakdown(statuses.map(withStatus));
    expect(slices.map((s) => [s.key, s.count])).toEqual(expected);
    const shares = slices.reduce((t, s) => t + s.share, 0);
    expect(slices.length === 0 || Math.abs(shares - 1) < 1e-9).toBe(true);
  });
});

describe('channelBreakdown', () => {
  it('groups sessions by the channel of their last attempt', () => {
    const sessions = [
      makeSession({ attempts: [a('sms', 'sent'), a('voice', 'answer')] }),
      makeSession({ attempts: [a('sms', 'sent')] }),
      makeSession({ attempts: [] }),
      makeSession({ channel: 'voice', attempts: [] }),
    ];
    expect(channelBreakdown(sessions).map((s) => [s.key, s.count])).toEqual([
      ['sms', 1],
      ['voice', 2],
      ['unknown', 1],
    ]);
  });
});

describe('attemptsByChannel', () => {
  it('counts attempts by channel × attempt status, known statuses in Plivo order', () => {
    const sessions = [
      makeSession({ attempts: [a('sms', 'sent'), a('voice', 'answer')] }),
      makeSession({ attempts: [a('sms', 'delivered'), a('sms', 'sent'), a('sms', 'weird')] }),
      makeSession({ attempts: [a(null, null)] }),
    ];
    expect(attemptsByChannel(sessions)).toEqual({
      rows: [
        { channel: 'sms', total: 4, counts: { sent: 2, delivered: 1, weird: 1 } },
        { channel: 'voice', total: 1, counts: { answer: 1 } },
        { channel: 'unknown', total: 1, counts: { unknown: 1 } },
      ],
      statuses: ['sent', 'delivered', 'answer', 'weird', 'unknown'],
    });
  });

  it('is empty without attempts', () => {
    expect(attemptsByChannel([makeSession()])).toEqual({ rows: [], statuses: [] });
  });
});

describe('verdictBreakdown', () => {
  it('counts verdict kinds in a fixed order with their labels', () => {
    const sessions = [
      makeSession({ status: 'expired', attempts: [a('sms', 'sent')] }),
      makeSession({ status: 'verified', attempts: [a('sms', 'delivered')] }),
      makeSession({ status: 'expired', attempts: [a('sms', 'sent'), a('sms', 'sent')] }),
      makeSession({ status: 'verified', attempts: [a('sms', 'failed'), a('voice', 'answer')] }),
    ];
    expect(verdictBreakdown(sessions).map((s) => [s.key, s.count, s.label])).toEqual([
      ['verified_first', 1, 'Verified on 1st attempt'],
      ['verified_fallback', 1, 'Verified after a channel fallback'],
      ['sent_no_receipt', 2, 'Sent — no delivery receipt'],
    ]);
  });
});

describe('countryBreakdown', () => {
  it('orders by count, unknown last, with the verified share of each', () => {
    const sessions = [
      makeSession({ country: 'IN', status: 'expired' }),
      makeSession({ country: 'IN', status: 'verified' }),
      makeSession({ country: null, status: 'verified' }),
      makeSession({ country: null, status: 'verified' }),
      makeSession({ country: null, status: 'verified' }),
      makeSession({ country: 'US', status: 'verified' }),
      makeSession({ country: 'FR', status: 'expired' }),
    ];
    expect(countryBreakdown(sessions).map((s) => [s.key, s.count, s.verifiedShare])).toEqual([
      ['IN', 2, 0.5],
      ['FR', 1, 0],
      ['US', 1, 1],
      ['unknown', 3, 1],
    ]);
  });
});
