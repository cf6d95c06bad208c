import { Fragment } from 'react';
import type { Session } from '../../../../contract/session.ts';
import type { ColumnId } from '../../../../contract/explorer-vocabulary.ts';
import type { SortState } from '../../../../contract/explorer-view.ts';
import { useSessionsTable } from '../lib/use-sessions-table.ts';
import { SessionDetails } from './session-details.tsx';

type Props = {
  sessions: readonly Session[];
  masked: boolean;
  tz: string;
  sort: SortState;
  cols: ColumnId[];
  open: string | null;
  onSortChange: (sort: SortState) => void;
  backSearch: string;
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * Report mode's table: every loaded row, every chosen column, as a real `<table>`. Printing
 * needs one: Chromium repeats a `<thead>` at the top of each page, and a grid of ARIA rows
 * (the explorer's virtual table) gets no such header. The open session prints its details.
 */
export function ReportTable(props: Props) {
  const table = useSessionsTable(props);
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <table aria-label="Sessions" className="report-table">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const direction = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={`cell-${header.column.id}`}
                  aria-sort={direction ? ARIA_SORT[direction] : undefined}
                >
                  <table.FlexRender header={header} />
                  {direction === 'asc' ? ' ↑' : direction === 'desc' ? ' ↓' : ''}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row, index) => (
          <Fragment key={row.id}>
            <tr data-row-index={index}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`cell-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
            {row.original.sessionUuid === props.open ? (
              <tr className="detail-row">
                <td colSpan={columnCount} className="detail-cell">
                  <SessionDetails
                    session={row.original}
                    tz={props.tz}
                    masked={props.masked}
                    backSearch={props.backSearch}
                  />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
