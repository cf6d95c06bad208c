import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../../../contract/index-api.ts';
import { makeAttempt, makeSession } from '../../../test-support/make-session.ts';
import { indexQueries } from '../../../lib/index-status.ts';
import { sessionQueries } from '../api/session-queries.ts';
import { surroundingOf } from '../lib/surrounding.ts';
import type { Surrounding } from '../lib/surrounding-query.ts';
import { SurroundingSessions } from './surrounding-sessions.tsx';

afterEach(cleanup);

const self = makeSession({
  country: 'IN',
  network: 'AirTel',
  createdAt: '2026-11-19T10:30:00.000000Z',
});
const around = surroundingOf(self) as Surrounding;
const status = (state: IndexStatus['state']): IndexStatus => ({
  state,
  coveredFrom: '2026-11-01T00:00:00Z',
  coveredTo: '2026-11-20T00:00:00Z',
  asOf: '2026-11-20T00:00:00Z',
  sessions: 10,
  syncCallsLastMinute: 0,
  lastError: null,
  horizonDays: 90,
  coveredDays: 19,
});

/** The server's answers, seeded: nothing is fetched. */
function renderWith(index: IndexStatus, sessions = [self]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(indexQueries.status().queryKey, index);
  client.setQueryData(sessionQueries.surrounding(around).queryKey, {
    sessions,
    page: { limit: 500, offset: 0, nextOffset: null },
    problems: [],
    fetchedAt: '2026-11-20T00:00:00Z',
    meta: { source: 'index' as const, total: sessions.length },
  });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <SurroundingSessions session={self} tz="utc" masked level={2} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SurroundingSessions', () => {
  it('counts the others by verdict and lists them with badges and links', () => {
    const other = makeSession({ status: 'expired', attempts: [makeAttempt('sms', 'undelivered')] });
    renderWith(status('live'), [other, self]);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Surrounding sessions');
    expect(
      screen.getByText(
        '1 other session to IN · AirTel within ±10 min: 1 undelivered on all attempts.',
      ),
    ).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /2026-11-27 10:00:00 UTC/ });
    expect(link).toHaveAttribute('href', `/sessions/${other.sessionUuid}?mask=1`);
    expect(link.parentElement?.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'undelivered_all',
    );
  });

  it('without the index, links to the same query in the explorer', () => {
    renderWith(status('off'));
    expect(screen.getByText(/The session index does not cover the 20 minutes/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Open sessions to IN · AirTel within ±10 min in the explorer',
      }),
    ).toHaveAttribute(
      'href',
      '/?country=IN&network=AirTel&from=2026-11-19T10%3A20%3A00Z&to=2026-11-19T10%3A40%3A01Z&mask=1',
    );
  });
});
