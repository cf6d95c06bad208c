import { VERDICT_KIND_LABELS, isVerdictKind } from '../../../../contract/verdict.ts';
import { channelLabel } from '../lib/labels.ts';
import { SEGMENT_PARAMS, type ClientFilters } from '../lib/segments.ts';
import './insight.css';

export type ClientFilterChipsProps = {
  filters: ClientFilters;
  /** Remove one filter: the URL parameter to delete (`f_channel`, `f_country`, `f_verdict`). */
  onClear: (param: string) => void;
};

function chipsOf(filters: ClientFilters): { param: string; text: string }[] {
  const chips: { param: string; text: string }[] = [];
  if (filters.channel) {
    chips.push({
      param: SEGMENT_PARAMS.channel,
      text: `Channel: ${channelLabel(filters.channel)}`,
    });
  }
  if (filters.country)
    chips.push({ param: SEGMENT_PARAMS.country, text: `Country: ${filters.country}` });
  if (filters.verdict) {
    const label = isVerdictKind(filters.verdict)
      ? VERDICT_KIND_LABELS[filters.verdict]
      : filters.verdict;
    chips.push({ param: SEGMENT_PARAMS.verdict, text: `Verdict: ${label}` });
  }
  return chips;
}

/**
 * Active client-side filters, said to be what they are: they narrow the rows already loaded,
 * they do not ask Plivo for anything (Plivo has no channel or verdict filter).
 */
export function ClientFilterChips({ filters, onClear }: ClientFilterChipsProps) {
  const chips = chipsOf(filters);
  if (chips.length === 0) return null;
  return (
    <ul className="insight-chips" aria-label="Filters on loaded rows">
      {chips.map((chip) => (
        <li key={chip.param} className="insight-chip">
          {chip.text} <span className="insight-chip__scope">(filters loaded rows)</span>
          <button
            type="button"
            onClick={() => onClear(chip.param)}
            aria-label={`Remove ${chip.text}`}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
