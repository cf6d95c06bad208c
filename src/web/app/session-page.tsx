import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { SkeletonRows } from '../components/skeleton-rows.tsx';
import { sessionQueries } from '../features/sessions/api/session-queries.ts';
import { ErrorPanel } from '../features/sessions/components/error-panel.tsx';
import { RateLimitWait } from '../features/sessions/components/rate-limit-wait.tsx';
import { SessionView } from '../features/sessions/components/session-view.tsx';
import { isApiError } from '../lib/api-client.ts';
import { isValidTimeZone } from '../lib/time-format.ts';

/** The explorer's query string, carried in history state so "back" restores the filters. */
function backLink(state: unknown): string {
  const search =
    typeof state === 'object' && state !== null && 'backSearch' in state ? state.backSearch : '';
  return typeof search === 'string' && search.startsWith('?') ? `/${search}` : '/';
}

/** `/sessions/:session_uuid`: one session via Plivo's retrieve call. */
export function SessionPage() {
  const { session_uuid: uuid = '' } = useParams();
  const location = useLocation();
  const [search] = useSearchParams();
  const tzParam = search.get('tz') ?? 'utc';
  const tz = isValidTimeZone(tzParam) ? tzParam : 'utc';
  const query = useQuery(sessionQueries.detail(uuid));
  const waiting =
    query.fetchStatus === 'fetching' &&
    isApiError(query.failureReason) &&
    query.failureReason.code === 'rate_limited'
      ? query.failureReason
      : null;
  const notFound = isApiError(query.error) && query.error.code === 'not_found';
  return (
    <main className="page session-page">
      <nav>
        <Link to={backLink(location.state)}>← Back to results</Link>
      </nav>
      {waiting ? (
        <RateLimitWait seconds={waiting.retryAfterSeconds ?? 1} attempt={query.failureCount} />
      ) : null}
      {query.isPending && !query.isError ? (
        <SkeletonRows count={6} label="Loading session" />
      ) : null}
      {notFound ? (
        <div className="panel" role="alert">
          <h1>Session not found</h1>
          <p>
            Plivo has no session with UUID <code>{uuid}</code>. Check the link, or search for the
            recipient in the explorer.
          </p>
        </div>
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {query.data ? <SessionView detail={query.data} tz={tz} /> : null}
    </main>
  );
}
