// Edges of PII masking that the tables in mask.test.ts leave open: every field a person could
// read, every key that names an IP or a phone number, and the digit thresholds. Kept apart
// from mask.test.ts; found by mutation testing (`npm run test:mutation`).
import { describe, expect, it } from 'vitest';
import type { Session } from '../../contract/session.ts';
import {
  HIDDEN_IP,
  MASKED_PHONE,
  maskPhone,
  maskPhoneParts,
  maskRawJson,
  maskSession,
  maskText,
} from './mask.ts';

const PHONE = '+918681951370';
const MASKED = '+91 ••••1370';

describe('maskPhoneParts', () => {
  it('names region, calling code and tail of a valid number', () => {
    expect(maskPhoneParts(PHONE)).toEqual({ region: 'IN', callingCode: '91', last4: '1370' });
    expect(maskPhoneParts('+1 (415) 555-0100')).toEqual({
      region: 'US',
      callingCode: '1',
      last4: '0100',
    });
  });

  it('keeps only the tail when the calling code is unknown', () => {
    expect(maskPhone('+999123456789')).toBe('••••6789');
  });

  it('shows the tail from seven digits on, never below', () => {
    expect(maskPhoneParts('+1234567').last4).toBe('4567');
    expect(maskPhoneParts('+123456').last4).toBe('');
    expect(maskPhone('+123456')).toBe('+1 ••••');
  });

  it('keeps a calling code without a region, and nothing for an unknown code', () => {
    // +800 is a non-geographic calling code: no ISO region.
    expect(maskPhoneParts('+80012345678')).toMatchObject({ region: null, callingCode: '800' });
    expect(maskPhoneParts('+999123456789')).toEqual({
      region: null,
      callingCode: null,
      last4: '6789',
    });
    expect(maskPhoneParts('no digits')).toEqual({ region: null, callingCode: null, last4: '' });
  });
});

describe('MASKED_PHONE', () => {
  it.each(['+91 ••••1370', '••••1370', '+1 ••••', '••••', '+598 ••••12'])('accepts %j', (v) => {
    expect(v).toMatch(MASKED_PHONE);
  });
  it.each([
    'x+91 ••••1370',
    '+91 ••••1370x',
    '+91 ••••13701',
    '+9123 ••••1370',
    '+91 •••1370',
    '+91••••1370',
    '+ ••••1370',
    '91 ••••1370',
  ])('refuses %j', (v) => {
    expect(v).not.toMatch(MASKED_PHONE);
  });
});

describe('maskText thresholds', () => {
  it('masks a bare run from seven digits, leaves six', () => {
    expect(maskText('id 1234567 end')).toBe('id +1 ••••4567 end');
    expect(maskText('id 123456 end')).toBe('id 123456 end');
  });

  it('masks "+" numbers from seven digits with their calling code', () => {
    expect(maskText('to +1 415 555 0100.')).toBe('to +1 ••••0100.');
    expect(maskText('to +123456 end')).toBe('to +123456 end');
  });

  it('masks grouped digits from nine digits on, keeping only the tail', () => {
    expect(maskText('call 415 555 0100 now')).toBe('call ••••0100 now');
    expect(maskText('call 41 555 010 now')).toBe('call 41 555 010 now');
    expect(maskText('call 415 555 010 now')).toBe('call ••••5010 now');
  });

  it('hides every IP in a text, and keeps dates whole', () => {
    expect(maskText('10.0.0.1 then 192.168.1.20')).toBe(`${HIDDEN_IP} then ${HIDDEN_IP}`);
    expect(maskText('fe80::1 and ::1')).toContain(HIDDEN_IP);
    expect(maskText('at 2026-11-20T10:00:00+05:30')).toBe('at 2026-11-20T10:00:00+05:30');
    expect(maskText('on 2026-11-20 for 918681951370')).toBe(`on 2026-11-20 for ${MASKED}`);
  });
});

