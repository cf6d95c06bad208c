import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Session } from '../../../../contract/session.ts';
import type { SortState } from '../../../../contract/explorer-view.ts';
import { COLUMN_LABELS } from '../../../lib/explorer-labels.ts';
import { type ColumnId } from '../../../../contract/explorer-vocabulary.ts';
import { usePageStyles } from '../../../lib/page-styles.ts';
import { dropSteps, fitKey, fitStylesheet } from '../lib/column-widths.ts';
import { useRowKeyboard } from '../lib/use-row-keyboard.ts';
import { useFling } from '../lib/use-fling.ts';
import { useScrollAnchor } from '../lib/use-scroll-anchor.ts';
import { useSessionsTable } from '../lib/use-sessions-table.ts';
import { RowPlaceholder } from './row-placeholder.tsx';
import { SessionRow } from './session-row.tsx';

// In the table's own chunk: report mode shows it instead of the virtual table.
export { ReportTable } from './report-table.tsx';
import { TableHeader } from './table-header.tsx';

type Props = {
  sessions: readonly Session[];
  /** Rows live refresh just brought in: highlighted (`data-new-row`). */
  newRows: ReadonlySet<string>;
  /** `mask=1`: carried to the session page links. */
  masked: boolean;
  tz: string;
  sort: SortState;
  cols: ColumnId[];
  open: string | null;
  onSortChange: (sort: SortState) => void;
  onOpenChange: (uuid: string | null) => void;
  /** Called when the user scrolls near the end of the loaded rows. */
  onNearEnd: () => void;
  backSearch: string;
};

const ROW_HEIGHT = 41;
/** Until the scroll box is measured (the server's render, and the one that hydrates it). */
const FIRST_SCREEN = { width: 1280, height: 1000 };

export function SessionsTable(props: Props) {
  const { tz, open, onOpenChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The lowest priorities give way so the table never scrolls sideways (a report, in
  // ReportTable, keeps every chosen column and wraps its values instead). CSS decides which,
  // from the box's width (fitStylesheet): every chosen column is rendered, and the first
  // paint — the server's, at any window width — is already the final layout.
  // Once per column choice, not per render: the table re-renders on every scroll frame.
  const { cols } = props;
  const fitCss = useMemo(() => fitStylesheet(cols), [cols]);
  const drops = useMemo(() => dropSteps(cols), [cols]);
  usePageStyles(fitCss);
  const table = useSessionsTable(props);
  const rows = table.getRowModel().rows;
  // Stable while the rows are: the virtualizer recomputes every row's position (10,000 at
  // scale) whenever this function changes identity, which on every scroll frame was most of
  // the frame's budget.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const fling = useFling();
  // Not compiled by React Compiler, so the virtualizer's unmemoisable functions are fine here.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 8,
    // Until the scroll box is measured — always so in the server's pre-render — assume a
    // screenful, so the first render has rows rather than none.
    initialRect: FIRST_SCREEN,
    onChange: fling.onChange,
  });
  const noteScroll = useScrollAnchor(scrollRef, rows, virtualizer);
  // Stable (reads the latest rows, open row and handler from a ref), so a parent re-render
  // with a new inline `onOpenChange` does not re-render every memoised row.
  const latest = useRef({ rows, open, onOpenChange });
  useLayoutEffect(() => {
    latest.current = { rows, open, onOpenChange };
  });
  const toggle = useCallback((index: number) => {
    const now = latest.current;
    const uuid = now.rows[index]?.original.sessionUuid;
    if (uuid) now.onOpenChange(uuid === now.open ? null : uuid);
  }, []);
  // A deep link with `open=` scrolls its row into view once, when it first appears.
  const scrolledToOpen = useRef(open === null);
  const openIndex = open ? rows.findIndex((r) => r.original.sessionUuid === open) : -1;
  useEffect(() => {
    if (scrolledToOpen.current || openIndex < 0) return;
    scrolledToOpen.current = true;
    virtualizer.scrollToIndex(openIndex, { align: 'start' });
  }, [openIndex, virtualizer]);
  const keyboard = useRowKeyboard({
    rowCount: rows.length,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    toggle,
    collapse: () => (open ? onOpenChange(null) : undefined),
    container: useCallback(() => scrollRef.current, []),
  });
  const visible = table.getVisibleLeafColumns().map((c) => c.id as ColumnId);
  const columnIds = visible.join(',');

  return (
    <div className="table-fit" data-fit={fitKey(cols)}>
      {/* Always there, hidden while nothing gives way: a window resized past a column's
          width must not move the table. Names appear as their columns go (fitStylesheet). */}
      <p className="muted table-fit-note" role="note">
        Hidden to fit the window:{' '}
        {drops.map(({ id }, index) => (
          <span key={id} className="table-fit-name" data-fit-name={id}>
            {index ? `, ${COLUMN_LABELS[id]}` : COLUMN_LABELS[id]}
          </span>
        ))}{' '}
        (in each row’s details).
      </p>
      <div
        className="table-scroll"
        ref={scrollRef}
        onKeyDown={keyboard.onKeyDown}
        onScroll={(event) => {
          const el = event.currentTarget;
          noteScroll();
          if (el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 8) props.onNearEnd();
        }}
      >
        <div
          role="table"
          aria-label="Sessions"
          aria-rowcount={rows.length + 1}
          className="sessions-table"
        >
          <TableHeader table={table} />
          <div
            role="rowgroup"
            className="table-body"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const isOpen = row.original.sessionUuid === open;
              const isActive = item.index === keyboard.active;
              // The open row and the one with focus stay whole: neither may lose its state.
              if (fling.flung && !isOpen && !isActive) {
                return <RowPlaceholder key={row.id} start={item.start} />;
              }
              return (
                <SessionRow
                  key={row.id}
                  table={table}
                  row={row}
                  item={item}
                  measure={virtualizer.measureElement}
                  isOpen={isOpen}
                  isNew={props.newRows.has(row.original.sessionUuid)}
                  masked={props.masked}
                  isActive={isActive}
                  onToggle={toggle}
                  onFocus={keyboard.setActive}
                  tz={tz}
                  backSearch={props.backSearch}
                  columnCount={visible.length + 1}
                  columnIds={columnIds}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
