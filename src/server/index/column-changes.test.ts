import { describe, expect, it } from 'vitest';
import { queryWindow } from '../../contract/query-window.ts';
import { makeRow } from '../testing/session-rows.ts';
import { tallyWindow, withSpans } from './column-changes.ts';
import { compileFilter } from './column-filter.ts';
import { Columns } from './columns.ts';

// The scan's counts against rows whose outcome is written out by hand.
const NOW = 1_800_000_000_000_000;
const MIN = 60_000_000;
const rows = [
  // Finished, SMS undelivered twice, never verified.
  makeRow({
    uuid: 'a',
    createdUs: NOW - 10 * MIN,
    status: 'expired',
    verdict: 'undelivered_all',
    attemptCodes: 'sms:undelivered,sms:undelivered',
  }),
  // SMS undelivered, then verified by voice: a delivery failure, not a failed session.
  makeRow({
    uuid: 'b',
    createdUs: NOW - 9 * MIN,
    status: 'verified',
    verdict: 'verified_fallback',
    attemptCodes: 'sms:undelivered,voice:completed',
  }),
  // `sent` without a receipt: no proof either way, left out of SMS delivery.
  makeRow({
    uuid: 'c',
    createdUs: NOW - 8 * MIN,
    status: 'expired',
    verdict: 'sent_no_receipt',
    attemptCodes: 'sms:sent',
  }),
  // Still running: counted as a session, in no share.
  makeRow({
    uuid: 'd',
    createdUs: NOW - 7 * MIN,
    status: 'in-progress',
    verdict: 'in_progress',
    attemptCodes: 'sms:undelivered',
  }),
  makeRow({
    uuid: 'e',
    createdUs: NOW - 6 * MIN,
    country: 'US',
    network: 'Verizon',
    attemptCodes: 'voice:ringing',
    status: 'expired',
    verdict: 'call_not_answered',
  }),
];

function columns(): Columns {
  const cols = new Columns();
  cols.upsert(rows.map((row, rowid) => ({ rowid, row })));
  return cols;
}

describe('tallyWindow', () => {
  const window = queryWindow({ session_time__gte: '2020-01-01 00:00' }, NOW, 4000);
  it('counts outcomes per segment as defined in changes.ts', () => {
    const cols = columns();
    const { total, segments } = tallyWindow(cols, compileFilter(cols, {}, {}, window, null));
    expect(total).toEqual({
      sessions: 5,
      finished: 4,
      failed: 3,
      sms: 2,
      smsUndelivered: 2,
      voice: 2,
      voiceUnanswered: 1,
    });
    const pair = segments.find((s) => s.key === 'IN · AirTel');
    expect(pair).toMatchObject({ dimension: 'country_network', country: 'IN', network: 'AirTel' });
    expect(pair?.tally).toMatchObject({
      sessions: 4,
      finished: 3,
      failed: 2,
      sms: 2,
      smsUndelivered: 2,
    });
    expect(
      segments.find((s) => s.dimension === 'network' && s.key === 'Verizon')?.tally,
    ).toMatchObject({
      voice: 1,
      voiceUnanswered: 1,
    });
  });

  it('spans a named change by its failing buckets, without growing the dictionaries', () => {
    const cols = columns();
    const f = compileFilter(
      cols,
      {},
      {},
      { fromUs: NOW - 20 * MIN, toUs: NOW - 1, defaultedTo24h: false },
      null,
    );
    const sizes = Object.values(cols.dicts).map((d) => d.size);
    const [change] = withSpans(cols, f, [
      {
        dimension: 'country_network',
        key: 'IN · AirTel',
        country: 'IN',
        network: 'AirTel',
        measure: 'sms_undelivered',
        window: { count: 2, of: 2 },
        baseline: { count: 1, of: 50 },
        pValue: 0.001,
      },
    ]);
    expect(change?.span).toMatchObject({ count: 2, of: 2 });
    expect(Date.parse(change?.span?.from ?? '')).toBeLessThanOrEqual((NOW - 10 * MIN) / 1000);
    expect(Object.values(cols.dicts).map((d) => d.size)).toEqual(sizes);
  });
});
