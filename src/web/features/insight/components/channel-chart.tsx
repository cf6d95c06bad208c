import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AttemptsByChannel, Slice } from '../lib/breakdowns.ts';
import { channelLabel } from '../lib/labels.ts';
import { attemptStatusColour, channelColour, CHART } from '../../../lib/palette.ts';
import { NEEDS_INDEX } from './breakdown-charts.tsx';
import { ChartFigure } from './chart-figure.tsx';
import type { SegmentItem } from './segment-list.tsx';
import { SessionBars } from './session-bars.tsx';

export type ChannelChartProps = {
  /** Sessions by the channel of their last attempt. */
  slices: readonly Slice[];
  attempts: AttemptsByChannel;
  /** False outside the index's coverage: the server cannot filter by channel there. */
  filterable: boolean;
  onSelect: (channel: string) => void;
};

const isChannel = (key: string) => key === 'sms' || key === 'voice';

/** Sessions by the channel of their last attempt, and every attempt by channel × status. */
export function ChannelChart({ slices, attempts, filterable, onSelect }: ChannelChartProps) {
  const items: SegmentItem[] = slices.map((s) => ({
    ...s,
    label: channelLabel(s.key),
    colour: channelColour(s.key),
    selectable: filterable && isChannel(s.key),
  }));
  const summary = attempts.rows
    .map(
      (r) =>
        `${channelLabel(r.channel)}: ${attempts.statuses.map((s) => `${r.counts[s] ?? 0} ${s}`).join(', ')}`,
    )
    .join('; ');
  return (
    <ChartFigure
      title="Channels"
      note={`Sessions by the channel of their last attempt. ${filterable ? 'Click one to filter by it.' : NEEDS_INDEX}`}
    >
      <SessionBars
        items={items}
        label="Sessions by last channel"
        segmentLabel="Filter by channel"
        onSelect={onSelect}
      />
      <h4 className="insight-figure__sub">Attempts by channel and attempt status</h4>
      <div role="img" aria-label={`Attempts by channel and status. ${summary || 'No attempts.'}`}>
        <ResponsiveContainer width="100%" height={Math.max(2, attempts.rows.length) * 32 + 70}>
          <BarChart
            data={attempts.rows.map((r) => ({ ...r, name: channelLabel(r.channel) }))}
            layout="vertical"
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={CHART.grid} horizontal={false} strokeDasharray="3 3" />
            <XAxis
              tick={{ fill: CHART.text }}
              stroke={CHART.grid}
              type="number"
              allowDecimals={false}
            />
            <YAxis
              tick={{ fill: CHART.text }}
              stroke={CHART.grid}
              type="category"
              dataKey="name"
              width={80}
            />
            <Tooltip />
            <Legend />
            {attempts.statuses.map((status) => (
              <Bar
                key={status}
                stackId="attempts"
                name={status}
                dataKey={(row: { counts: Record<string, number> }) => row.counts[status] ?? 0}
                fill={attemptStatusColour(status)}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_, index) => {
                  const row = attempts.rows[index];
                  if (row && filterable && isChannel(row.channel)) onSelect(row.channel);
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
