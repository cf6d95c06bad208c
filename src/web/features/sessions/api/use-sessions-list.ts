import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { isApiError } from '../../../lib/api-client.ts';
import type { ExplorerState } from '../../../lib/url-state.ts';
import { normaliseListQuery } from '../lib/api-params.ts';
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

/** The loaded pages as one list, plus what the explorer needs to say about them. */
export function useSessionsList(state: ExplorerState) {
  const query = useInfiniteQuery(
    sessionQueries.list(normaliseListQuery(state.filters, state.time)),
  );
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage, failureReason } = query;
  const sessions = useMemo(() => (data ? uniqueSessions(data.pages) : NO_SESSIONS), [data]);
  const problems = useMemo(() => data?.pages.flatMap((p) => p.problems) ?? [], [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rateLimit =
    query.fetchStatus === 'fetching' &&
    isApiError(failureReason) &&
    failureReason.code === 'rate_limited'
      ? { seconds: failureReason.retryAfterSeconds ?? 1, attempt: query.failureCount }
      : null;
  const retry = () => void (query.isFetchNextPageError ? fetchNextPage() : query.refetch());
  return {
    sessions,
    problems,
    hasMore: hasNextPage,
    isFetchingMore: isFetchingNextPage,
    isPending: query.isPending,
    isPlaceholder: query.isPlaceholderData,
    error: query.isError ? query.error : null,
    rateLimit,
    fetchedAt: data?.pages[0]?.fetchedAt ?? null,
    loadMore,
    retry,
  };
}
