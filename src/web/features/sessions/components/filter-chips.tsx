import { indexFilterChips } from '../../../lib/filter-words.ts';
import type { Filters, IndexFilterParam } from '../../../../contract/explorer-vocabulary.ts';

export type FilterChipsProps = {
  filters: Filters;
  masked: boolean;
  /** Remove one filter from the URL. */
  onClear: (param: IndexFilterParam) => void;
};

/**
 * The filters only the session index applies (set by chart clicks, the boxes or a link), one
 * removable chip each. They narrow every matching session on the server, not loaded rows;
 * where the index does not cover the window the server refuses them and says why.
 */
export function FilterChips({ filters, masked, onClear }: FilterChipsProps) {
  const chips = indexFilterChips(filters, masked);
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Index filters" data-controls="">
      {chips.map((chip) => (
        <li key={chip.param} className="filter-chip">
          {chip.text}
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
