import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, RANGE_PRESETS } from './explorer-vocabulary.ts';
import {
  DEFAULT_STATE,
  OWNED_PARAMS,
  parseExplorerSearch,
  type ExplorerState,
} from './explorer-view.ts';
import { explorerSearch, serialiseExplorerState } from './explorer-view-url.ts';

const parse = (query: string) => parseExplorerSearch(new URLSearchParams(query));

describe('serialiseExplorerState', () => {
  it('writes nothing for the defaults', () => {
    expect(serialiseExplorerState(DEFAULT_STATE).toString()).toBe('');
  });

  it('writes params in a stable order whatever order they came in', () => {
    const a = parse('open=abc&tz=Asia/Kolkata&range=7d&status=verified&cols=status,created');
    const b = parse('cols=created,status&status=verified&range=7d&tz=Asia/Kolkata&open=abc');
    const expected = 'status=verified&range=7d&tz=Asia%2FKolkata&cols=created%2Cstatus&open=abc';
    expect(serialiseExplorerState(a.state).toString()).toBe(expected);
    expect(serialiseExplorerState(b.state).toString()).toBe(expected);
  });

  it('keeps params it does not own, dropping the bad ones it owns', () => {
    const search = new URLSearchParams(
      'utm_source=ticket&mask=1&status=bogus&view=report&range=1h',
    );
    const out = serialiseExplorerState(parseExplorerSearch(search).state, search);
    expect(out.toString()).toBe('range=1h&view=report&mask=1&utm_source=ticket');
  });
});

describe('explorerSearch: links that read well in a ticket', () => {
  it('leaves : , / unescaped in times, lists and zones', () => {
    const { state } = parse(
      'from=2026-11-20T10:20:00Z&to=2026-11-20T11:00:00Z&country=IN&network=AirTel,Jio&tz=Asia/Kolkata',
    );
    expect(explorerSearch(state)).toBe(
      '?country=IN&network=AirTel,Jio&from=2026-11-20T10:20:00Z&to=2026-11-20T11:00:00Z&tz=Asia/Kolkata',
    );
  });

  it('still escapes what would change the query: & = + # % and spaces', () => {
    const { state } = parse(`alias=${encodeURIComponent('a&b=c+d #1 %')}`);
    const search = explorerSearch(state);
    expect(search).toBe('?alias=a%26b%3Dc%2Bd+%231+%25');
    expect(parse(search.slice(1)).state.filters.alias).toBe('a&b=c+d #1 %');
  });

  it('is empty for the default view', () => {
    expect(explorerSearch(DEFAULT_STATE)).toBe('');
  });
});

const stateArbitrary: fc.Arbitrary<ExplorerState> = fc.record({
  filters: fc.record(
    {
      status: fc.constantFrom('in-progress', 'verified', 'expired'),
      recipient: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
      country: fc.stringMatching(/^[A-Z]{2}$/),
      alias: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ''),
    },
    { requiredKeys: [] },
  ),
  time: fc.oneof(
    fc.record({ kind: fc.constant('range' as const), range: fc.constantFrom(...RANGE_PRESETS) }),
    fc
      .tuple(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.option(fc.integer({ min: 1, max: 90 * 86_400_000 }), { nil: null }),
      )
      .map(([from, span]) => ({
        kind: 'absolute' as const,
        from,
        to: span === null ? null : from + span,
      })),
  ),
  tz: fc.constantFrom('utc', 'local', 'Asia/Kolkata', 'America/New_York'),
  sort: fc.option(fc.record({ id: fc.constantFrom(...COLUMN_IDS), desc: fc.boolean() }), {
    nil: null,
  }),
  cols: fc
    .subarray([...COLUMN_IDS], { minLength: 1 })
    .map((cols) => COLUMN_IDS.filter((c) => cols.includes(c))),
  open: fc.option(fc.uuid(), { nil: null }),
  view: fc.constantFrom('table' as const, 'report' as const),
  masked: fc.boolean(),
  live: fc.boolean(),
  charts: fc.option(fc.boolean(), { nil: null }),
  baseline: fc.constantFrom('previous' as const, 'day' as const, 'week' as const),
  theme: fc.option(fc.constantFrom('system' as const, 'light' as const, 'dark' as const), {
    nil: null,
  }),
});

describe('round trip', () => {
  it('parse(serialise(state)) gives the state back, with no notices', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const parsed = parseExplorerSearch(serialiseExplorerState(state));
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
    );
  });

  it('the readable URL parses back to the same state', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const search = explorerSearch(state);
        const parsed = parseExplorerSearch(new URLSearchParams(search.slice(1)));
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
        expect(explorerSearch(parsed.state)).toBe(search);
      }),
    );
  });

  it('any query gives a state, and every notice names a param of the query', () => {
    const owned = fc.constantFrom(...OWNED_PARAMS);
    const pair = fc.tuple(
      fc.oneof(owned, fc.string({ maxLength: 8 })),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const search = new URLSearchParams(pairs);
        const { state, notices } = parseExplorerSearch(search);
        expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_STATE).sort());
        for (const n of notices) expect(search.has(n.param) || n.param === 'to').toBe(true);
        // What it writes back is canonical: read again, it gives the same state, no notices.
        const again = parseExplorerSearch(serialiseExplorerState(state));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(state);
      }),
    );
  });

  it('serialise(parse(url)) is stable: a canonical URL maps to itself', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const once = serialiseExplorerState(state).toString();
        const twice = serialiseExplorerState(parseExplorerSearch(new URLSearchParams(once)).state);
        expect(twice.toString()).toBe(once);
      }),
    );
  });
});
