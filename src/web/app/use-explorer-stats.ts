import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Stats } from '../../contract/index-api.ts';
import { statsQueries } from '../features/insight/api/stats-queries.ts';
import { statsBucketFor } from '../features/insight/lib/stats-summary.ts';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { normaliseListQuery } from '../lib/api-params.ts';
import type { AbsoluteWindow } from '../lib/time-window.ts';
import type { ExplorerState } from '../../contract/explorer-view.ts';

/**
 * `/api/stats` for the list's query, asked only when the session index answered the list:
 * the server has then said it covers the window, so the aggregates are exact and cover every
 * match. Outside coverage (or when the stats call fails) the insight falls back to the
 * loaded rows, labelled as such, and nothing is shown as complete that is not.
 */
export function useExplorerStats(
  state: ExplorerState,
  list: ReturnType<typeof useSessionsList>,
  window: AbsoluteWindow,
): { stats: Stats | null; retried: number | null } {
  const query = useMemo(
    () => normaliseListQuery(state.filters, state.time),
    [state.filters, state.time],
  );
  // The aggregates keep no per-session attempt counts: "needed a 2nd attempt" is the total
  // of the same query with at least two attempts (the index answers it at once).
  const retriedQuery = useMemo(() => {
    const min = Math.max(2, Number(query.filters.attempts_min ?? 0));
    return normaliseListQuery({ ...query.filters, attempts_min: String(min) }, query.time);
  }, [query]);
  const enabled = list.source === 'index' && list.endMs !== null;
  const endMs = list.endMs ?? 0;
  const bucket = statsBucketFor(window);
  const stats = useQuery({ ...statsQueries.stats(query, endMs, bucket), enabled });
  const retried = useQuery({ ...statsQueries.stats(retriedQuery, endMs, bucket), enabled });
  // While the list's new answer is on its way the previous rows stay on screen, and the
  // previous figures with them; once it lands only figures for this very query are shown.
  const shown = (q: { isPlaceholderData: boolean }) =>
    list.source === 'index' && (list.isPlaceholder || (enabled && !q.isPlaceholderData));
  const current = shown(stats) ? (stats.data ?? null) : null;
  const retriedTotal = shown(retried) ? (retried.data?.total ?? null) : null;
  return { stats: current, retried: current ? retriedTotal : null };
}
