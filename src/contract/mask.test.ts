import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlivoList, parsePlivoSession } from './parse-plivo.ts';
import type { Session } from './session.ts';
import dotnetGet from '../../e2e/fixtures/plivo-sdk/plivo-dotnet__verifySessionGetResponse.json';
import javaList from '../../e2e/fixtures/plivo-sdk/plivo-java__listSession.json';
import phpList from '../../e2e/fixtures/plivo-sdk/plivo-php__verifySessionListResponse.json';
import rubyList from '../../e2e/fixtures/plivo-sdk/plivo-ruby__sessionListResponse.json';
import { HIDDEN_IP, MASKED_PHONE, maskPhone, maskRawJson, maskSession, maskText } from './mask.ts';

function listSessions(json: unknown): Session[] {
  const result = parsePlivoList(json);
  if (!result.ok) throw new Error(result.message);
  return result.value.sessions;
}

const realSessions = [
  ...listSessions(javaList),
  ...listSessions(phpList),
  ...listSessions(rubyList),
];

/** Every 6-digit window of a number: none may survive masking (only the last 4 may). */
const sixDigitWindowsOf = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return Array.from({ length: digits.length - 5 }, (_, i) => digits.slice(i, i + 6));
};

describe('maskPhone', () => {
  it.each([
    ['+918681951370', '+91 ••••1370'],
    ['918681951370', '+91 ••••1370'],
    ['+14155550100', '+1 ••••0100'],
    ['+1 (415) 555-0100', '+1 ••••0100'],
    ['+442079460958', '+44 ••••0958'],
    ['+8801717572237', '+880 ••••2237'],
    ['+33603939061', '+33 ••••9061'],
    // No known calling code: only the tail is kept.
    ['+999123456789', '••••6789'],
    // Too short to show even the tail without giving most of it away.
    ['+12345', '+1 ••••'],
    ['', '••••'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
    expect(maskPhone(input)).toMatch(MASKED_PHONE);
  });

  it('keeps null as null', () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskText', () => {
  it.each([
    ['Sessions to +918681951370', 'Sessions to +91 ••••1370'],
    ['"recipient": "918681951370"', '"recipient": "+91 ••••1370"'],
    ['call +1 (415) 555-0100 now', 'call +1 ••••0100 now'],
    ['typed as 91 86819 51370', 'typed as ••••1370'],
    ['typed as (415) 555-0100', 'typed as ••••0100'],
    ['0044 20 7946 0958', '••••0958'],
    ['from 110.226.182.196', `from ${HIDDEN_IP}`],
    ['v6 2001:db8::8a2e:370:7334 end', `v6 ${HIDDEN_IP} end`],
    ['v6 2001:0db8:0000:0000:0000:ff00:0042:8329', `v6 ${HIDDEN_IP}`],
  ])('%s → %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    '2023-07-18T08:46:14.851205Z',
    '2026-11-20 10:00 – 2026-11-20 11:00 UTC',
    '08:46:14.851205',
    'session 5c533d15-1975-4f20-80be-401741420370',
    'uuid with a digit-only segment 5c533d15-1975-4f20-80be-123456789012',
    'total 0.00600 USD, 3 attempts',
    'Plivo counts 2 attempts but lists 1.',
  ])('keeps %s unchanged', (input) => {
    expect(maskText(input)).toBe(input);
  });

  it('leaves no full number in the real fixtures serialised as text', () => {
    for (const session of realSessions) {
      const masked = maskText(JSON.stringify(session));
      expect(masked).toContain(`••••${session.recipient!.slice(-4)}`);
      expect(sixDigitWindowsOf(session.recipient!).filter((w) => masked.includes(w))).toEqual([]);
    }
  });
});

describe('maskText on generated numbers', () => {
  const phone = fc
    .tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'.split('')) }),
    )
    .filter(([, rest]) => rest.length >= 8 && rest.length <= 13)
    .map(([first, rest]) => `${first}${rest}`);
  const layout = fc.constantFrom(
    (d: string) => `+${d}`,
    (d: string) => d,
    (d: string) => `+${d.slice(0, 2)} ${d.slice(2, 7)} ${d.slice(7)}`,
    (d: string) => `+${d.slice(0, 1)} (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`,
  );

  it('never lets six consecutive digits of a phone number through', () => {
    fc.assert(
      fc.property(phone, layout, fc.string(), fc.string(), (digits, shape, before, after) => {
        const text = `${before.replace(/\d/g, '')} ${shape(digits)} ${after.replace(/\d/g, '')}`;
        const masked = maskText(text);
        expect(sixDigitWindowsOf(digits).filter((w) => masked.includes(w))).toEqual([]);
      }),
    );
  });
});

describe('maskSession', () => {
  it.each(realSessions.map((s) => [s.sessionUuid, s] as const))(
    '%s: no recipient digits beyond the last four, no IP',
    (_uuid, session) => {
      const masked = maskSession(session);
      const text = JSON.stringify(masked);
      const survivors = sixDigitWindowsOf(session.recipient!).filter((w) =>
        text.replaceAll(session.sessionUuid, '').includes(w),
      );
      expect(survivors).toEqual([]);
      expect(masked.recipient).toMatch(MASKED_PHONE);
      expect(masked.recipient!.endsWith(session.recipient!.slice(-4))).toBe(true);
      // Everything that is not personal data is untouched.
      expect(masked.sessionUuid).toBe(session.sessionUuid);
      expect(masked.createdAt).toBe(session.createdAt);
      expect(masked.charges).toEqual(session.charges);
    },
  );

  it.each(realSessions.filter((s) => s.requestorIp).map((s) => [s.requestorIp!, s] as const))(
    'hides the requestor IP %s',
    (ip, session) => {
      const masked = maskSession(session);
      expect(JSON.stringify(masked)).not.toContain(ip);
      expect(masked.requestorIp).toBe(HIDDEN_IP);
    },
  );

  it('covers sessions with and without an IP', () => {
    expect(realSessions.some((s) => s.requestorIp)).toBe(true);
    expect(realSessions.length).toBeGreaterThan(5);
  });
});

describe('maskRawJson', () => {
  it('hides the IP and masks the recipient of a real retrieve reply', () => {
    const parsed = parsePlivoSession(dotnetGet);
    if (!parsed.ok) throw new Error(parsed.message);
    const raw = dotnetGet as Record<string, unknown>;
    const masked = maskRawJson(raw) as Record<string, unknown>;
    expect(masked['requestor_ip']).toBe(HIDDEN_IP);
    expect(masked['recipient']).toBe(maskPhone(parsed.value.recipient));
    expect(masked['session_uuid']).toBe(raw['session_uuid']);
    const text = JSON.stringify(masked);
    expect(text).not.toContain(String(raw['recipient']));
    expect(text).not.toContain(String(raw['requestor_ip']));
  });

  it('masks recipients sent as JSON numbers and keeps small numbers', () => {
    expect(maskRawJson({ recipient: 918681951370, count: 2, dtmf: 9 })).toEqual({
      recipient: '+91 ••••1370',
      count: 2,
      dtmf: 9,
    });
  });
});
