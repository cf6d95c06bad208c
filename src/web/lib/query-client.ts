import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

/** Longest the browser keeps retrying a rate-limited request on its own. */
const MAX_RATE_LIMIT_RETRIES = 30;

/**
 * Rate limiting is a wait, not an error: retry when the server says the budget is back.
 * Other failures show at once with their own message and a retry button.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  return (
    isApiError(error) && error.code === 'rate_limited' && failureCount < MAX_RATE_LIMIT_RETRIES
  );
}

function retryDelay(_failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== undefined) {
    return Math.max(0.5, error.retryAfterSeconds) * 1000;
  }
  return 1000;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // Every list call spends the shared Plivo budget: refetch only when asked.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
