import type { Ref } from 'react';
import { SESSION_STATUSES } from '../../../../contract/session.ts';
import type { AnyFilterParam } from '../../../../contract/explorer-vocabulary.ts';
import type { ExplorerUrl } from '../../../lib/use-explorer-url.ts';
import { MoreFilters } from './more-filters.tsx';
import { MaskedRecipient } from './masked-recipient.tsx';
import { RecipientInput } from './recipient-input.tsx';
import { TextFilter } from './text-filter.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import { TimezoneSelect } from './timezone-select.tsx';
import { useViewerZone } from '../../../lib/viewer-zone.ts';

type TextParam = Exclude<AnyFilterParam, 'status' | 'recipient'>;
const TEXT_FILTERS: { param: TextParam; label: string; placeholder: string }[] = [
  { param: 'app_uuid', label: 'App UUID', placeholder: '3cdec449-a367-…' },
  { param: 'alias', label: 'App alias', placeholder: 'exact alias' },
  { param: 'country', label: 'Country', placeholder: 'IN' },
  { param: 'subaccount', label: 'Subaccount', placeholder: 'SA…' },
  { param: 'brand_name', label: 'Brand name', placeholder: 'exact brand' },
  { param: 'app_hash', label: 'App hash', placeholder: 'exact hash' },
  // Filters only the session index applies: Plivo's list call has none of them.
  { param: 'network', label: 'Network', placeholder: 'AirTel' },
  { param: 'recipient_contains', label: 'Number contains', placeholder: '1370' },
  { param: 'attempts_min', label: 'Min attempts', placeholder: '2' },
  { param: 'charge_min', label: 'Min charge (USD)', placeholder: '0.05' },
];

type Props = {
  url: ExplorerUrl;
  /** The recipient box, for the `/` shortcut. */
  searchRef?: Ref<HTMLInputElement>;
  /** `mask=1`: the recipient shows masked and read-only. */
  masked?: boolean;
  maskPhone?: ((phone: string) => string) | null;
  /** Why the typed recipient is not searched, or null: the page hides the results meanwhile. */
  onRecipientProblem?: (message: string | null) => void;
};

/** Every server filter; typing replaces history, discrete choices push. */
export function FilterBar(props: Props) {
  const { url, searchRef, masked = false, maskPhone = null } = props;
  const { state, update } = url;
  // The From/To boxes start from the window in the zone shown: remount when either changes.
  const viewerZone = useViewerZone();
  const setFilter = (param: AnyFilterParam, value: string, mode: 'push' | 'replace') =>
    update(
      (s) => ({ ...s, open: null, filters: { ...s.filters, [param]: value || undefined } }),
      mode,
    );
  return (
    <div role="search" className="filter-bar" aria-label="Filters" data-controls="">
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={state.filters.status ?? ''}
          onChange={(event) => setFilter('status', event.target.value, 'push')}
        >
          <option value="">Any status</option>
          {SESSION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      {masked ? (
        <MaskedRecipient
          ref={searchRef}
          value={state.filters.recipient ?? ''}
          maskPhone={maskPhone}
        />
      ) : (
        <RecipientInput
          ref={searchRef}
          value={state.filters.recipient ?? ''}
          onCommit={(value) => setFilter('recipient', value, 'replace')}
          onProblem={props.onRecipientProblem}
        />
      )}
      <TimeRangePicker
        key={JSON.stringify([state.time, state.tz, viewerZone])}
        time={state.time}
        tz={state.tz}
        onChange={(time) => update((s) => ({ ...s, open: null, time }), 'push')}
      />
      <TimezoneSelect tz={state.tz} onChange={(tz) => update((s) => ({ ...s, tz }), 'push')} />
      <MoreFilters setCount={TEXT_FILTERS.filter((f) => state.filters[f.param]).length}>
        {TEXT_FILTERS.map((f) => (
          <TextFilter
            key={f.param}
            {...f}
            value={state.filters[f.param] ?? ''}
            onCommit={(value) => setFilter(f.param, value, 'replace')}
          />
        ))}
      </MoreFilters>
    </div>
  );
}
