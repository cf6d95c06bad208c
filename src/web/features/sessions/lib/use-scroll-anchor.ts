import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

type Anchor = { key: string; offset: number };

/**
 * Keeps the rows the user is reading in place when rows are added above them (live
 * refresh): the first row in view and how far it is scrolled past are noted on every scroll,
 * and when the rows change the container scrolls by however far that row moved. At the top
 * nothing is adjusted, so new rows come into view there. Returns the scroll handler.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  rows: readonly { id: string }[],
  virtualizer: Virtualizer<HTMLDivElement, Element>,
): () => void {
  const anchor = useRef<Anchor | null>(null);
  const note = useCallback(() => {
    const top = scrollRef.current?.scrollTop ?? 0;
    const item = virtualizer.getVirtualItems().find((i) => i.end > top);
    anchor.current = top > 0 && item ? { key: String(item.key), offset: top - item.start } : null;
  }, [scrollRef, virtualizer]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const noted = anchor.current;
    if (!el || !noted) return;
    const index = rows.findIndex((r) => r.id === noted.key);
    const target = index < 0 ? undefined : virtualizer.getOffsetForIndex(index, 'start');
    if (target && Math.abs(target[0] + noted.offset - el.scrollTop) > 1) {
      el.scrollTop = target[0] + noted.offset;
    }
  }, [rows, scrollRef, virtualizer]);
  return note;
}
