import { describe, expect, it } from 'vitest';
import { charged, makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';
import { fellBackToVoice, formatMean, formatShare, summarise } from './summary.ts';

describe('summarise', () => {
  it('is all zeros and dashes for no sessions', () => {
    const s = summarise([]);
    expect(s).toMatchObject({ sessions: 0, verifiedShare: null, meanAttempts: null });
    expect(s.totalCharge).toBe('0');
    expect([formatShare(s.verifiedShare), formatMean(s.meanAttempts)]).toEqual(['—', '—']);
  });

  it('counts statuses, attempts, retries, fallbacks and exact charges', () => {
    const sessions = [
      makeSession({
        status: 'verified',
        attempts: [a('sms', 'delivered')],
        charges: charged('0.0075'),
      }),
      makeSession({
        status: 'verified',
        attempts: [a('sms', 'sent'), a('voice', 'answer')],
        charges: charged('0.1'),
      }),
      makeSession({
        status: 'expired',
        attempts: [a('sms', 'failed'), a('sms', 'failed'), a('sms', 'failed')],
        charges: charged('0.2'),
      }),
      makeSession({
        status: 'EXPIRED',
        attempts: [a('sms', 'sent')],
        charges: charged('0.0000001'),
      }),
      makeSession({ status: 'in-progress', attempts: [], charges: charged('0') }),
      makeSession({ status: null, attempts: [a('voice', 'ringing')], charges: charged('0.3') }),
    ];
    expect(summarise(sessions)).toEqual({
      sessions: 6,
      verified: 2,
      expired: 2,
      inProgress: 1,
      otherStatus: 1,
      verifiedShare: 2 / 6,
      expiredShare: 2 / 6,
      meanAttempts: 8 / 6,
      secondAttemptShare: 2 / 6,
      voiceFallbackShare: 1 / 6,
      totalCharge: '0.6075001',
      neverVerifiedCharge: '0.2000001',
      unreadableCharges: 0,
    });
  });

  it('adds 0.1 + 0.2 exactly, uses the computed total when Plivo’s is missing, counts unreadable ones', () => {
    const sessions = [
      makeSession({ status: 'expired', charges: charged('0.1') }),
      makeSession({ status: 'expired', charges: charged(null, '0.2') }),
      makeSession({ status: 'expired', charges: charged(null, 'n/a') }),
    ];
    const s = summarise(sessions);
    expect([s.totalCharge, s.neverVerifiedCharge, s.unreadableCharges]).toEqual(['0.3', '0.3', 1]);
  });
});

describe('fellBackToVoice', () => {
  it.each([
    [['sms'], false],
    [['voice'], false],
    [['voice', 'sms'], false],
    [['sms', 'voice'], true],
    [['sms', 'sms', 'voice'], true],
    [[null, 'voice'], false],
  ])('%j → %s', (channels, expected) => {
    const attempts = channels.map((c) => a(c, 'sent'));
    expect(fellBackToVoice(makeSession({ attempts }))).toBe(expected);
  });
});

describe('formatShare / formatMean', () => {
  it.each([
    [0, '0.0 %'],
    [1, '100.0 %'],
    [2 / 3, '66.7 %'],
    [0.0004, '0.0 %'],
    [0.0005, '0.1 %'],
  ])('%d → %s', (share, text) => expect(formatShare(share)).toBe(text));

  it('rounds means to two decimals', () => expect(formatMean(7 / 6)).toBe('1.17'));
});
