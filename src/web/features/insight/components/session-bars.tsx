import { HorizontalBars } from './horizontal-bars.tsx';
import { SegmentList, type SegmentItem } from './segment-list.tsx';

/**
 * A breakdown of sessions drawn as bars, followed by the same segments as a list of buttons:
 * the bars are for the eye, the list for keyboard and screen-reader users; both filter alike.
 */
export function SessionBars(props: {
  items: readonly SegmentItem[];
  /** Text alternative of the drawing, e.g. "Sessions by status". */
  label: string;
  /** Accessible name of the button list, e.g. "Filter by status". */
  segmentLabel: string;
  onSelect: (key: string) => void;
}) {
  return (
    <>
      <HorizontalBars
        items={props.items}
        label={props.label}
        valueLabel="Sessions"
        onSelect={props.onSelect}
      />
      <SegmentList items={props.items} label={props.segmentLabel} onSelect={props.onSelect} />
    </>
  );
}
