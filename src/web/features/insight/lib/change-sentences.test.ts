import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../contract/changes.ts';
import { baselineWords, changeLine, spanWords } from './change-sentences.ts';

const incident: Change = {
  dimension: 'country_network',
  key: 'IN · AirTel',
  country: 'IN',
  network: 'AirTel',
  measure: 'sms_undelivered',
  window: { count: 10, of: 18 },
  baseline: { count: 5, of: 176 },
  pValue: 1e-9,
  span: {
    from: '2026-11-19T10:20:00.000000Z',
    to: '2026-11-19T10:55:00.000000Z',
    count: 10,
    of: 10,
  },
};

describe('changeLine', () => {
  it.each([
    [
      'the incident, with its span',
      incident,
      'utc',
      'SMS to IN · AirTel',
      '100 % undelivered 10:20–10:55 (10 of 10 sessions), 55.6 % over the window (10 of 18); the 24 hours before: 2.8 % (5 of 176)',
    ],
    [
      'the same in Kolkata time',
      incident,
      'Asia/Kolkata',
      'SMS to IN · AirTel',
      '100 % undelivered 15:50–16:25 (10 of 10 sessions), 55.6 % over the window (10 of 18); the 24 hours before: 2.8 % (5 of 176)',
    ],
    [
      'never verified, no span',
      {
        ...incident,
        dimension: 'network' as const,
        key: 'Jio',
        measure: 'failed' as const,
        span: null,
      },
      'utc',
      'Jio',
      '55.6 % never verified (10 of 18 finished sessions); the 24 hours before: 2.8 % (5 of 176)',
    ],
    [
      'a carrier gone quiet',
      {
        ...incident,
        measure: 'volume' as const,
        window: { count: 0, of: 110 },
        baseline: { count: 176, of: 526 },
        span: null,
      },
      'utc',
      'IN · AirTel',
      'fewer sessions: 0 sessions (0 % of all); the 24 hours before: 176 (33.5 % of all)',
    ],
  ])('%s', (_name, change, tz, who, text) => {
    const line = changeLine(change, 'the 24 hours before', tz);
    expect(line.who).toBe(who);
    expect(line.text).toBe(text);
  });

  it.each([
    [incident, { country: 'IN', network: 'AirTel' }],
    [{ ...incident, dimension: 'app' as const, key: 'a1b2' }, { app_uuid: 'a1b2' }],
    [{ ...incident, dimension: 'channel' as const, key: 'sms' }, { channel: 'sms' }],
  ])('one click filters to the segment: %#', (change, filters) => {
    expect(changeLine(change, 'x', 'UTC').filters).toEqual(filters);
  });
});

describe('words', () => {
  const H = 3_600_000;
  it.each([
    ['previous', 0, 24 * H, 'the day before'],
    ['previous', 0, 80 * 60_000, 'the 80 minutes before'],
    ['previous', 0, 7 * 24 * H, 'the 7 days before'],
    ['day', 0, H, 'the same hours a day earlier'],
  ] as const)('%s baseline of %i–%i ms', (kind, from, to, words) => {
    expect(baselineWords(kind, from, to)).toBe(words);
  });
  it('a span across midnight names the days', () => {
    expect(
      spanWords(Date.parse('2026-11-19T23:30:00Z'), Date.parse('2026-11-20T00:30:00Z'), 'UTC'),
    ).toBe('2026-11-19 23:30 – 2026-11-20 00:30');
  });
});
