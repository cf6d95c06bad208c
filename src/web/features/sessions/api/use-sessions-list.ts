import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { isApiError } from '../../../lib/api-client.ts';
import type { ExplorerState } from '../../../../contract/explorer-view.ts';
import { normaliseListQuery } from '../../../lib/api-params.ts';
import { refreshHead } from './refresh-head.ts';
import { sessionQueries } from './session-queries.ts';

const NO_SESSIONS: Session[] = [];

/**
 * Offset paging over a list that grows at the top can repeat a session on the next page;
 * it is shown once (rows are keyed by session uuid).
 */
function uniqueSessions(pages: readonly { sessions: Session[] }[]): Session[] {
  const seen = new Set<string>();
  return pages
    .flatMap((p) => p.sessions)
    .filter((s) => !seen.has(s.sessionUuid) && Boolean(seen.add(s.sessionUuid)));
}

/** The oldest `fetchedAt` of the loaded pages: every row shown is at least this fresh. */
function oldestFetch(pages: readonly { fetchedAt: string }[] | undefined): string | null {
  let oldest: string | null = null;
  for (const p of pages ?? []) if (oldest === null || p.fetchedAt < oldest) oldest = p.fetchedAt;
  return oldest;
}

/**
 * The loaded pages as one list, plus what the explorer needs to say about them. `wantFull`:
 * the view shows full numbers and the viewer may see them. Pages the server sent masked (a
 * pre-rendered `mask=1` page) cannot be unmasked here, so they are then dropped and fetched
 * again: the browser holds full numbers only when it asked for them.
 */
export function useSessionsList(state: ExplorerState, wantFull = false) {
  const listQuery = useMemo(
    () => normaliseListQuery(state.filters, state.time),
    [state.filters, state.time],
  );
  const client = useQueryClient();
  const query = useInfiniteQuery(sessionQueries.list(listQuery));
  const stale = wantFull && (query.data?.pages.some((p) => p.masked) ?? false);
  useEffect(() => {
    if (!stale) return;
    const { queryKey } = sessionQueries.list(listQuery);
    void client.resetQueries({ queryKey, exact: true });
  }, [stale, client, listQuery]);
  const data = stale ? undefined : query.data;
  const { hasNextPage, isFetchingNextPage, fetchNextPage, failureReason } = query;
  const sessions = useMemo(() => (data ? uniqueSessions(data.pages) : NO_SESSIONS), [data]);
  const problems = useMemo(() => data?.pages.flatMap((p) => p.problems) ?? [], [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const fetchNext = useCallback(() => fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  const refresh = useCallback(() => refreshHead(client, listQuery), [client, listQuery]);
  // Cancelling reverts to the pages already loaded and ends TanStack's retries of the next.
  const stopFetching = useCallback(
    () =>
      void client.cancelQueries({ queryKey: sessionQueries.list(listQuery).queryKey, exact: true }),
    [client, listQuery],
  );
  const rateLimit =
    query.fetchStatus === 'fetching' &&
    isApiError(failureReason) &&
    failureReason.code === 'rate_limited'
      ? { seconds: failureReason.retryAfterSeconds ?? 1, attempt: query.failureCount }
      : null;
  const retry = () => void (query.isFetchNextPageError ? fetchNextPage() : query.refetch());
  // Who answered the first page: the session index says how many match in all. While a new
  // query loads, the previous rows stay on screen and so does their source (no flash of the
  // Plivo-only controls); their total does not describe the new query and is not given.
  const meta = data?.pages[0]?.meta;
  return {
    /** `index`: the session index answered (exact total, every filter); else Plivo. */
    source: meta?.source ?? (data ? 'plivo' : null),
    /** Every session matching the query, when the index answered; null otherwise. */
    total: meta?.source === 'index' && !query.isPlaceholderData ? meta.total : null,
    sessions,
    problems,
    hasMore: hasNextPage,
    isFetchingMore: isFetchingNextPage,
    isFetching: query.isFetching,
    isPending: query.isPending || stale,
    isPlaceholder: query.isPlaceholderData,
    error: query.isError ? query.error : null,
    failureReason,
    rateLimit,
    pageCount: data?.pages.length ?? 0,
    /** The end the list was fetched for (a relative window's "now"); null before data. */
    endMs: query.isPlaceholderData || stale ? null : (data?.pages[0]?.endMs ?? null),
    fetchedAt: data?.pages[0]?.fetchedAt ?? null,
    dataAsOf: oldestFetch(data?.pages),
    /** The first page's rows: live refresh adds to them, so new rows are found here. */
    headSessions: data?.pages[0]?.sessions,
    loadMore,
    fetchNextPage: fetchNext,
    stopFetching,
    refresh,
    retry,
  };
}
