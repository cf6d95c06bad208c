import { formatShare } from '../lib/summary.ts';

export type SegmentItem = {
  key: string;
  label: string;
  count: number;
  /** 0..1, shown as a percentage when present. */
  share?: number;
  colour: string;
  /** Hover text, e.g. a verdict's rule. */
  title?: string;
  /** False when the segment cannot be used as a filter (e.g. an unknown status). */
  selectable?: boolean;
};

export type SegmentListProps = {
  items: readonly SegmentItem[];
  /** Accessible name of the list, e.g. "Filter by status". */
  label: string;
  onSelect?: (key: string) => void;
};

/**
 * The text beside the colours: every segment as words and numbers, and as a button when
 * clicking it filters. This is also the keyboard path into the chart.
 */
export function SegmentList({ items, label, onSelect }: SegmentListProps) {
  return (
    <ul className="insight-segments" aria-label={label}>
      {items.map((item) => {
        const body = (
          <>
            <span
              className="insight-swatch"
              style={{ background: item.colour }}
              aria-hidden="true"
            />
            <span className="insight-segments__label">{item.label}</span>{' '}
            <span className="insight-segments__count">
              {item.count}
              {item.share === undefined ? '' : ` (${formatShare(item.share)})`}
            </span>
          </>
        );
        return (
          <li key={item.key} title={item.title}>
            {onSelect && item.selectable !== false ? (
              <button
                type="button"
                className="insight-segments__button"
                onClick={() => onSelect(item.key)}
              >
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}
