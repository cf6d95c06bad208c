import { isKnownSessionStatus } from '../../../../contract/session.ts';
import type { VerdictKind } from '../../../../contract/verdict-kinds.ts';
import type { CountrySlice, Slice, VerdictSlice } from '../lib/breakdowns.ts';
import { statusLabel } from '../lib/labels.ts';
import { isFilterableSegment } from '../lib/segments.ts';
import { CHART, statusColour, verdictColour } from '../../../lib/palette.ts';
import { ChartFigure } from './chart-figure.tsx';
import type { SegmentItem } from './segment-list.tsx';
import { SessionBars } from './session-bars.tsx';

const TOP = 10;

/** Said where a segment filter needs the session index, which does not cover the window. */
export const NEEDS_INDEX =
  'Filtering by it needs the session index, which does not cover this window.';

export function StatusChart(props: {
  slices: readonly Slice[];
  onStatusClick: (status: string) => void;
}) {
  const items: SegmentItem[] = props.slices.map((s) => ({
    ...s,
    label: statusLabel(s.key),
    colour: statusColour(s.key),
    // Plivo can filter only by its three statuses.
    selectable: isKnownSessionStatus(s.key),
  }));
  return (
    <ChartFigure title="Sessions by status" note="Click a status to filter the list by it.">
      <SessionBars
        items={items}
        label="Sessions by status"
        segmentLabel="Filter by status"
        onSelect={props.onStatusClick}
      />
    </ChartFigure>
  );
}

export function VerdictChart(props: {
  slices: readonly VerdictSlice[];
  /** Hover text per kind (one example explanation). */
  explanations: Partial<Record<VerdictKind, string>>;
  /** False outside the index's coverage: the server cannot filter by verdict there. */
  filterable: boolean;
  onSelect: (kind: VerdictKind) => void;
}) {
  const items = props.slices.map((s): SegmentItem => ({
    ...s,
    colour: verdictColour(s.key),
    title: props.explanations[s.key],
    selectable: props.filterable,
  }));
  const select = (key: string) => props.onSelect(key as VerdictKind);
  const how = props.filterable ? 'Click one to filter by it.' : NEEDS_INDEX;
  return (
    <ChartFigure title="Verdicts" note={`What happened, in plain words. ${how}`}>
      <SessionBars
        items={items}
        label="Sessions by verdict"
        segmentLabel="Filter by verdict"
        onSelect={select}
      />
    </ChartFigure>
  );
}

/** Top segments with their verified share: countries and carriers alike. */
function TopSegmentsChart(props: {
  slices: readonly CountrySlice[];
  title: string;
  noun: string;
  plural: string;
  filterable: boolean;
  onSelect: (key: string) => void;
}) {
  const items: SegmentItem[] = props.slices.slice(0, TOP).map((s) => ({
    ...s,
    label: s.key === 'unknown' ? 'Unknown' : s.key,
    colour: CHART.bar,
    title: `${s.verified} of ${s.count} verified`,
    selectable: props.filterable && isFilterableSegment(s.key),
  }));
  const rest = props.slices.length - items.length;
  const how = props.filterable ? `Click a ${props.noun} to filter by it.` : NEEDS_INDEX;
  return (
    <ChartFigure
      title={props.title}
      note={`${how}${rest > 0 ? ` ${rest} more ${props.plural} not shown.` : ''}`}
    >
      <SessionBars
        items={items}
        label={`Sessions by ${props.noun}`}
        segmentLabel={`Filter by ${props.noun}`}
        onSelect={props.onSelect}
      />
    </ChartFigure>
  );
}

export function CountryChart(props: {
  slices: readonly CountrySlice[];
  onSelect: (country: string) => void;
}) {
  return (
    <TopSegmentsChart
      {...props}
      filterable
      title="Sessions by destination country"
      noun="country"
      plural="countries"
    />
  );
}

export function NetworkChart(props: {
  slices: readonly CountrySlice[];
  filterable: boolean;
  onSelect: (network: string) => void;
}) {
  return (
    <TopSegmentsChart
      {...props}
      title="Sessions by network (carrier)"
      noun="network"
      plural="networks"
    />
  );
}
