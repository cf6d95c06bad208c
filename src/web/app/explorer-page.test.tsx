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

/** Answers /api/health, then each /api/sessions call with the next reply in `replies`. */
function stubApi(replies: Response[]) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.startsWith('/api/health')) return Promise.resolve(Response.json(health));
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
      '/api/sessions?status=verified&session_time__gte=2026-11-20+10%3A00%3A00&session_time__lt=2026-11-20+12%3A00%3A00',
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
