import { describe, expect, it } from 'vitest';
import { migrateLegacyFilters } from './legacy-filters.ts';
import { parseExplorerSearch } from './explorer-view.ts';

const migrate = (search: string) => {
  const result = migrateLegacyFilters(new URLSearchParams(search));
  return (
    result && { search: result.search.toString(), notices: result.notices.map((n) => n.message) }
  );
};

describe('migrateLegacyFilters: old f_* links become server filters', () => {
  it('leaves a link without f_* alone', () => {
    expect(migrate('status=expired&channel=sms')).toBeNull();
  });

  it.each([
    ['f_channel=SMS', 'channel=sms'],
    ['f_channel=sms,voice', 'channel=sms%2Cvoice'],
    ['f_verdict=undelivered_all', 'verdict=undelivered_all'],
    ['f_verdict=Undelivered-All', 'verdict=undelivered_all'],
    ['f_country=in', 'country=IN'],
    ['status=expired&f_country=IN&mask=1', 'status=expired&mask=1&country=IN'],
  ])('%s → %s', (search, expected) => {
    const result = migrate(search);
    expect(result?.search).toBe(expected);
    expect(result?.notices).toHaveLength(1);
    expect(result?.notices[0]).toMatch(
      /is now the server filter .+: it applies to every matching session/,
    );
  });

  it('keeps the first of several countries and says so', () => {
    expect(migrate('f_country=IN,FR')).toEqual({
      search: 'country=IN',
      notices: [
        'f_country=“IN,FR” is now the server filter country=IN: it applies to every matching session, not only loaded rows. Plivo filters by one country: only IN was kept.',
      ],
    });
  });

  it.each([
    ['f_country=unknown', 'f_country=“unknown” names no two-letter country code; it was left out.'],
    [
      'f_channel=unknown',
      'f_channel=“unknown” names no channel the server filters by (sms, voice); it was left out.',
    ],
    ['f_verdict=lost', 'f_verdict=“lost” names no known verdict; it was left out.'],
    [
      'country=US&f_country=IN',
      'f_country=“IN” repeats the filter country, which the link already sets; it was left out.',
    ],
  ])('drops what it cannot keep, with a notice: %s', (search, notice) => {
    const result = migrate(search);
    expect(result?.notices).toEqual([notice]);
    expect(result?.search).not.toMatch(/f_/);
  });

  it('is read at once by the URL parser, so the first request already has the filters', () => {
    const { state, notices } = parseExplorerSearch(
      new URLSearchParams('f_channel=sms&f_verdict=undelivered_all&f_country=IN'),
    );
    expect(state.filters).toEqual({ country: 'IN', channel: 'sms', verdict: 'undelivered_all' });
    expect(notices.map((n) => n.param)).toEqual(['f_channel', 'f_verdict', 'f_country']);
  });
});
