import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSession } from '../../../test-support/make-session.ts';
import { sessionQueries } from '../api/session-queries.ts';
import { CheckWithPlivo } from './check-with-plivo.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UUID = '3cdec449-a367-435e-b4f9-40d777a7cfcc';

describe('CheckWithPlivo', () => {
  it('asks Plivo past the cache, shows the time, and updates the page’s session', async () => {
    const detail = {
      session: makeSession({ sessionUuid: UUID, status: 'verified' }),
      raw: {},
      fetchedAt: '2026-11-20T12:34:56.000000Z',
    };
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(Response.json(detail)),
    );
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <CheckWithPlivo sessionUuid={UUID} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check with Plivo now' }));
    expect(
      await screen.findByText('Checked with Plivo: as of 2026-11-20 12:34:56 UTC'),
    ).toBeVisible();
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/sessions/${UUID}`);
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ 'cache-control': 'no-cache' });
    expect(client.getQueryData(sessionQueries.detail(UUID).queryKey)?.fetchedAt).toBe(
      detail.fetchedAt,
    );
  });

  it('says what failed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<() => Promise<Response>>(() =>
        Promise.resolve(
          Response.json(
            { error: { code: 'upstream_timeout', message: 'Plivo did not answer within 10 s.' } },
            { status: 504 },
          ),
        ),
      ),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CheckWithPlivo sessionUuid={UUID} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check with Plivo now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Plivo did not answer within 10 s.');
  });
});
