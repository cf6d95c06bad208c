import { queryOptions, useQuery } from '@tanstack/react-query';
import { healthSchema } from '../../contract/api.ts';
import { apiGet } from './api-client.ts';

const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => apiGet('/api/health', healthSchema, { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
