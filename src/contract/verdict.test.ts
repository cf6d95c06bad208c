import { describe, expect, it } from 'vitest';
import type { Attempt, Session } from './session.ts';
import { ordinal, verdictOf } from './verdict.ts';
import {
  VERDICT_KIND_LABELS,
  VERDICT_KINDS,
  VERDICT_TONE,
  type VerdictKind,
} from './verdict-kinds.ts';

const attempt = (channel: string | null, status: string | null): Attempt => ({
  attemptUuid: null,
  channel,
  status,
  time: null,
  charge: null,
  brandName: null,
  appHash: null,
  codeLength: null,
  dtmf: null,
  fraudCheck: null,
});

const session = (status: string | null, attempts: Attempt[]): Session => ({
  sessionUuid: '00000000-0000-0000-0000-000000000000',
  appUuid: null,
  alias: null,
  recipient: null,
  channel: attempts.at(-1)?.channel ?? null,
  locale: null,
  status,
  attemptCount: attempts.length,
  requestorIp: null,
  country: null,
  network: null,
  createdAt: null,
  updatedAt: null,
  attempts,
  charges: { total: null, validation: null, computedTotal: '0', attempts: [] },
  warnings: [],
});

const sms = (status: string | null) => attempt('sms', status);
const voice = (status: string | null) => attempt('voice', status);

