import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import type { Session } from '../../../../contract/session.ts';
import type { ColumnId } from '../../../lib/explorer-params.ts';
import type { SortState } from '../../../lib/url-state.ts';
import { gridTemplate } from '../lib/column-widths.ts';
import { useRowKeyboard } from '../lib/use-row-keyboard.ts';
import { useScrollAnchor } from '../lib/use-scroll-anchor.ts';
import { useSessionsTable } from '../lib/use-sessions-table.ts';
import { SessionRow } from './session-row.tsx';
import { TableHeader } from './table-header.tsx';

type Props = {
  sessions: readonly Session[];
  /** Rows live refresh just brought in: highlighted (`data-new-row`). */
  newRows: ReadonlySet<string>;
  /** Report mode: every row rendered, not only those in view. */
  renderAll: boolean;
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

export function SessionsTable(props: Props) {
  const { tz, open, onOpenChange } = props;
  const table = useSessionsTable(props);
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Not compiled by React Compiler, so the virtualizer's unmemoisable functions are fine here.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: props.renderAll ? rows.length : 8,
  });
  const noteScroll = useScrollAnchor(scrollRef, rows, virtualizer);
  const toggle = useCallback(
    (index: number) => {
      const uuid = rows[index]?.original.sessionUuid;
      if (uuid) onOpenChange(uuid === open ? null : uuid);
    },
    [rows, open, onOpenChange],
  );
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
  const style = { '--grid-columns': gridTemplate(visible) } as CSSProperties;

  return (
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
        style={style}
      >
        <TableHeader table={table} />
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <SessionRow
                key={row.id}
                table={table}
                row={row}
                item={item}
                measure={virtualizer.measureElement}
                isOpen={row.original.sessionUuid === open}
                isNew={props.newRows.has(row.original.sessionUuid)}
                masked={props.masked}
                isActive={item.index === keyboard.active}
                onToggle={() => toggle(item.index)}
                onFocus={() => keyboard.setActive(item.index)}
                tz={tz}
                backSearch={props.backSearch}
                columnCount={visible.length + 1}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
