import { useMemo } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { isKnownSessionStatus } from '../../../../contract/session.ts';
import { verdictOf, VERDICT_KINDS, type VerdictKind } from '../../../../contract/verdict.ts';
import { countryBreakdown, statusBreakdown, verdictBreakdown } from '../lib/breakdowns.ts';
import { statusLabel } from '../lib/labels.ts';
import { OKABE_ITO, statusColour, verdictColour } from '../../../lib/palette.ts';
import { ChartFigure } from './chart-figure.tsx';
import type { SegmentItem } from './segment-list.tsx';
import { SessionBars } from './session-bars.tsx';

const TOP_COUNTRIES = 10;

export function StatusChart(props: {
  sessions: readonly Session[];
  onStatusClick: (status: string) => void;
}) {
  const items: SegmentItem[] = statusBreakdown(props.sessions).map((s) => ({
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

/** One example explanation per kind, from a loaded session, for the hover text. */
function explanations(sessions: readonly Session[]): Partial<Record<VerdictKind, string>> {
  const found: Partial<Record<VerdictKind, string>> = {};
  for (const s of sessions) {
    const v = verdictOf(s);
    found[v.kind] ??= v.explanation;
    if (Object.keys(found).length === VERDICT_KINDS.length) break;
  }
  return found;
}

export function VerdictChart(props: {
  sessions: readonly Session[];
  onSelect: (kind: VerdictKind) => void;
}) {
  const items = useMemo(() => {
    const rules = explanations(props.sessions);
    return verdictBreakdown(props.sessions).map((s): SegmentItem => ({
      ...s,
      colour: verdictColour(s.key),
      title: rules[s.key],
    }));
  }, [props.sessions]);
  const select = (key: string) => props.onSelect(key as VerdictKind);
  return (
    <ChartFigure
      title="Verdicts"
      note="What happened, in plain words. Click one to filter loaded rows."
    >
      <SessionBars
        items={items}
        label="Sessions by verdict"
        segmentLabel="Filter loaded rows by verdict"
        onSelect={select}
      />
    </ChartFigure>
  );
}

export function CountryChart(props: {
  sessions: readonly Session[];
  onSelect: (country: string) => void;
}) {
  const all = countryBreakdown(props.sessions);
  const items: SegmentItem[] = all.slice(0, TOP_COUNTRIES).map((s) => ({
    ...s,
    label: s.key === 'unknown' ? 'Unknown' : s.key,
    colour: OKABE_ITO.blue,
    title: `${s.verified} of ${s.count} verified`,
  }));
  const rest = all.length - items.length;
  return (
    <ChartFigure
      title="Sessions by destination country"
      note={`Click a country to filter loaded rows.${rest > 0 ? ` ${rest} more countries not shown.` : ''}`}
    >
      <SessionBars
        items={items}
        label="Sessions by country"
        segmentLabel="Filter loaded rows by country"
        onSelect={props.onSelect}
      />
    </ChartFigure>
  );
}