describe('verdictOf', () => {
  it.each<[string, string | null, Attempt[], VerdictKind, string]>([
    [
      '1 sms, verified',
      'verified',
      [sms('delivered')],
      'verified_first',
      'Verified on 1st attempt',
    ],
    [
      'verified with sent only',
      'verified',
      [sms('sent')],
      'verified_first',
      'Verified on 1st attempt',
    ],
    [
      '2 sms',
      'verified',
      [sms('sent'), sms('delivered')],
      'verified_retry',
      'Verified on 2nd attempt',
    ],
    [
      'sms then voice',
      'verified',
      [sms('undelivered'), voice('answer')],
      'verified_fallback',
      'Verified on 2nd attempt (voice fallback)',
    ],
    [
      'voice then sms',
      'verified',
      [voice('ringing'), sms('delivered')],
      'verified_fallback',
      'Verified on 2nd attempt (SMS fallback)',
    ],
    [
      'sms, voice, sms',
      'verified',
      [sms('sent'), voice('ringing'), sms('delivered')],
      'verified_retry',
      'Verified on 3rd attempt',
    ],
    [
      '11 attempts',
      'verified',
      Array.from({ length: 11 }, () => sms('sent')),
      'verified_retry',
      'Verified on 11th attempt',
    ],
    ['verified, no attempts', 'verified', [], 'verified_no_attempts', 'Verified'],
    [
      'channel unknown on one attempt',
      'verified',
      [attempt(null, 'sent'), voice('answer')],
      'verified_retry',
      'Verified on 2nd attempt',
    ],
    ['in progress, nothing sent', 'in-progress', [], 'in_progress', 'Still in progress'],
    ['in progress, failed', 'in-progress', [sms('failed')], 'in_progress', 'Still in progress'],
    ['expired, none', 'expired', [], 'expired_no_attempts', 'Expired, nothing sent'],
    [
      'sms delivered',
      'expired',
      [sms('delivered')],
      'delivered_not_verified',
      'Delivered, never verified',
    ],
    [
      'voice answer',
      'expired',
      [voice('answer')],
      'delivered_not_verified',
      'Delivered, never verified',
    ],
    [
      'voice ANSWER',
      'expired',
      [voice('ANSWER')],
      'delivered_not_verified',
      'Delivered, never verified',
    ],
    [
      'voice completed',
      'expired',
      [sms('failed'), voice('completed')],
      'delivered_not_verified',
      'Delivered, never verified',
    ],
    [
      'delivered after sent',
      'expired',
      [sms('sent'), sms('delivered')],
      'delivered_not_verified',
      'Delivered, never verified',
    ],
    ['sms sent', 'expired', [sms('sent')], 'sent_no_receipt', 'Sent — no delivery receipt'],
    [
      'sent beats undelivered',
      'expired',
      [sms('undelivered'), sms('sent')],
      'sent_no_receipt',
      'Sent — no delivery receipt',
    ],
    [
      'sent beats a ringing call',
      'expired',
      [sms('sent'), voice('ringing')],
      'sent_no_receipt',
      'Sent — no delivery receipt',
    ],
    [
      'voice early media',
      'expired',
      [voice('early media')],
      'call_not_answered',
      'Call never answered',
    ],
    [
      'voice ringing',
      'expired',
      [sms('undelivered'), voice('ringing')],
      'call_not_answered',
      'Call never answered',
    ],
    [
      'voice in-progress',
      'expired',
      [voice('in-progress')],
      'call_not_answered',
      'Call never answered',
    ],
    [
      'voice early_media spelling',
      'expired',
      [voice('EARLY_MEDIA')],
      'call_not_answered',
      'Call never answered',
    ],
    ['sms queued', 'expired', [sms('queued')], 'queued_not_sent', 'Queued, never sent'],
    ['one undelivered', 'expired', [sms('undelivered')], 'undelivered_all', 'Undelivered'],
    [
      'all undelivered',
      'expired',
      [sms('undelivered'), sms('undelivered')],
      'undelivered_all',
      'Undelivered on all attempts',
    ],
    [
      'undelivered and failed',
      'expired',
      [sms('failed'), sms('undelivered')],
      'undelivered_all',
      'Undelivered on all attempts',
    ],
    ['one failed', 'expired', [sms('failed')], 'failed_to_send', 'Failed to send'],
    [
      'all failed',
      'expired',
      [sms('failed'), sms('failed')],
      'failed_to_send',
      'Failed to send (all attempts)',
    ],
    [
      'unknown attempt status',
      'expired',
      [sms('vanished')],
      'unknown',
      'Expired, attempt outcome unknown',
    ],
    ['null attempt status', 'expired', [sms(null)], 'unknown', 'Expired, attempt outcome unknown'],
    [
      'known beats unknown',
      'expired',
      [sms('vanished'), sms('failed')],
      'failed_to_send',
      'Failed to send (all attempts)',
    ],
    [
      'upper-case session status',
      'EXPIRED',
      [sms('sent')],
      'sent_no_receipt',
      'Sent — no delivery receipt',
    ],
    [
      'unknown session status',
      'cancelled',
      [sms('delivered')],
      'unknown',
      'Unknown status “cancelled”',
    ],
    ['null session status', null, [], 'unknown', 'Status unknown'],
    ['blank session status', '  ', [], 'unknown', 'Status unknown'],
  ])('%s', (_name, status, attempts, kind, label) => {
    const verdict = verdictOf(session(status, attempts));
    expect(verdict.kind).toBe(kind);
    expect(verdict.detail).toBe(label);
    // One name per verdict everywhere: rows, charts and filters say the kind's label.
    expect(verdict.label).toBe(VERDICT_KIND_LABELS[kind]);
    expect(verdict.explanation.length).toBeGreaterThan(20);
  });

  it('never calls a session that only reached “sent” delivered', () => {
    for (const status of ['expired', 'in-progress']) {
      const verdict = verdictOf(session(status, [sms('sent'), sms('sent')]));
      expect(verdict.label).not.toMatch(/delivered,/i);
      expect(verdict.detail).not.toMatch(/delivered,/i);
      expect(verdict.explanation).toMatch(/no delivery receipt|in progress/);
    }
  });

  it('explains the rule and lists what each attempt did', () => {
    const verdict = verdictOf(session('expired', [sms('undelivered'), voice('ringing')]));
    expect(verdict.explanation).toContain('never connected');
    expect(verdict.explanation).toContain('SMS “undelivered”, voice “ringing”');
  });

  it('names the last attempt of a session still in progress', () => {
    expect(verdictOf(session('in-progress', [sms('sent')])).explanation).toContain('SMS “sent”');
    expect(verdictOf(session('in-progress', [])).explanation).toContain('no attempt');
  });

  it('gives every kind a tone', () => {
    for (const kind of VERDICT_KINDS) expect(VERDICT_TONE[kind]).toBeDefined();
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [111, '111th'],
  ])('%i → %s', (n, text) => expect(ordinal(n)).toBe(text));
});
