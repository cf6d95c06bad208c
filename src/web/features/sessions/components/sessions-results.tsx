import { Link } from 'react-router';
import type { Session } from '../../../../contract/session.ts';
import { SkeletonRows } from '../../../components/skeleton-rows.tsx';
import type { ExplorerUrl } from '../../../lib/use-explorer-url.ts';
import type { useSessionsList } from '../api/use-sessions-list.ts';
import { loadTable, useTableModule } from '../lib/table-lazy.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { RateLimitWait } from './rate-limit-wait.tsx';
import { ResultsStatus } from './results-status.tsx';

// Started when this module is evaluated, so the table chunk loads while the first page is
// fetched (see table-lazy.ts).
void loadTable();

type Props = {
  url: ExplorerUrl;
  list: ReturnType<typeof useSessionsList>;
  /** The rows to show: loaded, masked when asked. */
  rows: readonly Session[] | null;
  /** Uuids that live refresh just brought in. */
  newRows: ReadonlySet<string>;
  /** Report mode: render every loaded row, so a screenshot or printout has them all. */
  renderAll: boolean;
  backSearch: string;
};

/** Loading, waiting, error, empty or the table: every state designed, none blank. */
export function SessionsResults({ url, list, rows, newRows, renderAll, backSearch }: Props) {
  const { state, update } = url;
  const hasData = !list.isPending;
  const tableModule = useTableModule();
  // What the report's full table and the scrolling table are both given.
  const tableProps = {
    masked: state.masked,
    tz: state.tz,
    sort: state.sort,
    cols: state.cols,
    open: state.open,
    onSortChange: (sort: typeof state.sort) => update((s) => ({ ...s, sort }), 'push'),
    backSearch,
  };
  return (
    <section className="results" aria-label="Results">
      {list.rateLimit ? <RateLimitWait {...list.rateLimit} /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.retry} /> : null}
      {list.problems.length ? (
        <div className="warnings" role="note">
          <strong>Some sessions could not be read</strong>
          <ul>
            {list.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!hasData && !list.error ? <SkeletonRows label="Loading sessions" /> : null}
      {hasData && list.sessions.length === 0 && !list.error ? (
        <EmptyState
          time={state.time}
          tz={state.tz}
          hasFilters={Object.keys(state.filters).length > 0}
          onWiden={(time) => update((s) => ({ ...s, time, open: null }), 'push')}
        />
      ) : null}
      {state.open && hasData && !list.sessions.some((x) => x.sessionUuid === state.open) ? (
        <p className="muted" role="note">
          The linked session {state.open} is not among the loaded rows.{' '}
          <Link to={`/sessions/${encodeURIComponent(state.open)}`} state={{ backSearch }}>
            Open its page
          </Link>
        </p>
      ) : null}
      {list.sessions.length > 0 ? (
        <>
          <ResultsStatus
            loaded={list.sessions.length}
            hasMore={list.hasMore}
            isFetchingMore={list.isFetchingMore}
            isRefreshing={list.isPlaceholder}
            onLoadMore={list.loadMore}
            fetchedAt={list.fetchedAt}
            total={list.total}
          />
          {rows === null ? (
            <SkeletonRows label="Masking sessions" />
          ) : !tableModule ? (
            <SkeletonRows label="Loading sessions" />
          ) : renderAll ? (
            <tableModule.ReportTable sessions={rows} {...tableProps} />
          ) : (
            <tableModule.SessionsTable
              sessions={rows}
              {...tableProps}
              newRows={newRows}
              onOpenChange={(open) => update((s) => ({ ...s, open }), 'push')}
              onNearEnd={list.loadMore}
            />
          )}
        </>
      ) : null}
    </section>
  );
}
