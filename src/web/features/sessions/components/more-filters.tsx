import { useState, type ReactNode } from 'react';

type Props = { setCount: number; children: ReactNode };

/**
 * The less used filters, folded so the filter bar takes a line or two and the table starts on
 * the first screen. It opens when one of them becomes set (a link with `network=` shows its
 * box); the fold itself is not worth a URL parameter: the filters' values are in the URL.
 */
export function MoreFilters({ setCount, children }: Props) {
  const [open, setOpen] = useState(setCount > 0);
  const [seenCount, setSeenCount] = useState(setCount);
  if (seenCount !== setCount) {
    setSeenCount(setCount);
    if (setCount > seenCount) setOpen(true);
  }
  return (
    <details
      className="more-filters"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>More filters{setCount > 0 ? ` (${setCount} set)` : ''}</summary>
      <div className="more-filters__fields">{children}</div>
    </details>
  );
}
