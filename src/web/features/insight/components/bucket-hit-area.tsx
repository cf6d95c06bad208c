import type { PointerEvent } from 'react';
import { DefaultZIndexes, usePlotArea, ZIndexLayer } from 'recharts';

export type BucketHitAreaProps = {
  /** Buckets across the plot, equal widths (a category axis). */
  count: number;
  onDown: (index: number) => void;
  onMove: (index: number) => void;
  onUp: (index: number) => void;
};

/**
 * A transparent layer over the whole plot that turns the pointer's x into a bucket index.
 * Each bucket's full column is its target — every stacked part and the gap above it — and
 * the index comes from the pointer itself, not from recharts' hover state, which a quick
 * click can outrun (clicks on most parts of a bar used to do nothing).
 */
export function BucketHitArea({ count, onDown, onMove, onUp }: BucketHitAreaProps) {
  const plot = usePlotArea();
  if (!plot || count === 0) return null;
  const indexAt = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const i = Math.floor(((e.clientX - box.left) / box.width) * count);
    return Math.min(count - 1, Math.max(0, i));
  };
  // Above the bars (and their hover highlight), so they cannot take the pointer first.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.activeBar + 1}>
      <rect
        data-testid="bucket-hit-area"
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        style={{ cursor: 'crosshair' }}
        onPointerDown={(e) => {
          // Keeps the drag's moves and release even when the pointer leaves the plot.
          e.currentTarget.setPointerCapture(e.pointerId);
          onDown(indexAt(e));
        }}
        onPointerMove={(e) => onMove(indexAt(e))}
        onPointerUp={(e) => onUp(indexAt(e))}
      />
    </ZIndexLayer>
  );
}
