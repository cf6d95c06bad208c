// The data warnings a session carries (shown beside its charges) for what Plivo got wrong:
// each one asserted word for word, and none on a consistent session.
import { describe, expect, it } from 'vitest';
import { normaliseRecipient, normaliseSession } from './normalise-session.ts';
import type { PlivoSession } from './plivo-wire.ts';

const UUID = '5c533d15-1975-4f20-80be-401741420370';
const A1 = 'a1a1a1a1-0000-4000-8000-000000000001';
const A2 = 'a2a2a2a2-0000-4000-8000-000000000002';

/** A consistent session: two attempts, charges adding up. */
function session(overrides: Partial<PlivoSession> = {}): PlivoSession {
  return {
    session_uuid: UUID,
    status: 'verified',
    count: 2,
    recipient: '918681951370',
    created_at: '2026-11-20 10:00:00.123456+00:00',
    attempt_details: [
      { attempt_uuid: A1, channel: 'sms', status: 'undelivered' },
      { attempt_uuid: A2, channel: 'voice', status: 'delivered' },
    ],
    charges: {
      total_charge: '0.01',
      validation_charge: '0.002',
      attempt_charges: [
        { attempt_uuid: A1, channel: 'sms', charge: '0.005' },
        { attempt_uuid: A2, channel: 'voice', charge: '0.003' },
      ],
    },
    ...overrides,
  };
}

describe('normaliseSession warnings', () => {
  it('has none when everything adds up', () => {
    const s = normaliseSession(session());
    expect(s.warnings).toEqual([]);
    expect(s.charges).toEqual({
      total: '0.01',
      validation: '0.002',
      computedTotal: '0.01',
      attempts: [
        { attemptUuid: A1, channel: 'sms', charge: '0.005' },
        { attemptUuid: A2, channel: 'voice', charge: '0.003' },
      ],
    });
    expect(s.attempts.map((a) => a.charge)).toEqual(['0.005', '0.003']);
  });

  it('names an unknown status, lower-cased', () => {
    expect(normaliseSession(session({ status: ' Lost ' })).warnings).toEqual([
      'Unknown session status “lost”.',
    ]);
    expect(normaliseSession(session({ status: 'EXPIRED' })).warnings).toEqual([]);
    expect(normaliseSession(session({ status: null })).warnings).toEqual([]);
  });

  it('says when the attempt count disagrees with the attempts listed', () => {
    expect(normaliseSession(session({ count: 3 })).warnings).toEqual([
      'Plivo counts 3 attempts but lists 2.',
    ]);
    expect(normaliseSession(session({ count: null })).warnings).toEqual([]);
  });

  it('quotes an unreadable creation time, and says nothing when there is none', () => {
    const s = normaliseSession(session({ created_at: 'yesterday' }));
    expect(s.createdAt).toBeNull();
    expect(s.warnings).toEqual(['Unreadable creation time “yesterday”.']);
    expect(normaliseSession(session({ created_at: null })).warnings).toEqual([]);
  });

  it('quotes an unreadable attempt charge and counts it as nothing', () => {
    const raw = session();
    raw.charges!.attempt_charges![0]!.charge = '5 cents';
    const s = normaliseSession(raw);
    expect(s.charges.attempts[0]?.charge).toBeNull();
    expect(s.charges.computedTotal).toBe('0.005');
    expect(s.warnings).toEqual([
      'Unreadable attempt charge “5 cents”.',
      "Plivo's total 0.01 differs from validation + attempts = 0.005.",
    ]);
  });

  it('says nothing of an attempt charge that is absent rather than unreadable', () => {
    const raw = session({ count: 2 });
    raw.charges!.attempt_charges = [
      { attempt_uuid: A1, channel: 'sms', charge: null },
      { attempt_uuid: A2, channel: 'voice' },
    ];
    raw.charges!.total_charge = '0.002';
    const s = normaliseSession(raw);
    expect(s.warnings).toEqual([]);
    expect(s.charges.attempts.map((a) => a.charge)).toEqual([null, null]);
  });

  it('reads missing attempt lists as empty', () => {
    const s = normaliseSession(
      session({
        count: 0,
        attempt_details: null,
        charges: { total_charge: '0.002', validation_charge: '0.002', attempt_charges: null },
      }),
    );
    expect(s.attempts).toEqual([]);
    expect(s.charges.attempts).toEqual([]);
    expect(s.warnings).toEqual([]);
  });

  it('says when charges are missing, unreadable or do not add up', () => {
    expect(normaliseSession(session({ charges: null })).warnings).toEqual([
      'Plivo sent no charges for this session.',
    ]);
    const noTotal = session();
    noTotal.charges!.total_charge = 'n/a';
    expect(normaliseSession(noTotal).warnings).toEqual(['Plivo sent no readable total charge.']);
    const off = session();
    off.charges!.total_charge = '0.0100001';
    expect(normaliseSession(off).warnings).toEqual([
      "Plivo's total 0.0100001 differs from validation + attempts = 0.01.",
    ]);
    // The same amount written differently is no disagreement.
    const same = session();
    same.charges!.total_charge = '0.010000';
    expect(normaliseSession(same).warnings).toEqual([]);
  });

  it('lists every warning of one session, in a stable order', () => {
    const raw = session({ status: 'lost', count: 1, created_at: 'never', charges: null });
    expect(normaliseSession(raw).warnings).toEqual([
      'Plivo sent no charges for this session.',
      'Unknown session status “lost”.',
      'Plivo counts 1 attempts but lists 2.',
      'Unreadable creation time “never”.',
    ]);
  });
});

describe('normaliseSession fields', () => {
  it('trims, lower-cases and blanks to null as documented', () => {
    const s = normaliseSession(
      session({
        app_uuid: '  ',
        alias: ' Shop ',
        channel: ' SMS ',
        destination_country_iso2: 'in',
        destination_network: '',
        requestor_ip: ' 10.0.0.1 ',
        attempt_details: [
          {
            attemp_uuid: A1,
            channel: 'SMS',
            status: 'Delivered',
            brand_name: ' ',
            app_hash: 'h',
            code_length: 6,
            dtmf: 1,
          },
        ],
        count: 1,
      }),
    );
    expect(s).toMatchObject({
      appUuid: null,
      alias: 'Shop',
      channel: 'sms',
      country: 'IN',
      network: null,
      requestorIp: '10.0.0.1',
      recipient: '+918681951370',
      attemptCount: 1,
    });
    expect(s.attempts[0]).toMatchObject({
      attemptUuid: A1,
      channel: 'sms',
      status: 'delivered',
      brandName: null,
      appHash: 'h',
      charge: '0.005',
      codeLength: 6,
      dtmf: 1,
    });
  });

  it('writes recipients as E.164 whatever Plivo sent', () => {
    expect(normaliseRecipient(918681951370)).toBe('+918681951370');
    expect(normaliseRecipient('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normaliseRecipient('n/a')).toBeNull();
    expect(normaliseRecipient(null)).toBeNull();
    expect(normaliseRecipient(undefined)).toBeNull();
  });
});
