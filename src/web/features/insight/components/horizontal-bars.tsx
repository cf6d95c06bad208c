import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BarShapeProps } from 'recharts';
import { CHART } from '../../../lib/palette.ts';
import type { SegmentItem } from './segment-list.tsx';

export type HorizontalBarsProps = {
  items: readonly SegmentItem[];
  /** Text alternative of the drawing, e.g. "Sessions by status". */
  label: string;
  valueLabel: string;
  onSelect?: (key: string) => void;
};

const ROW_HEIGHT = 28;

/** Each bar painted with its own row's colour (recharts 3 replaces <Cell> with `shape`). */
function ColouredBar(props: BarShapeProps) {
  const row: unknown = props.payload;
  const colour =
    typeof row === 'object' && row !== null && 'colour' in row && typeof row.colour === 'string'
      ? row.colour
      : CHART.bar;
  return <Rectangle {...props} fill={colour} />;
}

/** One bar per category, coloured per item; the category names sit on the axis as text. */
export function HorizontalBars({ items, label, valueLabel, onSelect }: HorizontalBarsProps) {
  const data = items.map((item) => ({ name: item.label, value: item.count, colour: item.colour }));
  const summary = items.map((i) => `${i.label}: ${i.count}`).join(', ');
  const select = (index: number) => {
    const item = items[index];
    if (item && onSelect && item.selectable !== false) onSelect(item.key);
  };
  return (
    <div role="img" aria-label={`${label}. ${summary || 'No data.'}`} className="insight-chart">
      <ResponsiveContainer width="100%" height={Math.max(2, items.length) * ROW_HEIGHT + 40}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
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
            width={190}
            interval={0}
          />
          <Tooltip formatter={(value) => [String(value), valueLabel]} />
          <Bar
            dataKey="value"
            name={valueLabel}
            isAnimationActive={false}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(_, index) => select(index)}
            shape={ColouredBar}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
