import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import phpList from '../../../e2e/fixtures/plivo-sdk/plivo-php__verifySessionListResponse.json';
import type { SessionsPage } from '../../contract/api.ts';
import { parsePlivoList } from '../../contract/parse-plivo.ts';
import { loadPhone } from '../lib/phone-lazy.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client.ts';
import { makeStats } from '../test-support/make-stats.ts';
import { AppRoutes } from './app.tsx';

beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 800 });
  await Promise.all([loadPhone(), import('../features/sessions/components/sessions-table.tsx')]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const parsed = parsePlivoList(phpList);
if (!parsed.ok) throw new Error(parsed.message);
const page: SessionsPage = {
  sessions: parsed.value.sessions,
  page: { limit: 20, offset: 0, nextOffset: null },
  problems: [],
  fetchedAt: '2026-11-20T12:00:00.000000Z',
};
const health = {
  mode: 'simulator',
  upstreamReachable: true,
  budget: { perMinute: 20, remaining: 0, queued: 0 },
  version: 't',
  viewer: { maskedOnly: false },
};

const indexOff = {
  state: 'off',
  coveredFrom: null,
  coveredTo: null,
  asOf: null,
  sessions: 0,
  syncCallsLastMinute: 0,
  lastError: null,
  horizonDays: 90,
  coveredDays: 0,
};

/**
 * Answers /api/health and /api/index (`index`), /api/stats with `stats`, then each
 * /api/sessions call with the next reply in `replies`.
 */
function stubApi(replies: Response[], options: { index?: object; stats?: object } = {}) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.startsWith('/api/health')) return Promise.resolve(Response.json(health));
      if (url.startsWith('/api/index'))
        return Promise.resolve(Response.json(options.index ?? indexOff));
      if (url.startsWith('/api/stats')) {
        calls.push(url);
        return Promise.resolve(Response.json(options.stats ?? {}));
      }
      calls.push(url);
      return Promise.resolve(replies.shift() ?? Response.json(page));
    }),
  );
  return calls;
}

function renderAt(path: string) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const WINDOW = 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';

describe('explorer data states', () => {
  it('asks /api/sessions with Plivo’s names and UTC times, and counts what is loaded', async () => {
    const calls = stubApi([]);
    renderAt(`/?status=verified&${WINDOW}`);
    expect(await screen.findByText('all 4 sessions')).toBeInTheDocument();
    expect(calls).toEqual([
      '/api/sessions?status=verified&session_time__gte=2026-11-20+10%3A00%3A00&session_time__lt=2026-11-20+12%3A00%3A00&limit=500',
    ]);
    expect(screen.getByRole('note', { name: 'Simulator mode' })).toBeInTheDocument();
  });

  it('shows a rate-limit wait as a countdown and retries by itself', async () => {
    const limited = Response.json(
      {
        error: {
          code: 'rate_limited',
          message: 'Plivo allows 20 list calls a minute.',
          retryAfterSeconds: 1,
        },
      },
      { status: 429 },
    );
    const calls = stubApi([limited]);
    renderAt(`/?${WINDOW}`);
    expect(await screen.findByText(/Waiting 1 s for the Plivo rate limit/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await screen.findByText('all 4 sessions', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.queryByText(/for the Plivo rate limit/)).not.toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  it('shows each server error with its own message and a retry', async () => {
    const timeout = Response.json(
      { error: { code: 'upstream_timeout', message: 'Plivo did not answer within 10 s.' } },
      { status: 504 },
    );
    stubApi([timeout]);
    renderAt(`/?${WINDOW}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Plivo did not answer in time');
    expect(alert).toHaveTextContent('Plivo did not answer within 10 s.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('all 4 sessions')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('explorer over the session index', () => {
  const live = {
    ...indexOff,
    state: 'live',
    coveredFrom: '2026-08-22T12:00:00Z',
    coveredTo: '2026-11-20T12:00:00Z',
    asOf: new Date(Date.now() - 5_000).toISOString(),
    sessions: 1234,
    coveredDays: 90,
  };

  it('says the coverage, counts against the exact total and sends index filters', async () => {
    const fromIndex = Response.json({
      ...page,
      page: { limit: 500, offset: 0, nextOffset: 4 },
      meta: { source: 'index', total: 9 },
    });
    const calls = stubApi([fromIndex], { index: live, stats: makeStats({ total: 9 }) });
    renderAt(`/?network=AirTel&verdict=undelivered_all&${WINDOW}`);
    expect(await screen.findByText('4 of 9 loaded')).toBeInTheDocument();
    expect(await screen.findByText(/^Indexed: last 90 days, as of \d+ s ago$/)).toBeInTheDocument();
    expect(calls[0]).toBe(
      '/api/sessions?network=AirTel&verdict=undelivered_all&session_time__gte=2026-11-20+10%3A00%3A00&session_time__lt=2026-11-20+12%3A00%3A00&limit=500',
    );
    // The summary is over every match, from /api/stats with the same filters and window.
    expect(await screen.findByRole('heading', { name: /^Summary/ })).toHaveTextContent(
      'all 9 sessions — exact, from the session index',
    );
    expect(calls[1]).toBe(
      '/api/stats?network=AirTel&verdict=undelivered_all&session_time__gte=2026-11-20+10%3A00%3A00&session_time__lt=2026-11-20+12%3A00%3A00&bucket=1m',
    );
    // "Needed a 2nd attempt": the total of the same query with at least two attempts.
    expect(calls).toContain(
      '/api/stats?network=AirTel&verdict=undelivered_all&attempts_min=2&session_time__gte=2026-11-20+10%3A00%3A00&session_time__lt=2026-11-20+12%3A00%3A00&bucket=1m',
    );
    const chips = screen.getByRole('list', { name: 'Index filters' });
    expect(chips).toHaveTextContent('Network: AirTel');
    expect(chips).toHaveTextContent('Verdict: Undelivered on all attempts');
  });

  it('rewrites an old f_* link to server filters and says so', async () => {
    const calls = stubApi([]);
    renderAt(`/?f_channel=sms&f_country=IN,FR&${WINDOW}`);
    expect(await screen.findByText('all 4 sessions')).toBeInTheDocument();
    expect(calls[0]).toMatch(/^\/api\/sessions\?country=IN&channel=sms&session_time__gte=/);
    expect(calls.filter((c) => c.startsWith('/api/sessions'))).toHaveLength(1);
    expect(screen.getByText(/f_country=“IN,FR” is now the server filter country=IN/)).toBeVisible();
    expect(screen.getByText(/f_channel=“sms” is now the server filter channel=sms/)).toBeVisible();
  });

  it('shows the server’s not_indexed message instead of dropping the filter', async () => {
    const refused = Response.json(
      {
        error: {
          code: 'not_indexed',
          message: 'network needs the session index, which covers 2026-11-13 onwards.',
          param: 'network',
        },
      },
      { status: 409 },
    );
    stubApi([refused]);
    renderAt(`/?network=AirTel&${WINDOW}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This needs the session index, which does not cover it yet');
    expect(alert).toHaveTextContent('network needs the session index, which covers 2026-11-13');
  });
});
