import { describe, expect, it } from 'vitest';
import { listFiltersToQuery, parseListFilters } from './list-filters.ts';

const parse = (query: string, ignoreUnknown = false) =>
  parseListFilters(new URLSearchParams(query), { ignoreUnknown });

describe('list filters: accepted values', () => {
  it.each([
    ['status=verified', { status: 'verified' }],
    ['status=Expired', { status: 'expired' }],
    ['status=in-progress', { status: 'in-progress' }],
    ['recipient=%2B12025553434', { recipient: '+12025553434' }],
    ['recipient=918681951370', { recipient: '+918681951370' }],
    ['recipient=+1 (415) 555-0100', { recipient: '+14155550100' }],
    [
      'app_uuid=3cdec449-a367-435e-b4f9-40d777a7cfcc',
      { app_uuid: '3cdec449-a367-435e-b4f9-40d777a7cfcc' },
    ],
    ['subaccount=SAODZKMDFJMJU3MTEYNG', { subaccount: 'SAODZKMDFJMJU3MTEYNG' }],
    [
      'app_uuid=3CDEC449-A367-435E-B4F9-40D777A7CFCC',
      { app_uuid: '3cdec449-a367-435e-b4f9-40d777a7cfcc' },
    ],
    ['limit=1', { limit: 1 }],
    ['limit=20', { limit: 20 }],
    ['offset=0', { offset: 0 }],
    ['offset=400', { offset: 400 }],
    ['session_time=2021-03-21 11:47:30.982811', { session_time: '2021-03-21 11:47:30.982811' }],
    ['session_time__gt=2021-03-21 11:47', { session_time__gt: '2021-03-21 11:47' }],
    ['session_time__gte=2021-03-21+11:47:30', { session_time__gte: '2021-03-21 11:47:30' }],
    ['session_time__lt=2021-03-21%2011:47', { session_time__lt: '2021-03-21 11:47' }],
    ['session_time__lte=2021-03-21 11:47', { session_time__lte: '2021-03-21 11:47' }],
    ['brand_name=Acme Bank', { brand_name: 'Acme Bank' }],
    ['app_hash=Xy12abC', { app_hash: 'Xy12abC' }],
    ['country=in', { country: 'IN' }],
    ['alias=login', { alias: 'login' }],
    ['brand_name=&app_hash=', {}],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual({ ok: true, filters: expected });
  });
});

describe('list filters: each bad value is named', () => {
  it.each([
    ['status=delivered', 'status must be one of in-progress, verified, expired'],
    ['recipient=12', 'recipient must be a phone number in E.164, like +12025553434'],
    ['recipient=+0123456789', 'recipient must be a phone number in E.164, like +12025553434'],
    [
      'app_uuid=abc',
      'app_uuid must be a application UUID like 3cdec449-a367-435e-b4f9-40d777a7cfcc',
    ],
    [
      'subaccount=MAODZKMDFJMJU3MTEYNG',
      'subaccount must be a subaccount Auth ID: SA and 18 letters or digits',
    ],
    ['limit=0', 'limit must be from 1 to 20'],
    ['limit=21', 'limit must be from 1 to 20'],
    ['limit=ten', 'limit must be a whole number from 1 to 20'],
    ['offset=-1', 'offset must be a whole number 0 or more'],
    [
      'session_time=2021-03-21T11:47:00Z',
      'session_time must be a UTC time as YYYY-MM-DD HH:MM[:ss[.uuuuuu]] (UTC)',
    ],
    ['session_time__gt=2021-02-30 11:47', 'session_time__gt is not a real date and time'],
    [
      'session_time__lte=yesterday',
      'session_time__lte must be a UTC time as YYYY-MM-DD HH:MM[:ss[.uuuuuu]] (UTC)',
    ],
    ['country=IND', 'country must be a two-letter ISO country code like IN'],
    [`alias=${'a'.repeat(201)}`, 'alias must be at most 200 characters'],
    ['colour=red', 'colour is not a filter'],
    ['status=verified&status=expired', 'status is given more than once'],
    [
      'session_time__gte=2026-11-02 00:00&session_time__lt=2026-11-01 00:00',
      'the start of the time range is after its end',
    ],
  ])('%s', (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    expect('issues' in result ? result.issues.map((i) => i.message) : []).toContain(message);
  });

  it('ignores unknown parameters when asked to, as Plivo does', () => {
    expect(parse('colour=red&status=verified', true)).toEqual({
      ok: true,
      filters: { status: 'verified' },
    });
  });
});

describe('listFiltersToQuery', () => {
  it('serialises in a stable order whatever the input order', () => {
    const a = parse('status=verified&country=IN&limit=5');
    const b = parse('limit=5&country=in&status=Verified');
    expect(a.ok && b.ok).toBe(true);
    expect(listFiltersToQuery(a.filters).toString()).toBe('status=verified&limit=5&country=IN');
    expect(listFiltersToQuery(b.filters).toString()).toBe(listFiltersToQuery(a.filters).toString());
  });
});
