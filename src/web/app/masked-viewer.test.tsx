import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import phpList from '../../../e2e/fixtures/plivo-sdk/plivo-php__verifySessionListResponse.json';
import type { SessionsPage } from '../../contract/api.ts';
import { maskSession } from '../../contract/mask.ts';
import { parsePlivoList } from '../../contract/parse-plivo.ts';
import { seedFirstPage } from '../features/sessions/api/seed-first-page.ts';
import { windowEnd } from '../lib/api-params.ts';
import { loadMask } from '../lib/mask-lazy.ts';
import { loadPhone } from '../lib/phone-lazy.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { AppRoutes } from './app.tsx';
import { explorerListQuery } from './prefetch-explorer.ts';

/**
 * What the browser does with masked data it did not unmask itself: a masked-only viewer is
 * offered no way to full numbers, and a page the server sent masked is fetched again, in
 * full, when its viewer unmasks (and that is reported to the audit trail).
 */
beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 800 });
  await Promise.all([
    loadPhone(),
    loadMask(),
    import('../features/sessions/components/sessions-table.tsx'),
  ]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const parsed = parsePlivoList(phpList);
if (!parsed.ok) throw new Error(parsed.message);
const full: SessionsPage = {
  sessions: parsed.value.sessions,
  page: { limit: 20, offset: 0, nextOffset: null },
  problems: [],
  fetchedAt: '2026-11-20T12:00:00.000000Z',
};
const masked: SessionsPage = { ...full, sessions: full.sessions.map(maskSession), masked: true };
const digits = full.sessions.map((s) => s.recipient!.replace(/\D/g, ''));
const WINDOW = 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';
/** Whole-app renders with lazy chunks: generous waits, for shared and busy machines. */
const SLOW = { timeout: 5000 };

type Call = { url: string; method: string; body: unknown };
function stubApi(maskedOnly: boolean, listReply: SessionsPage) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
      calls.push({ url, method: init?.method ?? 'GET', body });
      if (url.startsWith('/api/health')) {
        return Promise.resolve(
          Response.json({
            mode: 'simulator',
            upstreamReachable: true,
            budget: { perMinute: 20, remaining: 20, queued: 0 },
            version: 't',
            viewer: { maskedOnly },
          }),
        );
      }
      if (url.startsWith('/api/audit')) return Promise.resolve(new Response(null, { status: 204 }));
      return Promise.resolve(Response.json(listReply));
    }),
  );
  return calls;
}

/** Shows the router's current query string, for the address assertions. */
function Probe() {
  return <output aria-label="address">{useLocation().search}</output>;
}

function renderAt(path: string, seed: SessionsPage | null = null) {
  const client = createQueryClient();
  if (seed) {
    const query = explorerListQuery('/', path.slice(1))!;
    seedFirstPage(client, query, {
      body: seed,
      endMs: windowEnd(Date.now()),
      fetchedAt: Date.now(),
    });
  }
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <Probe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const tableText = () =>
  within(screen.getByRole('table', { name: 'Sessions' }))
    .getAllByRole('row')
    .map((r) => r.textContent)
    .join('\n');
const fullNumbersShown = () => digits.filter((d) => tableText().replace(/\D/g, '').includes(d));

describe('a masked-only viewer', () => {
  it('gets no unmask control, and the address says mask=1', async () => {
    stubApi(true, masked);
    renderAt(`/?${WINDOW}`);
    expect(
      await screen.findByText('all 4 sessions', { selector: '[role=status]' }, SLOW),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('address')).toHaveTextContent('mask=1'), SLOW);
    expect(screen.getByText('Phone numbers masked')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /show full numbers/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /mask phone numbers/i })).not.toBeInTheDocument();
    expect(fullNumbersShown()).toEqual([]);
  }, 20_000);
});

describe('a full viewer on a page the server sent masked', () => {
  it('fetches again on unmask, shows full numbers from that reply, and reports the unmask', async () => {
    const calls = stubApi(false, full);
    renderAt(`/?${WINDOW}&mask=1`, masked);
    expect(
      await screen.findByText('all 4 sessions', { selector: '[role=status]' }, SLOW),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/sessions'))).toEqual([]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /show full numbers/ }, SLOW));
    await user.click(screen.getByRole('button', { name: 'Show full numbers' }));
    await waitFor(() => expect(fullNumbersShown()).toEqual(digits), SLOW);
    expect(calls.filter((c) => c.url.startsWith('/api/sessions'))).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        url: '/api/audit',
        method: 'POST',
        body: {
          action: 'unmask',
          rows: 4,
          filters: {
            session_time__gte: '2026-11-20 10:00:00',
            session_time__lt: '2026-11-20 12:00:00',
          },
        },
      },
    ]);
  }, 20_000);
});
