import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART, statusColour } from '../../../lib/palette.ts';
import type { FailurePoint } from '../lib/time-series.ts';
import { ChartFigure } from './chart-figure.tsx';

/**
 * Failed % per bucket of the sessions the filters select: with a country and carrier chosen
 * (from "What changed" or the breakdowns) it shows when that segment started and stopped
 * failing, where the whole account's histogram hides it.
 */
export function FailureRateChart(props: {
  points: readonly FailurePoint[];
  axisLabel: string;
  /** The filters in words ("IN · AirTel"), or null for every session. */
  segment: string | null;
}) {
  const data = props.points.map((p) => ({
    ...p,
    percent: p.share === null ? null : Math.round(p.share * 1000) / 10,
  }));
  const high = data.reduce<(typeof data)[number] | null>(
    (m, p) => (p.percent !== null && (m === null || p.percent > (m.percent ?? 0)) ? p : m),
    null,
  );
  const of = props.segment ? `of ${props.segment}` : 'of all sessions';
  return (
    <ChartFigure
      title={`Failed % over time, ${of}`}
      note="Share of finished sessions never verified (expired, undelivered, failed to send…); sessions in progress are left out. Filter a country or network to see one segment."
    >
      <div
        role="img"
        aria-label={`Failed percentage per bucket ${of}, ${props.axisLabel}. ${high ? `Highest: ${high.percent} % at ${high.rangeLabel} (${high.failed} of ${high.finished}).` : 'No finished sessions.'}`}
      >
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART.grid} vertical={false} strokeDasharray="3 3" />
            <XAxis
              tick={{ fill: CHART.text }}
              stroke={CHART.grid}
              dataKey="label"
              minTickGap={24}
              label={{
                value: props.axisLabel,
                position: 'insideBottom',
                offset: -4,
                fill: CHART.text,
              }}
              height={44}
            />
            <YAxis tick={{ fill: CHART.text }} stroke={CHART.grid} domain={[0, 100]} unit=" %" />
            <Tooltip
              labelFormatter={(_, payload) => String(payload[0]?.payload?.rangeLabel ?? '')}
              formatter={(value, _name, item) => [
                `${String(value)} % — ${String(item.payload?.failed ?? 0)} of ${String(item.payload?.finished ?? 0)} finished`,
                'Failed',
              ]}
            />
            <Line
              type="linear"
              dataKey="percent"
              name="Failed %"
              stroke={statusColour('expired')}
              strokeWidth={2}
              dot={data.length <= 60}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
