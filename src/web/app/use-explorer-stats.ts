import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Stats } from '../../contract/index-api.ts';
import { statsQueries } from '../features/insight/api/stats-queries.ts';
import { statsBucketFor } from '../features/insight/lib/stats-insight.ts';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { normaliseListQuery } from '../lib/api-params.ts';
import type { AbsoluteWindow } from '../lib/time-window.ts';
import type { ExplorerState } from '../lib/url-state.ts';

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
): Stats | null {
  const query = useMemo(
    () => normaliseListQuery(state.filters, state.time),
    [state.filters, state.time],
  );
  const covered = list.source === 'index' && list.endMs !== null;
  const stats = useQuery({
    ...statsQueries.stats(query, list.endMs ?? 0, statsBucketFor(window)),
    enabled: covered,
  });
  return covered && !stats.isPlaceholderData ? (stats.data ?? null) : null;
}
