import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  sessionDetailSchema,
  sessionsPageSchema,
  type SessionsPage,
} from '../../../../contract/api.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { toApiParams, windowEnd, type ListQuery } from '../../../lib/api-params.ts';
import { surroundingApiParams, type Surrounding } from '../lib/surrounding-query.ts';

/** Pages remember the end of a relative window so later pages ask for the same window. */
export type PageParam = { offset: number; endMs: number | null };
export type LoadedPage = SessionsPage & { endMs: number };

export const firstPage: PageParam = { offset: 0, endMs: null };

export const sessionQueries = {
  all: () => ['sessions'] as const,
  list: (query: ListQuery) =>
    infiniteQueryOptions({
      queryKey: [...sessionQueries.all(), 'list', query] as const,
      queryFn: async ({ pageParam, signal }): Promise<LoadedPage> => {
        const endMs = pageParam.endMs ?? windowEnd(Date.now());
        const page = await apiGet('/api/sessions', sessionsPageSchema, {
          params: toApiParams(query, endMs, pageParam.offset),
          signal,
        });
        return { ...page, endMs };
      },
      initialPageParam: firstPage,
      getNextPageParam: (last): PageParam | undefined =>
        last.page.nextOffset === null
          ? undefined
          : { offset: last.page.nextOffset, endMs: last.endMs },
      placeholderData: keepPreviousData,
    }),
  detail: (sessionUuid: string) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'detail', sessionUuid] as const,
      queryFn: ({ signal }) =>
        apiGet(`/api/sessions/${encodeURIComponent(sessionUuid)}`, sessionDetailSchema, { signal }),
    }),
  /** Sessions around one session (see surrounding.ts): from the index, or a 409. */
  surrounding: (around: Surrounding) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'surrounding', around] as const,
      queryFn: ({ signal }) =>
        apiGet('/api/sessions', sessionsPageSchema, {
          params: surroundingApiParams(around),
          signal,
        }),
      // A 409 (the index does not cover it) is an answer: the explorer link stands in.
      retry: false,
    }),
};

/**
 * The session straight from Plivo, not from the server's cache or index: what "Check with
 * Plivo now" shows, with the time it was fetched.
 */
export function fetchDetailFresh(sessionUuid: string) {
  return apiGet(`/api/sessions/${encodeURIComponent(sessionUuid)}`, sessionDetailSchema, {
    fresh: true,
  });
}
