import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { COLUMN_IDS, type ColumnId } from '../../../../contract/explorer-vocabulary.ts';
import { usePhone } from '../../../lib/phone-lazy.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import type { SortState } from '../../../../contract/explorer-view.ts';
import { makeColumns } from './columns.tsx';
import { tableFeaturesSet } from './table-features.ts';

type Options = {
  sessions: readonly Session[];
  tz: string;
  sort: SortState;
  cols: ColumnId[];
  onSortChange: (sort: SortState) => void;
};

/** The table model: sorting and column visibility are controlled by the URL state. */
export function useSessionsTable({ sessions, tz, sort, cols, onSortChange }: Options) {
  const phone = usePhone();
  const zone = useDisplayZone(tz);
  const columns = useMemo(() => makeColumns(zone, phone), [zone, phone]);
  const sorting = useMemo<SortingState>(() => (sort ? [sort] : []), [sort]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, cols.includes(id)])),
    [cols],
  );
  return useTable({
    features: tableFeaturesSet,
    columns,
    data: sessions,
    getRowId: (row) => row.sessionUuid,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { id: first.id as ColumnId, desc: first.desc } : null);
    },
    enableMultiSort: false,
  });
}
