import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseExplorerSearch,
  serialiseExplorerState,
  type ExplorerState,
  type UrlNotice,
} from './url-state.ts';

/** `push` for discrete choices (back undoes them), `replace` while typing. */
export type HistoryMode = 'push' | 'replace';

export type ExplorerUrl = {
  state: ExplorerState;
  notices: UrlNotice[];
  update: (change: (state: ExplorerState) => ExplorerState, mode: HistoryMode) => void;
  dismissNotices: () => void;
};

/** The explorer's state lives only in the URL; this hook reads and writes it. */
export function useExplorerUrl(): ExplorerUrl {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = useMemo(() => parseExplorerSearch(searchParams), [searchParams]);

  const update = useCallback(
    (change: (state: ExplorerState) => ExplorerState, mode: HistoryMode) => {
      setSearchParams(
        (previous) => serialiseExplorerState(change(parseExplorerSearch(previous).state), previous),
        { replace: mode === 'replace' },
      );
    },
    [setSearchParams],
  );

  // Rewriting the URL in canonical form drops the bad values the notices are about.
  const dismissNotices = useCallback(() => {
    setSearchParams(
      (previous) => serialiseExplorerState(parseExplorerSearch(previous).state, previous),
      { replace: true },
    );
  }, [setSearchParams]);

  return { state: parsed.state, notices: parsed.notices, update, dismissNotices };
}
