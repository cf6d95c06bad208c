import type { QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../features/sessions/api/session-queries.ts';
import { normaliseListQuery, type ListQuery } from '../lib/api-params.ts';
import { loadTable } from '../features/sessions/lib/table-lazy.ts';
import { loadMask } from '../lib/mask-lazy.ts';
import { loadExplorerInsight } from './explorer-insight-slot.tsx';
import { loadReportStamp } from './report-stamp-lazy.ts';
import { chartsShown, parseExplorerSearch } from '../../contract/explorer-view.ts';
import { loadWhatChanged } from '../features/insight/lib/what-changed-lazy.ts';

/** The list query a page shows: the explorer's (same parsing as the page), or null elsewhere. */
export function explorerListQuery(pathname: string, search: string): ListQuery | null {
  if (pathname !== '/') return null;
  const { state } = parseExplorerSearch(new URLSearchParams(search));
  return normaliseListQuery(state.filters, state.time);
}

/**
 * Starts the explorer's first `/api/sessions` call as soon as the entry module runs, instead
 * of after React's first render and effects (which cost about 100 ms on a cold load). Same
 * URL parsing and query key as `useSessionsList`, so the page's query picks this fetch up.
 * For a page the server did not pre-render (main.tsx).
 */
export function prefetchExplorer(
  client: QueryClient,
  { pathname, search }: { pathname: string; search: string },
): void {
  const query = explorerListQuery(pathname, search);
  if (!query) return;
  void client.prefetchInfiniteQuery(sessionQueries.list(query));
  // The first screen's code-split parts too: started now, they usually land before the rows.
  void loadFirstScreenModules(search);
}

/**
 * The code-split modules the explorer's first screen of rows needs: the table (with
 * libphonenumber) and the summary above it, for `mask=1` the masking, in report mode its
 * header, and with the charts unfolded "What changed". Awaited before a render that must
 * show rows in one go: the server's pre-render, and the browser taking over from it.
 */
export function loadFirstScreenModules(search: string): Promise<unknown> {
  const { state } = parseExplorerSearch(new URLSearchParams(search));
  return Promise.all([
    loadTable(),
    loadExplorerInsight(),
    state.masked ? loadMask() : null,
    state.view === 'report' ? loadReportStamp() : null,
    chartsShown(state) ? loadWhatChanged() : null,
  ]);
}
