import { useCallback, useMemo } from 'react';
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
import type { BaselineKind } from '../../contract/baselines.ts';
import { chartsShown } from '../../contract/explorer-view.ts';
import { useWhatChangedModule } from '../features/insight/lib/what-changed-lazy.ts';
import type { Filters } from '../../contract/explorer-vocabulary.ts';
import { coveredWindow, useIndexStatus } from '../lib/index-status.ts';
import { useAfterPaint } from './use-after-paint.ts';
import { useExplorerStats } from './use-explorer-stats.ts';
import type { ExplorerView } from './use-explorer-view.ts';

export type ExplorerInsightProps = {
  url: ExplorerUrl;
  view: ExplorerView;
  list: ReturnType<typeof useSessionsList>;
};

/**
 * Summary strip, charts and "load all matching": over every match (`/api/stats`) when the
 * session index answered the list, else over the rows the table shows.
 */
export function ExplorerInsight({ url, view, list }: ExplorerInsightProps) {
  const { update, state } = url;
  const { stats, retried } = useExplorerStats(state, list, view.window);

  const loadAll = useLoadAll(
    {
      hasNextPage: list.hasMore,
      pageCount: list.pageCount,
      sessionCount: list.sessions.length,
      coverage: coverageOf(list.sessions, view.window),
      fetchNextPage: list.fetchNextPage,
      failureReason: list.failureReason,
      stopFetching: list.stopFetching,
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
  // What "What changed" compares with (`baseline`; the default `previous` is left out).
  const { baseline } = state;
  const onBaseline = useCallback(
    (b: BaselineKind) => update((s) => ({ ...s, baseline: b }), 'push'),
    [update],
  );
  const onFilterSegment = useCallback(
    (filters: Filters) =>
      update((s) => ({ ...s, open: null, filters: { ...s.filters, ...filters } }), 'push'),
    [update],
  );
  const whatChanged = useWhatChangedModule();
  const indexStatus = useIndexStatus();
  const coveredFromMs = indexStatus ? (coveredWindow(indexStatus)?.from ?? null) : null;
  const listQuery = useMemo(
    () => normaliseListQuery(state.filters, state.time),
    [state.filters, state.time],
  );
  const segmentText =
    [state.filters.country, state.filters.network].filter(Boolean).join(' · ') || null;
  const { shown } = view;
  const shownCharts = chartsShown(state);
  const charts = useMemo(
    () => ({
      shown: shownCharts,
      // The view's own default is written as no param at all.
      onChange: (show: boolean) =>
        update((s) => ({ ...s, charts: show === (s.view === 'report') ? null : show }), 'replace'),
    }),
    [shownCharts, update],
  );
  const { hasMore } = list;
  const loadedCount = list.sessions.length;
  const current = useMemo(
    () => ({
      sessions: shown,
      stats,
      retried,
      loadedCount,
      hasMore,
      window: view.window,
      tz: state.tz,
    }),
    [shown, stats, retried, loadedCount, hasMore, view.window, state.tz],
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
      {/* "What changed" folds away with the charts: folded, the first rows stay on the first
          screen at 1280×720 (the layout the issue asks for); unfolded, it leads the analysis. */}
      {whatChanged &&
      charts.shown &&
      insight.sessions &&
      insight.loadedCount > 0 &&
      list.endMs !== null ? (
        <whatChanged.WhatChanged
          query={listQuery}
          endMs={list.endMs}
          indexed={list.source === 'index'}
          baseline={baseline}
          window={view.window}
          coveredFromMs={coveredFromMs}
          tz={state.tz}
          onBaseline={onBaseline}
          onFilter={onFilterSegment}
        />
      ) : null}
      {insight.sessions && insight.loadedCount > 0 ? (
        <InsightSection
          segmentText={segmentText}
          sessions={insight.sessions}
          stats={insight.stats}
          retriedSessions={insight.retried}
          indexFilters={list.source === 'index'}
          complete={!insight.hasMore}
          loadedCount={insight.loadedCount}
          hasMore={insight.hasMore}
          window={insight.window}
          stepWindow={view.window}
          tz={insight.tz}
          onStatusClick={onStatusClick}
          onBucketClick={onBucketClick}
          onSegmentClick={onSegmentClick}
          charts={charts}
        />
      ) : null}
    </section>
  );
}
