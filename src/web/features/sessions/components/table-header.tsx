import type { ReactTable } from '@tanstack/react-table';
import type { Session } from '../../../../contract/session.ts';
import type { tableFeaturesSet } from '../lib/table-features.ts';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Sticky header; each title is a button that cycles the sort of the loaded rows. */
export function TableHeader({ table }: { table: ReactTable<typeof tableFeaturesSet, Session> }) {
  return (
    <div role="rowgroup" className="table-head">
      {table.getHeaderGroups().map((group) => (
        <div role="row" key={group.id} aria-rowindex={1} className="table-row head-row">
          <div role="columnheader" className="cell cell-expand">
            <span className="visually-hidden">Details</span>
          </div>
          {group.headers.map((header) => {
            const direction = header.column.getIsSorted();
            return (
              <div
                role="columnheader"
                key={header.id}
                className={`cell cell-${header.column.id}`}
                aria-sort={direction ? ARIA_SORT[direction] : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={header.column.getToggleSortingHandler()}
                  title="Sort the loaded rows"
                >
                  <table.FlexRender header={header} />
                  <span aria-hidden="true" className="sort-mark">
                    {direction === 'asc' ? ' ↑' : direction === 'desc' ? ' ↓' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
