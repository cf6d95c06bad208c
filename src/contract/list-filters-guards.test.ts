// The edges of the list-filter rules: every pattern holds for the WHOLE value (a valid prefix
// or suffix must not carry extra text through to Plivo), and the boundaries of each range.
// Found by mutation testing (`npm run test:mutation`).
import { describe, expect, it } from 'vitest';
import { isListFilterParam, listFiltersToQuery, parseListFilters } from './list-filters.ts';

const parse = (entries: [string, string][], ignoreUnknown = false) =>
  parseListFilters(entries, { ignoreUnknown });
const messages = (entries: [string, string][]) => {
  const result = parse(entries);
  return result.ok ? [] : result.issues.map((i) => `${i.param}: ${i.message}`);
};

const UUID = '3cdec449-a367-435e-b4f9-40d777a7cfcc';

describe('list filters: whole-value patterns', () => {
  it.each([
    ['app_uuid', `x${UUID}`],
    ['app_uuid', `${UUID}x`],
    ['app_uuid', `${UUID}&status=verified`],
    ['recipient', '+12025553434;drop'],
    ['recipient', 'a+12025553434'],
    ['recipient', '+1202555343412345'],
    ['recipient', '+120255'],
    ['subaccount', 'xSAODZKMDFJMJU3MTEYNG'],
    ['subaccount', 'SAODZKMDFJMJU3MTEYNGX'],
    ['subaccount', 'SAODZKMDFJMJU3MTEYN'],
    ['country', 'INX'],
    ['country', 'XIN'],
    ['country', 'I'],
    ['country', '1N'],
    ['limit', '5x'],
    ['limit', 'x5'],
    ['offset', '12345678'],
    ['offset', '1.5'],
    ['session_time', '2021-03-21 11:47x'],
    ['session_time', 'x2021-03-21 11:47'],
    ['session_time', '2021-03-21 11:47:30.1234567'],
    ['session_time', '2021-03-21 11:47:3'],
    ['session_time', '2021-03-21'],
    ['status', 'verifiedx'],
  ])('%s=%j is refused and named', (param, value) => {
    const found = messages([[param, value]]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${param}: ${param} `));
  });

  it('names the expected time format for text around a valid time', () => {
    const FORMAT = 'must be a UTC time as YYYY-MM-DD HH:MM[:ss[.uuuuuu]] (UTC)';
    for (const value of ['x2021-03-21 11:47', '2021-03-21 11:47x', 'on 2021-03-21 11:47:30']) {
      expect(messages([['session_time', value]])).toEqual([`session_time: session_time ${FORMAT}`]);
    }
  });

  it('accepts the extremes of each range', () => {
    expect(parse([['offset', '9999999']])).toEqual({ ok: true, filters: { offset: 9_999_999 } });
    expect(parse([['recipient', '+1234567']])).toEqual({
      ok: true,
      filters: { recipient: '+1234567' },
    });
    expect(parse([['recipient', '123456789012345']])).toEqual({
      ok: true,
      filters: { recipient: '+123456789012345' },
    });
    expect(parse([['recipient', ' +1.202.555.3434 ']])).toEqual({
      ok: true,
      filters: { recipient: '+12025553434' },
    });
    expect(parse([['session_time', '2021-03-21 11:47:30.1']])).toEqual({
      ok: true,
      filters: { session_time: '2021-03-21 11:47:30.1' },
    });
    expect(parse([['subaccount', 'saodzkmdfjmju3mtEYNG']])).toEqual({
      ok: true,
      filters: { subaccount: 'SAODZKMDFJMJU3MTEYNG' },
    });
    expect(parse([['alias', 'a'.repeat(200)]]).ok).toBe(true);
    expect(parse([['status', ' verified ']])).toEqual({
      ok: true,
      filters: { status: 'verified' },
    });
  });
});

describe('list filters: time order', () => {
  const range = (from: [string, string], to: [string, string]) => messages([from, to]);
  const AFTER = 'session_time: the start of the time range is after its end';

  it('allows an equal start and end, and refuses a start after the end by one microsecond', () => {
    expect(
      range(['session_time__gte', '2026-11-01 00:00'], ['session_time__lte', '2026-11-01 00:00']),
    ).toEqual([]);
    expect(
      range(
        ['session_time__gte', '2026-11-01 00:00:00.000002'],
        ['session_time__lte', '2026-11-01 00:00:00.000001'],
      ),
    ).toEqual([AFTER]);
  });

  it('compares the fractions of a second on both ends', () => {
    expect(
      range(
        ['session_time__gte', '2026-11-01 00:00:00.5'],
        ['session_time__lte', '2026-11-01 00:00:01'],
      ),
    ).toEqual([]);
    expect(
      range(
        ['session_time__gte', '2026-11-01 00:00:00.000001'],
        ['session_time__lte', '2026-11-01 00:00:00.000002'],
      ),
    ).toEqual([]);
  });

  it('reads __gt and __lt as the ends when __gte and __lte are absent', () => {
    expect(
      range(['session_time__gt', '2026-11-02 00:00'], ['session_time__lt', '2026-11-01 00:00']),
    ).toEqual([AFTER]);
    expect(
      range(['session_time__gt', '2026-11-01 00:00'], ['session_time__lt', '2026-11-02 00:00']),
    ).toEqual([]);
    // One end alone is no range.
    expect(messages([['session_time__gt', '2026-11-02 00:00']])).toEqual([]);
    expect(messages([['session_time__lt', '2026-11-01 00:00']])).toEqual([]);
  });

  it('keeps the valid filters beside the issues', () => {
    expect(
      parse([
        ['status', 'verified'],
        ['limit', '99'],
      ]),
    ).toEqual({
      ok: false,
      issues: [{ param: 'limit', message: 'limit must be from 1 to 20' }],
      filters: { status: 'verified' },
    });
  });
});

describe('list filters: names', () => {
  it('knows its own parameters and nothing inherited', () => {
    expect(isListFilterParam('status')).toBe(true);
    expect(isListFilterParam('toString')).toBe(false);
    expect(isListFilterParam('__proto__')).toBe(false);
    expect(messages([['toString', 'x']])).toEqual(['toString: toString is not a filter']);
  });

  it('skips blank values before counting repeats', () => {
    expect(
      parse([
        ['status', ' '],
        ['status', 'expired'],
      ]),
    ).toEqual({ ok: true, filters: { status: 'expired' } });
  });

  it('serialises every set filter, numbers included, and leaves out empty text', () => {
    expect(listFiltersToQuery({ offset: 0, alias: '', brand_name: 'B' }).toString()).toBe(
      'offset=0&brand_name=B',
    );
  });
});
