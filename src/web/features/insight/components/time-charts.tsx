import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useState, type ReactNode } from 'react';
import type { RatePoint, SessionsOverTime } from '../lib/time-series.ts';
import { CHART, statusColour } from '../../../lib/palette.ts';
import { statusLabel } from '../lib/labels.ts';
import { BucketHitArea } from './bucket-hit-area.tsx';
import { ChartFigure } from './chart-figure.tsx';
import { BucketTable } from './bucket-table.tsx';

const HEIGHT = 240;
type Row = { label: string; counts: Record<string, number> };

export type SessionsOverTimeChartProps = {
  series: SessionsOverTime;
  axisLabel: string;
  /** The zone in words, e.g. "UTC". */
  zoneText: string;
  /** A click on a bucket (any of its stacked parts) or a drag from bucket `a` to `b`. */
  onSelect: (a: number, b: number) => void;
  /** Zoom out, previous and next window: above the chart (see WindowSteps). */
  steps?: ReactNode;
};

export function SessionsOverTimeChart({
  series,
  axisLabel,
  zoneText,
  onSelect,
  steps,
}: SessionsOverTimeChartProps) {
  const minutes = series.bucketMs / 60_000;
  const size = minutes < 60 ? `${minutes} min` : minutes < 1440 ? `${minutes / 60} h` : '1 day';
  const left = series.undated + series.outside;
  // A drag in progress: the bucket it started on and the one under the pointer now.
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const label = (i: number) => series.buckets[i]?.label;
  const finish = (end: number) => {
    if (drag) onSelect(drag.from, end);
    setDrag(null);
  };
  return (
    <ChartFigure
      title="Sessions over time, by status"
      note={`${size} buckets, times in ${zoneText}. Drag across buckets to select that range, or click one to zoom to it.${left ? ` ${left} sessions outside the window or without a time are not drawn.` : ''}`}
    >
      {steps}
      <div
        role="img"
        aria-label={`Sessions per ${size} by status, ${axisLabel}. See the table below for the numbers.`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={series.buckets} accessibilityLayer={false} style={{ userSelect: 'none' }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              minTickGap={24}
              label={{ value: axisLabel, position: 'insideBottom', offset: -4, fill: CHART.text }}
              height={44}
            />
            <YAxis
              allowDecimals={false}
              label={{ value: 'Sessions', angle: -90, position: 'insideLeft', fill: CHART.text }}
            />
            <Tooltip
              labelFormatter={(_, payload) => String(payload[0]?.payload?.rangeLabel ?? '')}
            />
            <Legend verticalAlign="top" formatter={(value: string) => statusLabel(value)} />
            {series.statuses.map((status) => (
              <Bar
                key={status}
                name={status}
                stackId="status"
                dataKey={(row: Row) => row.counts[status] ?? 0}
                fill={statusColour(status)}
                isAnimationActive={false}
              />
            ))}
            {drag && drag.from !== drag.to ? (
              <ReferenceArea
                x1={label(Math.min(drag.from, drag.to))}
                x2={label(Math.max(drag.from, drag.to))}
                fill={CHART.selection}
                ifOverflow="visible"
              />
            ) : null}
            <BucketHitArea
              count={series.buckets.length}
              onDown={(at) => setDrag({ from: at, to: at })}
              onMove={(at) => {
                if (drag && at !== drag.to) setDrag({ ...drag, to: at });
              }}
              onUp={finish}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <BucketTable series={series} onZoom={(i) => onSelect(i, i)} />
    </ChartFigure>
  );
}

export function VerifiedRateChart({
  points,
  axisLabel,
}: {
  points: readonly RatePoint[];
  axisLabel: string;
}) {
  const data = points.map((p) => ({
    ...p,
    percent: p.share === null ? null : Math.round(p.share * 1000) / 10,
  }));
  const known = data.filter((p) => p.percent !== null);
  const low = known.reduce<(typeof data)[number] | null>(
    (m, p) => (m === null || (p.percent ?? 0) < (m.percent ?? 0) ? p : m),
    null,
  );
  return (
    <ChartFigure
      title="Verified % over time"
      note="Share of finished sessions (verified or expired) that verified; sessions still in progress are left out. Gaps: no finished session."
    >
      <div
        role="img"
        aria-label={`Verified percentage per bucket, ${axisLabel}. ${low ? `Lowest: ${low.percent} % at ${low.rangeLabel}.` : 'No finished sessions.'}`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={data} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART.grid} vertical={false} strokeDasharray="3 3" />
            <XAxis
              tick={{ fill: CHART.text }}
              stroke={CHART.grid}
              dataKey="label"
              minTickGap={24}
              label={{ value: axisLabel, position: 'insideBottom', offset: -4 }}
              height={44}
            />
            <YAxis tick={{ fill: CHART.text }} stroke={CHART.grid} domain={[0, 100]} unit=" %" />
            <Tooltip
              labelFormatter={(_, payload) => String(payload[0]?.payload?.rangeLabel ?? '')}
              formatter={(value, _name, item) => [
                `${String(value)} % of ${String(item.payload?.finished ?? 0)} finished`,
                'Verified',
              ]}
            />
            <Line
              type="linear"
              dataKey="percent"
              name="Verified %"
              stroke={statusColour('verified')}
              strokeWidth={2}
              dot={points.length <= 60}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
