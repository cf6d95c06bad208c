import { loadedWords } from '../../../lib/count-words.ts';

type Props = {
  loaded: number;
  hasMore: boolean;
  isFetchingMore: boolean;
  isRefreshing: boolean;
  onLoadMore: () => void;
  fetchedAt: string | null;
  /** Every matching session, when the session index answered (Plivo gives no totals). */
  total: number | null;
};

/** Says plainly how much is loaded and whether more exists. */
export function ResultsStatus(props: Props) {
  const { loaded, hasMore } = props;
  const count = loadedWords(loaded, hasMore, props.total);
  return (
    <div className="results-status">
      <span role="status" aria-live="polite">
        {count}
        {props.isRefreshing ? ' · updating…' : ''}
      </span>
      {props.fetchedAt ? (
        <span className="muted">
          {' '}
          · data as of {props.fetchedAt.slice(0, 19).replace('T', ' ')} UTC
        </span>
      ) : null}
      {hasMore ? (
        <button
          type="button"
          onClick={props.onLoadMore}
          disabled={props.isFetchingMore}
          data-report-hidden=""
        >
          {props.isFetchingMore ? 'Loading more…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
