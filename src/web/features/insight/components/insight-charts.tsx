import { memo, useMemo } from 'react';
import type { Stats } from '../../../../contract/index-api.ts';
import type { Session } from '../../../../contract/session.ts';
import { insightFromSessions, verdictExplanations } from '../lib/insight-data.ts';
import type { Segment } from '../lib/segments.ts';
import { insightFromStats } from '../lib/stats-insight.ts';
import type { TimeWindow } from '../lib/time-buckets.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import { failureRateOverTime, verifiedRateOverTime } from '../lib/time-series.ts';
import { brushWindow } from '../lib/window-steps.ts';
import { PLIVO_HORIZON_DAYS } from '../../../../contract/query-window.ts';
import { FailureRateChart } from './failure-rate-chart.tsx';
import { WindowStepsBar } from './window-steps-bar.tsx';
import { CountryChart, NetworkChart, StatusChart, VerdictChart } from './breakdown-charts.tsx';
import { ChannelChart } from './channel-chart.tsx';
import { SessionsOverTimeChart, VerifiedRateChart } from './time-charts.tsx';

export type InsightChartsProps = {
  /** The loaded rows: charted when there are no stats, else only for verdict explanations. */
  sessions: readonly Session[];
  /** Exact aggregates over every match, from the session index (`/api/stats`). */
  stats?: Stats | null;
  /**
   * True when the session index answered the list: channel, verdict and network segments
   * can then filter (elsewhere the server would refuse those filters with not_indexed).
   */
  indexFilters?: boolean;
  /** The absolute window the rows were asked for, epoch ms. */
  window: TimeWindow;
  /**
   * The window in the address now, for zoom out and previous/next: while a new window's rows
   * load, the charts still draw the old one, and a step must start from where the user is.
   */
  stepWindow?: TimeWindow;
  /** `utc`, `local` or an IANA zone name, as in the URL. */
  tz: string;
  /** A Plivo session status: set the `status` filter. */
  onStatusClick: (status: string) => void;
  /** Set `from`/`to` (epoch ms): a bucket, a dragged range, zoom out or a step. */
  onBucketClick: (fromMs: number, toMs: number) => void;
  /** The filtered segment in words for the failure chart ("IN · AirTel"), null for none. */
  segmentText?: string | null;
  /** Set the server filter `channel`, `country`, `network` or `verdict` (see `segmentParam`). */
  onSegmentClick: (segment: Segment) => void;
};

/**
 * Every chart of the insight section. This module is the only one that pulls in recharts:
 * load it with React.lazy so first paint does not wait for the charting library.
 */
export function InsightCharts(props: InsightChartsProps) {
  const { sessions, stats, window, tz, onBucketClick, onSegmentClick } = props;
  const filterable = props.indexFilters ?? false;
  const zone = useDisplayZone(tz);
  const data = useMemo(
    () =>
      stats
        ? insightFromStats(stats, window, zone.zone, verdictExplanations(sessions))
        : insightFromSessions(sessions, window, zone.zone),
    [sessions, stats, window, zone.zone],
  );
  const { series } = data;
  const rate = useMemo(() => verifiedRateOverTime(series), [series]);
  const axisLabel = `Time (${zone.label})`;
  const failures = useMemo(() => failureRateOverTime(series), [series]);
  const select = (a: number, b: number) => {
    const target = brushWindow(series.buckets, a, b, window);
    if (target) onBucketClick(target.from, target.to);
  };
  return (
    <div className="insight-charts" data-testid="insight-charts">
      <SessionsOverTimeChart
        series={series}
        axisLabel={axisLabel}
        zoneText={zone.label}
        onSelect={select}
        steps={
          <WindowStepsBar
            window={props.stepWindow ?? window}
            horizonMs={PLIVO_HORIZON_DAYS * 86_400_000}
            onWindow={(w) => onBucketClick(w.from, w.to)}
          />
        }
      />
      <FailureRateChart
        points={failures}
        axisLabel={axisLabel}
        segment={props.segmentText ?? null}
      />
      <VerifiedRateChart points={rate} axisLabel={axisLabel} />
      <StatusChart slices={data.status} onStatusClick={props.onStatusClick} />
      <ChannelChart
        slices={data.channel}
        attempts={data.attempts}
        filterable={filterable}
        onSelect={(channel) => onSegmentClick({ channel })}
      />
      <VerdictChart
        slices={data.verdict}
        explanations={data.explanations}
        filterable={filterable}
        onSelect={(verdict) => onSegmentClick({ verdict })}
      />
      <CountryChart slices={data.country} onSelect={(country) => onSegmentClick({ country })} />
      <NetworkChart
        slices={data.network}
        filterable={filterable}
        onSelect={(network) => onSegmentClick({ network })}
      />
    </div>
  );
}

/**
 * React.lazy(() => import('./insight-charts.tsx')) needs a default export. Memoised: with
 * stable callbacks and window object, charts redraw only when rows, window or zone change.
 */
export default memo(InsightCharts);
