import { useMemo, useState } from 'react';
import type { Session } from '../../contract/session.ts';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { windowEnd } from '../lib/api-params.ts';
import { useMask } from '../lib/mask-lazy.ts';
import { absoluteWindow } from '../lib/time-window.ts';
import type { ExplorerUrl } from '../lib/use-explorer-url.ts';

/**
 * What the explorer shows, derived from the URL and the loaded pages: the absolute window,
 * the loaded rows, and those rows masked when `mask=1`.
 */
export function useExplorerView(url: ExplorerUrl, list: ReturnType<typeof useSessionsList>) {
  const { state } = url;
  const { masked } = state;
  const report = state.view === 'report';
  // Before the first page answers, a relative window ends at the coming whole minute.
  const [pendingEnd] = useState(() => windowEnd(Date.now()));
  const endMs = list.endMs ?? pendingEnd;
  const window = useMemo(() => absoluteWindow(state.time, endMs), [state.time, endMs]);
  // Every filter is applied by the server now: the rows are the loaded rows.
  const rows = list.sessions;
  const mask = useMask(masked);
  // With mask=1 and the mask code still loading, nothing is shown rather than full numbers.
  const shown = useMemo<readonly Session[] | null>(
    () => (!masked ? rows : mask ? rows.map(mask.maskSession) : null),
    [masked, mask, rows],
  );
  return { masked, report, window, rows, shown, mask };
}

export type ExplorerView = ReturnType<typeof useExplorerView>;
