import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { SkeletonRows } from '../components/skeleton-rows.tsx';
import { sessionQueries } from '../features/sessions/api/session-queries.ts';
import { CheckWithPlivo } from '../features/sessions/components/check-with-plivo.tsx';
import { ErrorPanel } from '../features/sessions/components/error-panel.tsx';
import { RateLimitWait } from '../features/sessions/components/rate-limit-wait.tsx';
import { SessionView } from '../features/sessions/components/session-view.tsx';
import { SurroundingSessions } from '../features/sessions/components/surrounding-sessions.tsx';
import { isUuid } from '../../contract/list-filters.ts';
import { useTheme } from '../features/theme/lib/use-theme.ts';
import { isApiError } from '../lib/api-client.ts';
import { useMask } from '../lib/mask-lazy.ts';
import { useHealth } from '../lib/use-health.ts';
import { useExplorerUrl } from '../lib/use-explorer-url.ts';

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
  // The session page reads `tz`, `mask` and `theme` by the explorer's own view schema.
  const { state: view, update } = useExplorerUrl();
  // The app's theme (the URL's `theme`, else the one chosen before), not only the system's.
  useTheme(view.theme, (theme) => update((s) => ({ ...s, theme }), 'replace'));
  const { tz } = view;
  // A masked-only viewer's data comes masked from the server; the page says so too.
  const maskedOnly = useHealth().data?.viewer.maskedOnly === true;
  const masked = view.masked || maskedOnly;
  const mask = useMask(masked);
  const wellFormed = isUuid(uuid);
  // A mistyped link is said to be one, rather than spending a Plivo call on it.
  const query = useQuery({ ...sessionQueries.detail(uuid), enabled: wellFormed });
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
      {!wellFormed ? (
        <div className="panel" role="alert">
          <h1>Not a session id</h1>
          <p>
            <code>{uuid}</code> is not a session UUID: those look like{' '}
            <code>3cdec449-a367-435e-b4f9-40d777a7cfcc</code>. Check the link, or find the session
            by its recipient in the explorer.
          </p>
          <Link to="/">Go to the sessions explorer</Link>
        </div>
      ) : null}
      {wellFormed && query.isPending && !query.isError ? (
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
