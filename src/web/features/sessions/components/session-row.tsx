import { memo } from 'react';
import type { ReactTable, Row } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { Session } from '../../../../contract/session.ts';
import type { tableFeaturesSet } from '../lib/table-features.ts';
import { SessionDetails } from './session-details.tsx';

type Props = {
  table: ReactTable<typeof tableFeaturesSet, Session>;
  row: Row<typeof tableFeaturesSet, Session>;
  item: VirtualItem;
  measure: (element: HTMLElement | null) => void;
  isOpen: boolean;
  /** Just brought in by live refresh. */
  isNew: boolean;
  masked: boolean;
  isActive: boolean;
  /** Called with the row's index; stable across renders, so unchanged rows skip rendering. */
  onToggle: (index: number) => void;
  onFocus: (index: number) => void;
  tz: string;
  backSearch: string;
  columnCount: number;
  /** The visible column ids, joined: a change of columns re-renders the (memoised) row. */
  columnIds: string;
};

/** A cut-off value is read whole on hover. */
const hoverText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/**
 * One virtual item: the row, and when open its details as a full-width row below it.
 * Memoised: while scrolling, the rows still in view keep their props and are not re-rendered.
 */
export const SessionRow = memo(function SessionRow(props: Props) {
  // Destructured: `measure` is a ref callback, and reading it off `props` looks like a ref read.
  const { table, row, item, isOpen, tz, measure, isActive, onToggle, onFocus } = props;
  const uuid = row.original.sessionUuid;
  const detailId = `details-${uuid}`;
  return (
    <div
      role="none"
      className="virtual-item"
      data-index={item.index}
      data-new-row={props.isNew ? '' : undefined}
      ref={measure}
      style={{ transform: `translateY(${item.start}px)` }}
    >
      <div
        role="row"
        aria-rowindex={item.index + 2}
        data-row-index={item.index}
        tabIndex={isActive ? 0 : -1}
        className={isOpen ? 'table-row is-open' : 'table-row'}
        onFocus={() => onFocus(item.index)}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('button, a')) return;
          onToggle(item.index);
        }}
      >
        <div role="cell" className="cell cell-expand">
          <button
            type="button"
            className="expand-button"
            aria-expanded={isOpen}
            aria-controls={isOpen ? detailId : undefined}
            aria-label={`Details of session ${uuid}`}
            tabIndex={-1}
            onClick={() => onToggle(item.index)}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
          </button>
        </div>
        {row.getVisibleCells().map((cell) => (
          <div
            role="cell"
            key={cell.id}
            className={`cell cell-${cell.column.id}`}
            title={hoverText(cell.getValue())}
          >
            <table.FlexRender cell={cell} />
          </div>
        ))}
      </div>
      {isOpen ? (
        <div role="row" className="detail-row" id={detailId}>
          <div role="cell" aria-colspan={props.columnCount} className="detail-cell">
            <SessionDetails
              session={row.original}
              tz={tz}
              masked={props.masked}
              backSearch={props.backSearch}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
});
