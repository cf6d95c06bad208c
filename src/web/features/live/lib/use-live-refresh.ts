import { useEffect, useRef, useState } from 'react';
import { startLiveLoop, type LoopMemory, type LoopReport } from './live-loop.ts';
import type { SlowedBy } from './live-schedule.ts';

export type LiveRefreshOptions = {
  enabled: boolean;
  intervalMs: number;
  /**
   * Fetches fresh data. It may throw, or resolve to a React Query result: `{ isError: true,
   * error }` counts as a failure (so `() => query.refetch()` works as is).
   */
  refetch: () => Promise<unknown>;
  /** Calls left this minute from `/api/health`; undefined when unknown. */
  budgetRemaining?: number | undefined;
  budgetPerMinute?: number | undefined;
  /** True while any fetch of this data runs (e.g. "load all"); a tick then waits its turn. */
  isFetching?: boolean;
};

export type LiveRefreshState = {
  /** Epoch ms of the next refresh; null when off, paused or refreshing. */
  nextRefreshAt: number | null;
  refreshing: boolean;
  paused: 'hidden' | null;
  slowedBy: SlowedBy;
  failures: number;
};

type LoopState = Omit<LiveRefreshState, 'paused'>;

function reduce(state: LoopState, event: LoopReport): LoopState {
  if (event.kind === 'refreshing') return { ...state, refreshing: true, nextRefreshAt: null };
  if (event.kind === 'settled') return { ...state, refreshing: false };
  return { ...state, nextRefreshAt: event.at, slowedBy: event.slowedBy, failures: event.failures };
}

/**
 * Polls while enabled and the tab is visible (see live-loop.ts for the loop itself). Hidden
 * tabs stop polling, so no shared budget is spent for nobody; coming back refreshes at once
 * if the interval has passed.
 */
export function useLiveRefresh(options: LiveRefreshOptions): LiveRefreshState {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const memory = useRef<LoopMemory>({
    running: false,
    lastRunAt: null,
    failures: 0,
    retryAfterMs: undefined,
  });
  // No document in the server's pre-render: a page being rendered there is not hidden.
  const [hidden, setHidden] = useState(() => typeof document !== 'undefined' && document.hidden);
  const [state, setState] = useState<LoopState>({
    nextRefreshAt: null,
    refreshing: false,
    slowedBy: null,
    failures: 0,
  });

  useEffect(() => {
    const onChange = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  const { enabled, intervalMs } = options;
  useEffect(() => {
    if (!enabled || hidden) return undefined;
    return startLiveLoop(
      intervalMs,
      memory.current,
      () => latest.current,
      (event) => setState((s) => reduce(s, event)),
    );
  }, [enabled, hidden, intervalMs]);

  const active = enabled && !hidden;
  return {
    ...state,
    nextRefreshAt: active ? state.nextRefreshAt : null,
    paused: enabled && hidden ? 'hidden' : null,
  };
}
