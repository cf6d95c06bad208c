import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { statsSchema, type StatsBucket } from '../../../../contract/index-api.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { toApiParams, type ListQuery } from '../../../lib/api-params.ts';

/**
 * `/api/stats`: exact aggregates over every session matching the list's filters, from the
 * session index. Keyed by the normalised list query, the window's resolved end (so the
 * figures describe exactly the rows' window) and the bucket size.
 */
export function statsParams(query: ListQuery, endMs: number, bucket: StatsBucket) {
  const params = toApiParams(query, endMs, 0);
  params.delete('limit');
  params.set('bucket', bucket);
  return params;
}

export const statsQueries = {
  all: () => ['stats'] as const,
  stats: (query: ListQuery, endMs: number, bucket: StatsBucket) =>
    queryOptions({
      queryKey: [...statsQueries.all(), query, endMs, bucket] as const,
      queryFn: ({ signal }) =>
        apiGet('/api/stats', statsSchema, { params: statsParams(query, endMs, bucket), signal }),
      placeholderData: keepPreviousData,
    }),
};
