import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { SkeletonRows } from '../components/skeleton-rows.tsx';
import { sessionQueries } from '../features/sessions/api/session-queries.ts';
import { CheckWithPlivo } from '../features/sessions/components/check-with-plivo.tsx';
import { ErrorPanel } from '../features/sessions/components/error-panel.tsx';
import { RateLimitWait } from '../features/sessions/components/rate-limit-wait.tsx';
import { SessionView } from '../features/sessions/components/session-view.tsx';
import { SurroundingSessions } from '../features/sessions/components/surrounding-sessions.tsx';
import { isApiError } from '../lib/api-client.ts';
import { useMask } from '../lib/mask-lazy.ts';
import { useHealth } from '../lib/use-health.ts';
import { isValidTimeZone } from '../lib/time-format.ts';

/** The explorer's query string, carried in history state so "back" restores the filters. */
function backLink(state: unknown): string {
  const search =
    typeof state === 'object' && state !== null && 'backSearch' in state ? state.backSearch : '';
  return typeof search === 'string' && search.startsWith('?') ? `/${search}` : '/';
}

/**
 * With `mask=1` the link's href leaves the recipient out (an href is in the page, full
 * number and all); the click still goes back to the exact filters.
 */
function BackLink({ to, masked }: { to: string; masked: boolean }) {
  const navigate = useNavigate();
  if (!masked) return <Link to={to}>← Back to results</Link>;
  const url = new URL(to, 'http://x');
  url.searchParams.delete('recipient');
  return (
    <Link
      to={`${url.pathname}${url.search}`}
      onClick={(event) => {
        event.preventDefault();
        void navigate(to);
      }}
    >
      ← Back to results
    </Link>
  );
}

/** `/sessions/:session_uuid`: one session via Plivo's retrieve call. */
export function SessionPage() {
  const { session_uuid: uuid = '' } = useParams();
  const location = useLocation();
  const [search] = useSearchParams();
  const tzParam = search.get('tz') ?? 'utc';
  const tz = isValidTimeZone(tzParam) ? tzParam : 'utc';
  // A masked-only viewer's data comes masked from the server; the page says so too.
  const maskedOnly = useHealth().data?.viewer.maskedOnly === true;
  const masked = search.get('mask') === '1' || maskedOnly;
  const mask = useMask(masked);
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
        <BackLink to={backLink(location.state)} masked={masked} />
      </nav>
      {query.data ? <CheckWithPlivo sessionUuid={uuid} /> : null}
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
      {query.data && masked && !mask ? <SkeletonRows count={6} label="Masking session" /> : null}
      {query.data && (!masked || mask) ? (
        <>
          <SessionView detail={query.data} tz={tz} mask={masked ? mask : null} />
          <SurroundingSessions session={query.data.session} tz={tz} masked={masked} level={2} />
        </>
      ) : null}
    </main>
  );
}
