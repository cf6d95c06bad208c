import { memo } from 'react';

/**
 * A row's place while the table is flung (use-fling.ts): one element, its bar drawn by CSS,
 * so a frame that brings a whole new screen of rows costs little to lay out and paint.
 */
export const RowPlaceholder = memo(function RowPlaceholder({ start }: { start: number }) {
  return (
    <div
      role="none"
      className="virtual-item row-placeholder"
      style={{ transform: `translateY(${start}px)` }}
    />
  );
});