describe('maskSession: every readable field', () => {
  const session: Session = {
    sessionUuid: '5c533d15-1975-4f20-80be-401741420370',
    appUuid: '3cdec449-a367-435e-b4f9-40d777a7cfcc',
    alias: `login for ${PHONE}`,
    recipient: PHONE,
    channel: 'sms',
    locale: 'en',
    status: 'verified',
    attemptCount: 1,
    requestorIp: '110.226.182.196',
    country: 'IN',
    network: `net ${PHONE}`,
    createdAt: '2026-11-20T10:00:00.000000Z',
    updatedAt: null,
    attempts: [
      {
        attemptUuid: 'a1a1a1a1-0000-4000-8000-000000000001',
        channel: 'sms',
        status: 'delivered',
        time: null,
        charge: '0.005',
        brandName: `brand ${PHONE}`,
        appHash: `hash ${PHONE}`,
        codeLength: 6,
        dtmf: null,
        fraudCheck: `fraud ${PHONE}`,
      },
    ],
    charges: { total: '0.005', validation: null, computedTotal: '0.005', attempts: [] },
    warnings: [`about ${PHONE}`],
  };

  it('masks the recipient, hides the IP and scrubs every free-text field', () => {
    const masked = maskSession(session);
    expect(masked).toMatchObject({
      recipient: MASKED,
      requestorIp: HIDDEN_IP,
      alias: `login for ${MASKED}`,
      network: `net ${MASKED}`,
      warnings: [`about ${MASKED}`],
      appUuid: session.appUuid,
      locale: 'en',
    });
    expect(masked.attempts[0]).toMatchObject({
      brandName: `brand ${MASKED}`,
      appHash: `hash ${MASKED}`,
      fraudCheck: `fraud ${MASKED}`,
      codeLength: 6,
      charge: '0.005',
    });
    expect(JSON.stringify(masked)).not.toContain('8681951370');
  });

  it('keeps absent values absent', () => {
    const masked = maskSession({
      ...session,
      recipient: null,
      requestorIp: null,
      alias: null,
      network: null,
      attempts: [{ ...session.attempts[0]!, brandName: null, appHash: null, fraudCheck: null }],
    });
    expect(masked).toMatchObject({
      recipient: null,
      requestorIp: null,
      alias: null,
      network: null,
    });
    expect(masked.attempts[0]).toMatchObject({ brandName: null, appHash: null, fraudCheck: null });
  });
});

describe('maskRawJson: keys that name an IP or a phone number', () => {
  it.each(['ip', 'requestor_ip', 'requestorIp', 'ip_address', 'ipaddress', 'client_ip', 'ip_v4'])(
    'hides %s whatever its value',
    (key) => {
      expect(maskRawJson({ [key]: 'x' })).toEqual({ [key]: HIDDEN_IP });
      expect(maskRawJson({ [key]: 12 })).toEqual({ [key]: HIDDEN_IP });
    },
  );

  it.each(['zip', 'ship_to', 'tip', 'description'])('leaves %s alone', (key) => {
    expect(maskRawJson({ [key]: 'plain' })).toEqual({ [key]: 'plain' });
  });

  it.each(['recipient', 'phone', 'phone_number', 'to', 'from', 'From'])(
    'masks %s even when it is short or a number',
    (key) => {
      expect(maskRawJson({ [key]: PHONE })).toEqual({ [key]: MASKED });
      expect(maskRawJson({ [key]: 918681951370 })).toEqual({ [key]: MASKED });
    },
  );

  it('matches "to" and "from" as whole keys only', () => {
    const times = {
      valid_from: '2026-11-20T10:00:00Z',
      from_date: '2026-11-21',
      to_date: '2026-11-22',
    };
    expect(maskRawJson(times)).toEqual(times);
  });

  it('masks only whole runs of seven or more digits among other numbers', () => {
    const numbers = { amount: 12345678.5, delta: -12345678, huge: 1e21 };
    expect(maskRawJson(numbers)).toEqual(numbers);
  });

  it('keeps booleans as they are, even under an IP key', () => {
    expect(maskRawJson({ requestor_ip: false, ip: true })).toEqual({
      requestor_ip: false,
      ip: true,
    });
  });

  it('writes a visible placeholder for a hidden IP, never an empty value', () => {
    expect(HIDDEN_IP).toBe('hidden (masked)');
    expect(maskRawJson({ requestor_ip: '10.0.0.1' })).toEqual({ requestor_ip: 'hidden (masked)' });
  });

  it('scrubs strings elsewhere, masks long bare numbers, and keeps the rest', () => {
    expect(
      maskRawJson({
        note: `sent to ${PHONE}`,
        id: 918681951370,
        count: 123456,
        ok: true,
        none: null,
        tos: 'x',
        list: [PHONE, { recipient: PHONE }, 3],
        nested: { requestor_ip: '10.0.0.1', deep: { to: PHONE } },
      }),
    ).toEqual({
      note: `sent to ${MASKED}`,
      id: MASKED,
      count: 123456,
      ok: true,
      none: null,
      tos: 'x',
      list: [MASKED, { recipient: MASKED }, 3],
      nested: { requestor_ip: HIDDEN_IP, deep: { to: MASKED } },
    });
    expect(maskRawJson(PHONE)).toBe(MASKED);
    expect(maskRawJson(false)).toBe(false);
    expect(maskRawJson(undefined)).toBeUndefined();
  });
});
