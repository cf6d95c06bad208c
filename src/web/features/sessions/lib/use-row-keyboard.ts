import { useCallback, useState, type KeyboardEvent } from 'react';

type Options = {
  rowCount: number;
  scrollToIndex: (index: number) => void;
  toggle: (index: number) => void;
  collapse: () => void;
  container: () => HTMLElement | null;
};

const NEXT = new Set(['ArrowDown', 'j']);
const PREVIOUS = new Set(['ArrowUp', 'k']);

/** The target row may not be rendered until the virtualizer scrolls: try for a few frames. */
function focusRowWhenRendered(container: () => HTMLElement | null, index: number) {
  let frames = 0;
  const attempt = () => {
    const row = container()?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
    if (row) row.focus();
    else if (frames++ < 10) requestAnimationFrame(attempt);
  };
  attempt();
}

/**
 * Roving focus over virtual rows: arrows or j/k move, Enter toggles the row's details,
 * Esc collapses.
 */
export function useRowKeyboard({ rowCount, scrollToIndex, toggle, collapse, container }: Options) {
  const [active, setActive] = useState(0);

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(rowCount - 1, index));
      scrollToIndex(next);
      setActive(next);
      focusRowWhenRendered(container, next);
    },
    [rowCount, scrollToIndex, container],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      const onRow = target.dataset.rowIndex !== undefined;
      if (target.closest('input, select, textarea')) return;
      if (NEXT.has(event.key)) move(active + 1);
      else if (PREVIOUS.has(event.key)) move(active - 1);
      else if (event.key === 'Enter' && onRow) toggle(active);
      else if (event.key === 'Escape') collapse();
      else return;
      event.preventDefault();
    },
    [active, move, toggle, collapse],
  );

  return { active: Math.min(active, Math.max(0, rowCount - 1)), setActive, onKeyDown };
}
