import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionsPage } from '../../contract/api.ts';
import { PRERENDER_BOOT_ID, type PrerenderBoot } from '../../contract/prerender.ts';
import { sessionQueries } from '../features/sessions/api/session-queries.ts';
import { toApiParams, windowEnd } from '../lib/api-params.ts';
import { explorerListQuery } from './prefetch-explorer.ts';
import { seedFromPrerender } from './prerender-boot.ts';

const NOW = Date.parse('2026-11-20T12:00:30Z');
const END = windowEnd(NOW);
const SEARCH = '?status=verified&range=1h';
const AT = { pathname: '/', search: SEARCH };
const query = explorerListQuery('/', SEARCH)!;
const body: SessionsPage = {
  sessions: [],
  page: { limit: 20, offset: 0, nextOffset: null },
  problems: [],
  fetchedAt: '2026-11-20T12:00:29.000000Z',
};
const environment = {
  viewerZone: 'Europe/Paris',
  storedTheme: 'dark',
  server: { mode: 'simulator' as const, indexed: true },
  origin: 'http://dashboard.test',
};
const boot = (over: Partial<PrerenderBoot> = {}): PrerenderBoot => ({
  environment,
  apiQuery: toApiParams(query, END, 0).toString(),
  body,
  endMs: END,
  fetchedAt: NOW - 1000,
  ...over,
});

function pageWith(text: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = PRERENDER_BOOT_ID;
  element.textContent = text;
  document.body.append(element);
}
const cached = (client: QueryClient) => client.getQueryData(sessionQueries.list(query).queryKey);

afterEach(() => document.getElementById(PRERENDER_BOOT_ID)?.remove());

describe('seedFromPrerender', () => {
  it('matches a masked page’s query, which carries the recipient’s last four digits only', () => {
    const search = '?recipient=%2B918996280998&range=1h&mask=1';
    const lookup = explorerListQuery('/', search)!;
    const apiQuery = toApiParams(lookup, END, 0)
      .toString()
      .replace('%2B918996280998', 'masked-0998');
    const masked = { ...body, masked: true as const };
    pageWith(JSON.stringify(boot({ apiQuery, body: masked })));
    const client = new QueryClient();
    expect(seedFromPrerender(client, document, { pathname: '/', search }, NOW)).toEqual(
      environment,
    );
    expect(client.getQueryData(sessionQueries.list(lookup).queryKey)?.pages[0]).toEqual({
      ...masked,
      endMs: END,
    });
    // The page is always the data for its own address; a page for another number is not.
    pageWith(JSON.stringify(boot({ apiQuery, body: masked })));
    const other = '?recipient=%2B14155550100&range=1h&mask=1';
    expect(
      seedFromPrerender(new QueryClient(), document, { pathname: '/', search: other }, NOW),
    ).toBeNull();
  });

  it('starts the list from the pre-rendered reply, and takes the full numbers out of the DOM', () => {
    pageWith(JSON.stringify(boot()));
    const client = new QueryClient();
    expect(seedFromPrerender(client, document, AT, NOW)).toEqual(environment);
    expect(cached(client)?.pages[0]).toEqual({ ...body, endMs: END });
    expect(client.getQueryState(sessionQueries.list(query).queryKey)?.dataUpdatedAt).toBe(
      NOW - 1000,
    );
    expect(document.getElementById(PRERENDER_BOOT_ID)).toBeNull();
  });

  it.each([
    ['answers another query', JSON.stringify(boot({ apiQuery: 'status=expired' }))],
    ['was rendered for a clock two minutes off', JSON.stringify(boot({ endMs: END + 120_000 }))],
    ['does not pass the /api schema', JSON.stringify(boot({ body: { sessions: 'x' } }))],
    ['is not JSON', '{"apiQuery":'],
    ['is empty', ''],
    ['has no render environment', JSON.stringify({ ...boot(), environment: undefined })],
    ['names no zone', JSON.stringify(boot({ environment: { storedTheme: null } as never }))],
    [
      'names no origin',
      JSON.stringify(boot({ environment: { ...environment, origin: undefined } as never })),
    ],
  ])('refuses data that %s, so the list asks /api itself', (_label, text) => {
    pageWith(text);
    const client = new QueryClient();
    expect(seedFromPrerender(client, document, AT, NOW)).toBeNull();
    expect(cached(client)).toBeUndefined();
    expect(document.getElementById(PRERENDER_BOOT_ID)).toBeNull();
  });

  it('takes a fixed window whatever the clock says: its rows do not depend on "now"', () => {
    const search = '?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';
    const fixed = explorerListQuery('/', search)!;
    const endMs = windowEnd(NOW - 7 * 86_400_000);
    pageWith(JSON.stringify(boot({ apiQuery: toApiParams(fixed, endMs, 0).toString(), endMs })));
    const client = new QueryClient();
    expect(seedFromPrerender(client, document, { pathname: '/', search }, NOW)).toEqual(
      environment,
    );
  });

  it('ignores it on pages other than the explorer', () => {
    pageWith(JSON.stringify(boot()));
    const client = new QueryClient();
    expect(
      seedFromPrerender(client, document, { pathname: '/sessions/x', search: '' }, NOW),
    ).toBeNull();
  });
});
