import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { explorerSearch } from '../../contract/explorer-view-url.ts';
import {
  parseExplorerSearch,
  type ExplorerState,
  type UrlNotice,
} from '../../contract/explorer-view.ts';
import { migrateLegacyFilters } from '../../contract/legacy-filters.ts';

/** `push` for discrete choices (back undoes them), `replace` while typing. */
type HistoryMode = 'push' | 'replace';

export type ExplorerUrl = {
  /** The view, parsed once from the URL by the contract's schema (explorer-view.ts). */
  state: ExplorerState;
  notices: UrlNotice[];
  update: (change: (state: ExplorerState) => ExplorerState, mode: HistoryMode) => void;
  dismissNotices: () => void;
  /** The raw query, for the parts that describe it in words (report header, export name). */
  params: URLSearchParams;
};

/**
 * The explorer's state lives only in the URL; this hook reads it and writes it back in
 * canonical form (explorer-view-url.ts: readable times, a fixed order, defaults left out).
 */
export function useExplorerUrl(): ExplorerUrl {
  const location = useLocation();
  const navigate = useNavigate();
  const search = location.search;
  const searchParams = useMemo(() => new URLSearchParams(search), [search]);
  const parsed = useMemo(() => parseExplorerSearch(searchParams), [searchParams]);
  // The address as last written: two changes in one event build on each other. React
  // Router's navigate changes identity with every URL change; held in a ref, `update` stays
  // stable and memoised consumers (the charts) skip the render of a filter change.
  const latest = useRef({ search, navigate });
  useLayoutEffect(() => {
    latest.current = { search, navigate };
  }, [search, navigate]);
  const write = useCallback((next: string, mode: HistoryMode) => {
    latest.current.search = next;
    void latest.current.navigate({ search: next }, { replace: mode === 'replace' });
  }, []);

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
    if (migration) write(`?${migration.search.toString()}`, 'replace');
  }, [migration, write]);
  const notices = useMemo(() => {
    const own = new Set(parsed.notices.map((n) => n.message));
    return [...parsed.notices, ...carried.notices.filter((n) => !own.has(n.message))];
  }, [parsed.notices, carried]);

  const update = useCallback(
    (change: (state: ExplorerState) => ExplorerState, mode: HistoryMode) => {
      const previous = new URLSearchParams(latest.current.search);
      write(explorerSearch(change(parseExplorerSearch(previous).state), previous), mode);
    },
    [write],
  );

  // Rewriting the URL in canonical form drops the bad values the notices are about.
  const dismissNotices = useCallback(() => {
    setCarried({ from: null, notices: [] });
    update((state) => state, 'replace');
  }, [update]);

  return { state: parsed.state, notices, update, dismissNotices, params: searchParams };
}
