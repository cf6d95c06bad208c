import { useCallback } from 'react';
import { InsightSection } from '../features/insight/components/insight-section.tsx';
import { LoadAllBar } from '../features/insight/components/load-all-bar.tsx';
import { useLoadAll } from '../features/insight/hooks/use-load-all.ts';
import { coverageOf } from '../features/insight/lib/load-all-machine.ts';
import { segmentParam, type Segment } from '../features/insight/lib/segments.ts';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { normaliseListQuery } from '../features/sessions/lib/api-params.ts';
import { isKnownSessionStatus } from '../../contract/session.ts';
import { useHealth } from '../lib/use-health.ts';
import type { ExplorerUrl } from '../lib/use-explorer-url.ts';
import type { ExplorerView } from './use-explorer-view.ts';

type Props = {
  url: ExplorerUrl;
  view: ExplorerView;
  list: ReturnType<typeof useSessionsList>;
};

/** Summary strip, charts and "load all matching", over the rows the table shows. */
export function ExplorerInsight({ url, view, list }: Props) {
  const { update, setParam, state } = url;
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
      setParam(param, value, 'push');
    },
    [setParam],
  );
  return (
    <section className="insight-slot" data-slot="insight" aria-label="Summary">
      <div data-controls="">
        <LoadAllBar loadAll={loadAll} />
      </div>
      {view.shown && list.sessions.length > 0 ? (
        <InsightSection
          sessions={view.shown}
          complete={!list.hasMore}
          loadedCount={list.sessions.length}
          hasMore={list.hasMore}
          window={view.window}
          tz={state.tz}
          onStatusClick={onStatusClick}
          onBucketClick={onBucketClick}
          onSegmentClick={onSegmentClick}
        />
      ) : null}
    </section>
  );
}
