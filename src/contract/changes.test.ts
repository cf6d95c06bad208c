import { describe, expect, it } from 'vitest';
import {
  baselineWindow,
  CHANGE_THRESHOLDS,
  deriveChanges,
  EMPTY_TALLY,
  failingSpan,
  type SegmentTally,
  type Tally,
  type WindowTallies,
} from './changes.ts';

// Tallies written out as a small account: sessions and SMS sessions per segment, with how
// many failed / went undelivered.
const t = (sessions: number, smsUndelivered = 0, failed = 0): Tally => ({
  ...EMPTY_TALLY,
  sessions,
  finished: sessions,
  failed,
  sms: sessions,
  smsUndelivered,
});
const seg = (
  dimension: SegmentTally['dimension'],
  key: string,
  tally: Tally,
  country: string | null = null,
  network: string | null = null,
): SegmentTally => ({ dimension, key, country, network, tally });
const sum = (tallies: Tally[]): Tally =>
  tallies.reduce(
    (a, b) =>
      Object.fromEntries(
        Object.keys(a).map((k) => [k, a[k as keyof Tally] + b[k as keyof Tally]]),
      ) as Tally,
    EMPTY_TALLY,
  );

/** IN (AirTel + Jio) and US (Verizon): pairs, countries, networks and the total. */
function account(airtel: Tally, jio: Tally, verizon: Tally): WindowTallies {
  return {
    total: sum([airtel, jio, verizon]),
    segments: [
      seg('country_network', 'IN · AirTel', airtel, 'IN', 'AirTel'),
      seg('country_network', 'IN · Jio', jio, 'IN', 'Jio'),
      seg('country_network', 'US · Verizon', verizon, 'US', 'Verizon'),
      seg('country', 'IN', sum([airtel, jio]), 'IN'),
      seg('country', 'US', verizon, 'US'),
      seg('network', 'AirTel', airtel, null, 'AirTel'),
      seg('network', 'Jio', jio, null, 'Jio'),
      seg('network', 'Verizon', verizon, null, 'Verizon'),
    ],
  };
}

describe('deriveChanges', () => {
  // A day before: about 4 % of SMS undelivered everywhere.
  const before = account(t(176, 5, 20), t(200, 8, 22), t(150, 6, 15));

  it.each([
    {
      name: 'the incident: every SMS to IN · AirTel undelivered, named once, first',
      window: account(t(18, 10, 6), t(25, 1, 3), t(20, 1, 2)),
      named: ['country_network IN · AirTel sms_undelivered 10/18'],
    },
    {
      name: 'a quiet window: the usual few percent everywhere',
      window: account(t(18, 1, 2), t(25, 1, 3), t(20, 1, 2)),
      named: [],
    },
    {
      name: 'too few sessions to tell: 4 of 4 is not enough',
      window: account(t(CHANGE_THRESHOLDS.MIN_SESSIONS - 4, 4, 4), t(2), t(4)),
      named: [],
    },
    {
      name: 'beyond chance but a small rise (under MIN_RISE) is not named',
      window: account(t(2000, 230, 220), t(2000, 80, 220), t(2000, 60, 200)),
      named: [],
    },
    {
      name: 'a carrier that went silent is a volume change',
      window: account(t(0), t(60, 2, 6), t(50, 2, 5)),
      named: ['country_network IN · AirTel volume 0/110'],
    },
    {
      name: 'the whole account quieter (night) is no change in anyone',
      window: account(t(40, 1, 4), t(45, 2, 5), t(34, 1, 3)),
      named: [],
    },
    {
      name: 'two carriers failing: both pairs, not the country or networks they make up',
      window: account(t(30, 20, 20), t(30, 20, 20), t(30, 1, 3)),
      named: [
        'country_network IN · AirTel sms_undelivered 20/30',
        'country_network IN · Jio sms_undelivered 20/30',
      ],
    },
  ])('$name', ({ window, named }) => {
    const { changes, tested } = deriveChanges(window, before);
    expect(
      changes.map((c) => `${c.dimension} ${c.key} ${c.measure} ${c.window.count}/${c.window.of}`),
    ).toEqual(named);
    expect(tested).toBeGreaterThan(0);
    for (const c of changes) expect(c.pValue).toBeLessThan(CHANGE_THRESHOLDS.FAMILY_ALPHA / tested);
  });

  it('reports the baseline numbers beside the window', () => {
    const { changes } = deriveChanges(account(t(18, 10, 6), t(25, 1, 3), t(20, 1, 2)), before);
    expect(changes[0]).toMatchObject({
      window: { count: 10, of: 18 },
      baseline: { count: 5, of: 176 },
    });
  });
});

describe('failingSpan', () => {
  const b = (minute: number, count: number, of: number) => ({
    startMs: minute * 60_000,
    endMs: (minute + 5) * 60_000,
    count,
    of,
  });
  it.each([
    {
      name: 'the buckets at least halfway up, with the counts inside',
      buckets: [b(0, 0, 3), b(5, 1, 4), b(20, 2, 2), b(25, 3, 3), b(30, 2, 2), b(35, 0, 4)],
      span: { fromMs: 20 * 60_000, toMs: 35 * 60_000, count: 7, of: 7 },
    },
    {
      name: 'a quiet bucket inside the span is counted in it',
      buckets: [b(0, 2, 2), b(5, 0, 3), b(10, 2, 2)],
      span: { fromMs: 0, toMs: 15 * 60_000, count: 4, of: 7 },
    },
    { name: 'no failing bucket, no span', buckets: [b(0, 0, 3), b(5, 0, 2)], span: null },
  ])('$name', ({ buckets, span }) => {
    expect(failingSpan(buckets, 0.6, 0.04)).toEqual(span);
  });
});

describe('baselineWindow', () => {
  const MIN = 60_000_000;
  const DAY = 1440 * MIN;
  const window = { fromUs: 100 * DAY, toUs: 100 * DAY + 80 * MIN - 1 };
  it.each([
    ['previous', { fromUs: 99 * DAY, toUs: 100 * DAY - 1 }],
    ['day', { fromUs: 99 * DAY, toUs: 99 * DAY + 80 * MIN - 1 }],
    ['week', { fromUs: 93 * DAY, toUs: 93 * DAY + 80 * MIN - 1 }],
  ] as const)('%s', (kind, expected) => {
    expect(baselineWindow(window, kind)).toEqual(expected);
  });
  it('a previous baseline is as long as a window longer than a day', () => {
    expect(baselineWindow({ fromUs: 10 * DAY, toUs: 17 * DAY - 1 }, 'previous')).toEqual({
      fromUs: 3 * DAY,
      toUs: 10 * DAY - 1,
    });
  });
});
