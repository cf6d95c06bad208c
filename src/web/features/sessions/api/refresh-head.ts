import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { sessionsPageSchema } from '../../../../contract/api.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { toApiParams, windowEnd, type ListQuery } from '../../../lib/api-params.ts';
import { sessionQueries, type LoadedPage, type PageParam } from './session-queries.ts';

type ListData = InfiniteData<LoadedPage, PageParam>;

/**
 * Puts a freshly fetched first page in front of the loaded pages. Plivo lists newest first
 * and offsets shift as sessions arrive, so later pages may repeat a session (shown once)
 * but never skip one — unless more arrived than one page holds: then the fresh page does
 * not reach the loaded rows, and only the fresh page is kept rather than show a hidden gap.
 */
export function mergeHead(data: ListData | undefined, fresh: LoadedPage): ListData {
  const head: PageParam = { offset: 0, endMs: fresh.endMs };
  if (!data || data.pages.length === 0) return { pages: [fresh], pageParams: [head] };
  const known = new Set(data.pages.flatMap((p) => p.sessions.map((s) => s.sessionUuid)));
  const overlaps = fresh.sessions.some((s) => known.has(s.sessionUuid));
  const reachesLoaded = overlaps || fresh.page.nextOffset === null;
  if (!reachesLoaded) return { pages: [fresh], pageParams: [head] };
  const [first, ...rest] = data.pages;
  const older = (first?.sessions ?? []).filter(
    (s) => !fresh.sessions.some((f) => f.sessionUuid === s.sessionUuid),
  );
  // The first page grows by the new sessions; the loaded pages after it stay as they are.
  const merged: LoadedPage = {
    ...fresh,
    sessions: [...fresh.sessions, ...older],
    page: first?.page ?? fresh.page,
  };
  return { pages: [merged, ...rest], pageParams: [head, ...data.pageParams.slice(1)] };
}

/**
 * Live refresh: asks for the first page only (one list call, not one per loaded page as
 * `refetch()` on an infinite query would) and merges it into the cached list.
 */
export async function refreshHead(client: QueryClient, query: ListQuery): Promise<void> {
  const endMs = windowEnd(Date.now());
  const page = await apiGet('/api/sessions', sessionsPageSchema, {
    params: toApiParams(query, endMs, 0),
  });
  const fresh: LoadedPage = { ...page, endMs };
  client.setQueryData<ListData>(sessionQueries.list(query).queryKey, (data) =>
    mergeHead(data, fresh),
  );
}
