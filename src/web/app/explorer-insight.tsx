import { useCallback, useEffect, useMemo, useState } from 'react';
import { InsightSection } from '../features/insight/components/insight-section.tsx';
import { LoadAllBar } from '../features/insight/components/load-all-bar.tsx';
import { useLoadAll } from '../features/insight/hooks/use-load-all.ts';
import { coverageOf } from '../features/insight/lib/load-all-machine.ts';
import {
  isFilterableSegment,
  segmentParam,
  type Segment,
} from '../features/insight/lib/segments.ts';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { normaliseListQuery } from '../lib/api-params.ts';
import { isKnownSessionStatus } from '../../contract/session.ts';
import { useHealth } from '../lib/use-health.ts';
import type { ExplorerUrl } from '../lib/use-explorer-url.ts';
import { useExplorerStats } from './use-explorer-stats.ts';
import type { ExplorerView } from './use-explorer-view.ts';

type Props = {
  url: ExplorerUrl;
  view: ExplorerView;
  list: ReturnType<typeof useSessionsList>;
};

/**
 * Quiet time before the summary and charts catch up, so bursts (quick filter changes, pages
 * arriving one after another) are coalesced into one chart render at the end.
 */
const INSIGHT_SETTLE_MS = 120;
/** Longest the catch-up waits for an idle moment (a scroll that never pauses). */
const INSIGHT_IDLE_TIMEOUT_MS = 1_000;

/** `run` at the next idle moment (soon after a timeout without requestIdleCallback: Safari). */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: INSIGHT_IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/**
 * `value` after the table's frame is painted, the value has settled and the main thread is
 * idle; the summary and the charts (recharts renders and commits synchronously, ~100 ms over
 * 10,000 rows on a slow machine) then never hold up the table. One uninterrupted render, not a
 * transition: scrolling updates the table every frame, and each such update restarted an
 * interruptible chart render from scratch, so a scroll right after a big load stuttered for
 * seconds instead of pausing once. Not useDeferredValue either (React Router's URL updates
 * are transitions, in which it does not defer). A newer value cancels a pending older one.
 */
function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelIdle: (() => void) | undefined;
    // The next frame paints the table; the timer runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        cancelIdle = whenIdle(() => setShown(value));
      }, INSIGHT_SETTLE_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      cancelIdle?.();
    };
  }, [value]);
  return shown;
}

/**
 * Summary strip, charts and "load all matching": over every match (`/api/stats`) when the
 * session index answered the list, else over the rows the table shows.
 */
export function ExplorerInsight({ url, view, list }: Props) {
  const { update, state } = url;
  const stats = useExplorerStats(state, list, view.window);

  const loadAll = useLoadAll(
    {
      hasNextPage: list.hasMore,
      pageCount: list.pageCount,
      sessionCount: list.sessions.length,
      coverage: coverageOf(list.sessions, view.window),
      fetchNextPage: list.fetchNextPage,
      failureReason: list.failureReason,
    },
    {
      perMinute: useHealth().data?.budget.perMinute,
      resetKey: JSON.stringify(normaliseListQuery(state.filters, state.time)),
    },
  );
  const onStatusClick = useCallback(
    (status: string) => {
      if (!isKnownSessionStatus(status)) return;
      update((s) => ({ ...s, open: null, filters: { ...s.filters, status } }), 'push');
    },
    [update],
  );
  const onBucketClick = useCallback(
    (from: number, to: number) =>
      update((s) => ({ ...s, open: null, time: { kind: 'absolute', from, to } }), 'push'),
    [update],
  );
  const onSegmentClick = useCallback(
    (segment: Segment) => {
      const [param, value] = segmentParam(segment);
      if (!isFilterableSegment(value)) return;
      update((s) => ({ ...s, open: null, filters: { ...s.filters, [param]: value } }), 'push');
    },
    [update],
  );
  const { shown } = view;
  const { hasMore } = list;
  const loadedCount = list.sessions.length;
  const current = useMemo(
    () => ({ sessions: shown, stats, loadedCount, hasMore, window: view.window, tz: state.tz }),
    [shown, stats, loadedCount, hasMore, view.window, state.tz],
  );
  const settled = useAfterPaint(current);
  // Only a change between two sets of rows waits: the section appears (and goes) with the
  // table, so it never shifts the table down after the first rows are on screen.
  const hasRows = (v: typeof current) => v.sessions !== null && v.loadedCount > 0;
  const insight = hasRows(current) && hasRows(settled) ? settled : current;
  return (
    <section className="insight-slot" data-slot="insight" aria-label="Summary">
      <div data-controls="">
        {/* From the index the summary and charts already cover every match, and the table
            pages 500 rows at a time as it scrolls: "load all" is for Plivo's 20-row pages. */}
        {list.source === 'index' ? null : <LoadAllBar loadAll={loadAll} />}
      </div>
      {insight.sessions && insight.loadedCount > 0 ? (
        <InsightSection
          sessions={insight.sessions}
          stats={insight.stats}
          indexFilters={list.source === 'index'}
          complete={!insight.hasMore}
          loadedCount={insight.loadedCount}
          hasMore={insight.hasMore}
          window={insight.window}
          tz={insight.tz}
          onStatusClick={onStatusClick}
          onBucketClick={onBucketClick}
          onSegmentClick={onSegmentClick}
        />
      ) : null}
    </section>
  );
}
