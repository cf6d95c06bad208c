import { describe, expect, it } from 'vitest';
import javaList from '../../e2e/fixtures/plivo-sdk/plivo-java__listSession.json';
import { HIDDEN_IP, maskRawJson, maskSession } from './mask.ts';
import { parsePlivoList } from './parse-plivo.ts';
import type { Attempt, Session } from './session.ts';

/**
 * Issue #15, finding 8: a number anywhere in a session — not only in the fields known to hold
 * one — must not survive masking, nor may an IP under any IP-named key of the raw JSON.
 */
const RECIPIENT = '+918681951370';
const parsed = parsePlivoList(javaList);
if (!parsed.ok) throw new Error(parsed.message);
const real = parsed.value.sessions.find((s) => s.attempts.length > 0 && s.charges.attempts.length);
if (!real) throw new Error('the fixture has no session with attempts and charges');
const base: Session = { ...real, recipient: RECIPIENT };

/** Every 6-digit window of the recipient: none may survive (its last four may). */
const windows = Array.from({ length: 7 }, (_, i) => RECIPIENT.slice(1).slice(i, i + 6));
const survivors = (value: unknown) => {
  const text = JSON.stringify(value).replaceAll(base.sessionUuid, '');
  return windows.filter((w) => text.includes(w));
};

// The recipient as it could turn up: with and without "+", its national part, a trunk
// prefix, and glued to letters or dashes where the generic scrub cannot tell it from an id.
const FORMS = [
  '+918681951370',
  '918681951370',
  '8681951370',
  '08681951370',
  'sent-918681951370',
  'app918681951370x',
  'en-8681951370',
];

type Place = [string, (s: Session, v: string) => Session];
const inAttempt = (patch: (v: string) => Partial<Attempt>) => (s: Session, v: string) => ({
  ...s,
  attempts: s.attempts.map((a, i) => (i === 0 ? { ...a, ...patch(v) } : a)),
});
const PLACES: Place[] = [
  ['status', (s, v) => ({ ...s, status: v })],
  ['channel', (s, v) => ({ ...s, channel: v })],
  ['locale', (s, v) => ({ ...s, locale: v })],
  ['appUuid', (s, v) => ({ ...s, appUuid: v })],
  ['country', (s, v) => ({ ...s, country: v })],
  ['alias', (s, v) => ({ ...s, alias: v })],
  ['network', (s, v) => ({ ...s, network: v })],
  ['updatedAt', (s, v) => ({ ...s, updatedAt: v })],
  ['warnings', (s, v) => ({ ...s, warnings: [`odd value ${v}`] })],
  ['attempt channel', inAttempt((v) => ({ channel: v }))],
  ['attempt status', inAttempt((v) => ({ status: v }))],
  ['attempt uuid', inAttempt((v) => ({ attemptUuid: v }))],
  ['attempt time', inAttempt((v) => ({ time: v }))],
  ['attempt charge', inAttempt((v) => ({ charge: v }))],
  ['attempt brand name', inAttempt((v) => ({ brandName: v }))],
  ['attempt app hash', inAttempt((v) => ({ appHash: v }))],
  ['attempt fraud check', inAttempt((v) => ({ fraudCheck: v }))],
  [
    'charges attempt channel',
    (s, v) => ({
      ...s,
      charges: { ...s.charges, attempts: s.charges.attempts.map((c) => ({ ...c, channel: v })) },
    }),
  ],
  ['charges total', (s, v) => ({ ...s, charges: { ...s.charges, total: v } })],
];

