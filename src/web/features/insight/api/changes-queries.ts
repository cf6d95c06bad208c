import { queryOptions } from '@tanstack/react-query';
import { changesSchema } from '../../../../contract/changes.ts';
import { type BaselineKind } from '../../../../contract/baselines.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { toApiParams, type ListQuery } from '../../../lib/api-params.ts';

/** `/api/changes`: the list's filters and window against a baseline, from the session index. */
export const changesQueries = {
  all: () => ['changes'] as const,
  changes: (query: ListQuery, endMs: number, baseline: BaselineKind) =>
    queryOptions({
      queryKey: [...changesQueries.all(), query, endMs, baseline] as const,
      queryFn: ({ signal }) => {
        const params = toApiParams(query, endMs, 0);
        params.delete('limit');
        params.set('baseline', baseline);
        return apiGet('/api/changes', changesSchema, { params, signal });
      },
    }),
};
