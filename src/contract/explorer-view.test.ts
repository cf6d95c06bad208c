import { describe, expect, it } from 'vitest';
import { chartsShown, DEFAULT_STATE, parseExplorerSearch } from './explorer-view.ts';
import { serialiseExplorerState } from './explorer-view-url.ts';

const parse = (query: string) => parseExplorerSearch(new URLSearchParams(query));

describe('parseExplorerSearch', () => {
  it('gives the defaults for an empty URL, with no notices', () => {
    expect(parse('')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('reads every filter, normalising it as the server will', () => {
    const { state, notices } = parse(
      'status=Verified&recipient=918681951370&app_uuid=3cdec449-a367-435e-b4f9-40d777a7cfcc' +
        '&subaccount=sa12345678901234567a&brand_name=Acme&app_hash=h1&country=in&alias=otp',
    );
    expect(notices).toEqual([]);
    expect(state.filters).toEqual({
      status: 'verified',
      recipient: '+918681951370',
      app_uuid: '3cdec449-a367-435e-b4f9-40d777a7cfcc',
      subaccount: 'SA12345678901234567A',
      brand_name: 'Acme',
      app_hash: 'h1',
      country: 'IN',
      alias: 'otp',
    });
  });

  it('reads the index filters, normalised as the server will', () => {
    const { state, notices } = parse(
      'network= AirTel ,Jio&channel=SMS&attempt_channel=voice&verdict=Undelivered_All' +
        '&attempts_min=2&recipient_contains=13-70&charge_min=0.05',
    );
    expect(notices).toEqual([]);
    expect(state.filters).toEqual({
      network: 'AirTel,Jio',
      channel: 'sms',
      attempt_channel: 'voice',
      verdict: 'undelivered_all',
      attempts_min: '2',
      recipient_contains: '1370',
      charge_min: '0.05',
    });
    expect(serialiseExplorerState(state).toString()).toBe(
      'network=AirTel%2CJio&channel=sms&attempt_channel=voice&verdict=undelivered_all' +
        '&attempts_min=2&recipient_contains=1370&charge_min=0.05',
    );
  });

  it.each([
    ['recipient_contains=137', /recipient_contains=“137” must be 4 to 15 digits/],
    ['verdict=lost', /verdict=“lost” must be one of verified_first/],
    ['charge_min=cheap', /charge_min=“cheap” must be an amount in USD like 0.05/],
  ])('names a bad index filter and drops it: %s', (query, message) => {
    const { state, notices } = parse(query);
    expect(state.filters).toEqual({});
    expect(notices[0]?.message).toMatch(message);
  });

  it.each([
    [
      'status=lost',
      'status',
      /status=“lost” must be one of in-progress, verified, expired; showing no status filter instead/,
    ],
    ['recipient=hello', 'recipient', /recipient=“hello” must be a phone number/],
    ['country=India', 'country', /two-letter/],
    [
      'range=2w',
      'range',
      /range=“2w” must be one of 15m, 1h, 24h, 7d, 30d, 90d; showing the last 24 hours instead/,
    ],
    [
      'tz=Mars/Olympus',
      'tz',
      /tz=“Mars\/Olympus” must be utc, local or a time zone name.*showing UTC instead/,
    ],
    ['sort=created', 'sort', /must look like created:desc; showing newest first instead/],
    ['sort=colour:asc', 'sort', /names an unknown column/],
    ['from=yesterday', 'from', /from=“yesterday” must be an ISO time/],
    ['open=<script>', 'open', /must be a session UUID/],
  ])('%s falls back to the default with a notice naming %s', (query, param, message) => {
    const { state, notices } = parse(query);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.param).toBe(param);
    expect(notices[0]?.message).toMatch(message);
    const { filters, ...rest } = state;
    const { filters: defaultFilters, ...defaults } = DEFAULT_STATE;
    expect(filters).toEqual(defaultFilters);
    expect(rest).toEqual(defaults);
  });

  it('keeps the known columns of a partly bad cols list and says which were dropped', () => {
    const { state, notices } = parse('cols=status,nope,created');
    expect(state.cols).toEqual(['created', 'status']);
    expect(notices[0]?.message).toMatch(/unknown column nope; they were left out/);
  });

  it('rejects a window whose end is not after its start', () => {
    const { state, notices } = parse('from=2026-11-20T12:00:00Z&to=2026-11-20T10:00:00Z');
    expect(state.time).toEqual(DEFAULT_STATE.time);
    expect(notices[0]?.param).toBe('to');
  });

  it('accepts a pasted raw Plivo query as an absolute UTC window', () => {
    const { state, notices } = parse(
      'session_time__gte=2026-11-20 10:00&session_time__lt=2026-11-20 11:00:30&status=expired',
    );
    expect(notices).toEqual([]);
    expect(state.time).toEqual({
      kind: 'absolute',
      from: Date.UTC(2026, 10, 20, 10, 0),
      to: Date.UTC(2026, 10, 20, 11, 0, 30),
    });
    expect(serialiseExplorerState(state).toString()).toBe(
      'status=expired&from=2026-11-20T10%3A00%3A00Z&to=2026-11-20T11%3A00%3A30Z',
    );
  });

  it('reads a from/to with an offset as the same instant', () => {
    const { state } = parse('from=2026-11-20T15:30:00%2B05:30');
    expect(state.time).toEqual({ kind: 'absolute', from: Date.UTC(2026, 10, 20, 10, 0), to: null });
  });
});

describe('the view params (view, mask, live, charts, baseline, theme)', () => {
  it('reads each one into the state', () => {
    const { state, notices } = parse('view=report&mask=1&live=1&charts=0&baseline=week&theme=Dark');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      view: 'report',
      masked: true,
      live: true,
      charts: false,
      baseline: 'week',
      theme: 'dark',
    });
  });

  it('names each bad value and falls back, except mask, which fails closed', () => {
    const { state, notices } = parse(
      'view=grid&mask=yes&live=on&charts=maybe&baseline=month&theme=pink',
    );
    expect(state).toMatchObject({ ...DEFAULT_STATE, masked: true });
    expect(notices.map((n) => n.param)).toEqual([
      'view',
      'mask',
      'live',
      'charts',
      'baseline',
      'theme',
    ]);
    expect(notices.find((n) => n.param === 'mask')?.message).toBe(
      'mask=“yes” must be 1 or 0; numbers are masked to be safe.',
    );
    expect(notices.find((n) => n.param === 'baseline')?.message).toBe(
      'baseline=“month” must be one of previous, day, week; showing the time just before instead.',
    );
  });

  it('mask=0 and live=0 are the defaults, written as nothing', () => {
    const { state } = parse('mask=0&live=0');
    expect(state).toEqual(DEFAULT_STATE);
    expect(serialiseExplorerState(state).toString()).toBe('');
  });

  it('shows the charts when the URL says, else only in a report', () => {
    expect(chartsShown(parse('').state)).toBe(false);
    expect(chartsShown(parse('view=report').state)).toBe(true);
    expect(chartsShown(parse('view=report&charts=0').state)).toBe(false);
    expect(chartsShown(parse('charts=1').state)).toBe(true);
  });
});
