import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { sessionsPageSchema } from '../../../../contract/api.ts';
import type { ListQuery } from '../../../lib/api-params.ts';
import { firstPage, sessionQueries, type LoadedPage, type PageParam } from './session-queries.ts';

/**
 * Puts a `/api/sessions` reply obtained elsewhere (the server's pre-render) into the cache as
 * the list's first page, checked with the same schema as a fetched one. False when it does not
 * pass: the list then fetches as usual.
 */
export function seedFirstPage(
  client: QueryClient,
  query: ListQuery,
  reply: { body: unknown; endMs: number; fetchedAt: number },
): boolean {
  const parsed = sessionsPageSchema.safeParse(reply.body);
  if (!parsed.success) return false;
  const data: InfiniteData<LoadedPage, PageParam> = {
    pages: [{ ...parsed.data, endMs: reply.endMs }],
    pageParams: [firstPage],
  };
  client.setQueryData(sessionQueries.list(query).queryKey, data, { updatedAt: reply.fetchedAt });
  return true;
}