describe('maskSession masks the recipient by value, wherever it is', () => {
  const cases = PLACES.flatMap(([place, put]) => FORMS.map((form) => [place, form, put] as const));
  it.each(cases)('in %s as %s', (_place, form, put) => {
    const masked = maskSession(put(base, form));
    expect(survivors(masked)).toEqual([]);
    expect(masked.sessionUuid).toBe(base.sessionUuid);
  });

  it.each([
    [
      'attemptCount',
      (v: number): Session => ({ ...base, attemptCount: v }),
      (s: Session) => s.attemptCount,
    ],
    [
      'attempt dtmf',
      (v: number) => inAttempt(() => ({ dtmf: v }))(base, ''),
      (s: Session) => s.attempts[0]!.dtmf,
    ],
    [
      'attempt code length',
      (v: number) => inAttempt(() => ({ codeLength: v }))(base, ''),
      (s: Session) => s.attempts[0]!.codeLength,
    ],
  ])('drops a %s that is the number, keeps a real one', (_field, put, get) => {
    expect(get(maskSession(put(918681951370)))).toBeNull();
    expect(get(maskSession(put(3)))).toBe(3);
  });

  it('leaves a session without stray numbers as field masking alone would', () => {
    const masked = maskSession(base);
    expect(masked.charges).toEqual(base.charges);
    expect(masked.attempts.map((a) => a.time)).toEqual(base.attempts.map((a) => a.time));
    expect(masked.status).toBe(base.status);
  });

  it('is idempotent: a session the server masked masks to itself in the browser', () => {
    const once = maskSession(PLACES[0]![1](base, 'sent-918681951370'));
    expect(maskSession(once)).toEqual(once);
    expect(once.recipient).toBe('+91 ••••1370');
  });
});

// The fields the issue named as untested: other numbers and IPs in them are scrubbed too.
describe.each([
  ['alias', (v: string): Session => ({ ...base, alias: v })],
  ['network', (v: string): Session => ({ ...base, network: v })],
  ['brand name', (v: string) => inAttempt(() => ({ brandName: v }))(base, '')],
  ['app hash', (v: string) => inAttempt(() => ({ appHash: v }))(base, '')],
  ['fraud check', (v: string) => inAttempt(() => ({ fraudCheck: v }))(base, '')],
])('maskSession on %s', (_field, put) => {
  it.each([
    ['another number', 'call +1 (415) 555-0100', '4155550100'],
    ['an IPv4 address', 'from 110.226.182.196', '110.226.182.196'],
    ['an IPv6 address', 'v6 2001:db8::8a2e:370:7334', '2001:db8::8a2e:370:7334'],
  ])('scrubs %s', (_what, value, secret) => {
    expect(JSON.stringify(maskSession(put(value)))).not.toContain(secret);
  });
});

describe('maskRawJson', () => {
  it.each([
    ['ip', { ip: '110.226.182.196' }],
    ['client_ip', { client_ip: '110.226.182.196' }],
    ['requestorIp', { requestorIp: '110.226.182.196' }],
    ['clientIP', { clientIP: 'not an address at all' }],
    ['ip_address', { ip_address: 1_862_399_684 }],
    ['ips array', { ips: ['110.226.182.196', '10.0.0.1'] }],
    ['requestor_ips array', { requestor_ips: ['110.226.182.196'] }],
  ])('hides an IP-named key: %s', (_key, raw) => {
    const masked = maskRawJson(raw) as Record<string, unknown>;
    expect(Object.values(masked)).toEqual([HIDDEN_IP]);
  });

  it('keeps keys that only look like "ip"', () => {
    const raw = { relationship: 'x', zip: 'y', description: 'z', tip: 2 };
    expect(maskRawJson(raw)).toEqual(raw);
  });

  it('masks numbers inside arrays, read under the array key', () => {
    const masked = maskRawJson({
      recipients: ['+14155550100', 14155550100],
      attempt_details: [{ requestor_ip: '10.0.0.1', to: 918681951370 }],
      nested: [['call 918681951370']],
    });
    const text = JSON.stringify(masked);
    expect(text).not.toContain('4155550100');
    expect(text).not.toContain('10.0.0.1');
    expect(text).not.toContain('8681951');
    expect(masked).toMatchObject({ recipients: ['+1 ••••0100', '+1 ••••0100'] });
  });

  it.each(FORMS)('given the recipient, masks it by value anywhere, keys included: %s', (form) => {
    const raw = { status: form, channel: [form], [form]: 'x', count: 8681951370 };
    expect(survivors(maskRawJson(raw, RECIPIENT))).toEqual([]);
  });
});
