import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { migrateLegacyFilters } from './legacy-filters.ts';
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
  /** The raw query: params other features own (`mask`, `view`, `theme`, `live`). */
  params: URLSearchParams;
  /** Sets (or with null removes) one such param, keeping everything else. */
  setParam: (name: string, value: string | null, mode: HistoryMode) => void;
};

/** The explorer's state lives only in the URL; this hook reads and writes it. */
export function useExplorerUrl(): ExplorerUrl {
  const [searchParams, setLatestSearchParams] = useSearchParams();
  const parsed = useMemo(() => parseExplorerSearch(searchParams), [searchParams]);
  // React Router's setter changes identity with every URL change. Held in a ref, so `update`
  // and `setParam` stay stable and memoised consumers (the charts) skip the render of a
  // filter change instead of redrawing before the table can update.
  const setterRef = useRef(setLatestSearchParams);
  useLayoutEffect(() => {
    setterRef.current = setLatestSearchParams;
  }, [setLatestSearchParams]);
  const setSearchParams = useCallback<typeof setLatestSearchParams>(
    (next, options) => setterRef.current(next, options),
    [],
  );

  // An old link's f_* filters are read as server filters at once (parseExplorerSearch); the
  // address is then rewritten in place, and the notices saying so outlive the rewrite.
  const migration = useMemo(() => migrateLegacyFilters(searchParams), [searchParams]);
  const [carried, setCarried] = useState<{ from: URLSearchParams | null; notices: UrlNotice[] }>({
    from: null,
    notices: [],
  });
  // Kept while rendering (React's "adjust state when a prop changes"), not in an effect.
  if (migration && carried.from !== searchParams) {
    setCarried({ from: searchParams, notices: migration.notices });
  }
  useEffect(() => {
    if (migration) setSearchParams(migration.search, { replace: true });
  }, [migration, setSearchParams]);
  const notices = useMemo(() => {
    const own = new Set(parsed.notices.map((n) => n.message));
    return [...parsed.notices, ...carried.notices.filter((n) => !own.has(n.message))];
  }, [parsed.notices, carried]);

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
    setCarried({ from: null, notices: [] });
    setSearchParams(
      (previous) => serialiseExplorerState(parseExplorerSearch(previous).state, previous),
      { replace: true },
    );
  }, [setSearchParams]);

  const setParam = useCallback(
    (name: string, value: string | null, mode: HistoryMode) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === null) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: mode === 'replace' },
      );
    },
    [setSearchParams],
  );

  return {
    state: parsed.state,
    notices,
    update,
    dismissNotices,
    params: searchParams,
    setParam,
  };
}
