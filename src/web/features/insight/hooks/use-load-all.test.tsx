import { QueryClient, QueryClientProvider, useInfiniteQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadAllBar } from '../components/load-all-bar.tsx';
import { useLoadAll } from './use-load-all.ts';

afterEach(cleanup);

type Page = { rows: number[]; next: number | null };

/** A real TanStack infinite query over `total` pages; `fail` decides per request. */
function Harness(props: { total: number; fail?: (request: number) => unknown; log: number[] }) {
  const query = useInfiniteQuery({
    queryKey: ['pages', props.total],
    initialPageParam: 0,
    retry: false,
    queryFn: ({ pageParam }): Promise<Page> => {
      props.log.push(pageParam);
      const failure = props.fail?.(props.log.length);
      if (failure) return Promise.reject(failure);
      const next = pageParam + 1 < props.total ? pageParam + 1 : null;
      return Promise.resolve({ rows: [pageParam], next });
    },
    getNextPageParam: (last) => last.next,
  });
  const pages = query.data?.pages ?? [];
  const loadAll = useLoadAll(
    {
      hasNextPage: query.hasNextPage,
      pageCount: pages.length,
      sessionCount: pages.length * 20,
      coverage: pages.length / props.total,
      fetchNextPage: () => query.fetchNextPage({ cancelRefetch: false }),
      failureReason: query.failureReason,
    },
    { perMinute: 600, resetKey: String(props.total) },
  );
  if (!query.data) return <p>loading</p>;
  return <LoadAllBar loadAll={loadAll} />;
}

function renderHarness(total: number, log: number[], fail?: (request: number) => unknown) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <Harness total={total} log={log} fail={fail} />
    </QueryClientProvider>,
  );
}

describe('useLoadAll with a real TanStack infinite query', () => {
  it('pages through everything and reports it', async () => {
    const log: number[] = [];
    renderHarness(6, log);
    await userEvent.click(await screen.findByRole('button', { name: 'Load all matching' }));
    await waitFor(() =>
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toMatch(
      /^All matching sessions loaded: 6 pages, 120 sessions/,
    );
    expect(log).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('waits out a rate-limited page, then finishes', async () => {
    const log: number[] = [];
    const limited = { code: 'rate_limited', retryAfterSeconds: 0.2, message: 'wait' };
    renderHarness(3, log, (n) => (n === 2 ? limited : null));
    await userEvent.click(await screen.findByRole('button', { name: 'Load all matching' }));
    expect(await screen.findByText(/for the Plivo rate limit/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'),
    );
    expect(log).toEqual([0, 1, 1, 2]);
  });

  it('stops on another error and resumes', async () => {
    const log: number[] = [];
    renderHarness(3, log, (n) => (n === 2 ? new Error('Upstream said no.') : null));
    await userEvent.click(await screen.findByRole('button', { name: 'Load all matching' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Upstream said no.');
    await act(async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    });
    await waitFor(() =>
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'),
    );
    expect(log).toEqual([0, 1, 1, 2]);
  });
});
