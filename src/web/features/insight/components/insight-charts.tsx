import { memo, useMemo } from 'react';
import type { Session } from '../../../../contract/session.ts';
import type { Segment } from '../lib/segments.ts';
import { axisZoneLabel, zoneText, type TimeWindow } from '../lib/time-buckets.ts';
import { sessionsOverTime, verifiedRateOverTime, zoomWindow } from '../lib/time-series.ts';
import { CountryChart, StatusChart, VerdictChart } from './breakdown-charts.tsx';
import { ChannelChart } from './channel-chart.tsx';
import { SessionsOverTimeChart, VerifiedRateChart } from './time-charts.tsx';

export type InsightChartsProps = {
  /** The loaded rows to chart (after client-side filters, so charts match the table). */
  sessions: readonly Session[];
  /** The absolute window the rows were asked for, epoch ms. */
  window: TimeWindow;
  /** `utc`, `local` or an IANA zone name, as in the URL. */
  tz: string;
  /** A Plivo session status: set the `status` filter. */
  onStatusClick: (status: string) => void;
  /** Zoom: set `from`/`to` to this bucket (epoch ms, already clamped to the window). */
  onBucketClick: (fromMs: number, toMs: number) => void;
  /** Set `f_channel`, `f_country` or `f_verdict` (see `segmentParam`). */
  onSegmentClick: (segment: Segment) => void;
};

/**
 * Every chart of the insight section. This module is the only one that pulls in recharts:
 * load it with React.lazy so first paint does not wait for the charting library.
 */
export function InsightCharts(props: InsightChartsProps) {
  const { sessions, window, tz, onBucketClick, onSegmentClick } = props;
  const series = useMemo(() => sessionsOverTime(sessions, window, tz), [sessions, window, tz]);
  const rate = useMemo(() => verifiedRateOverTime(series), [series]);
  const axisLabel = axisZoneLabel(tz);
  const zoom = (index: number) => {
    const bucket = series.buckets[index];
    if (!bucket) return;
    const target = zoomWindow(bucket, window);
    onBucketClick(target.from, target.to);
  };
  return (
    <div className="insight-charts" data-testid="insight-charts">
      <SessionsOverTimeChart
        series={series}
        axisLabel={axisLabel}
        zoneText={zoneText(tz)}
        onBucketClick={zoom}
      />
      <VerifiedRateChart points={rate} axisLabel={axisLabel} />
      <StatusChart sessions={sessions} onStatusClick={props.onStatusClick} />
      <ChannelChart sessions={sessions} onSelect={(channel) => onSegmentClick({ channel })} />
      <VerdictChart sessions={sessions} onSelect={(verdict) => onSegmentClick({ verdict })} />
      <CountryChart sessions={sessions} onSelect={(country) => onSegmentClick({ country })} />
    </div>
  );
}

/**
 * React.lazy(() => import('./insight-charts.tsx')) needs a default export. Memoised: with
 * stable callbacks and window object, charts redraw only when rows, window or zone change.
 */
export default memo(InsightCharts);
