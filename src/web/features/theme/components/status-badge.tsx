import type { CSSProperties } from 'react';
import { statusVisual } from '../lib/status-palette.ts';

export type StatusBadgeProps = { status: string | null };

/** Colour + icon + words, so the status reads the same without colour vision or colour ink. */
export function StatusBadge({ status }: StatusBadgeProps) {
  const visual = statusVisual(status);
  const style = { '--badge-color': visual.color } as CSSProperties;
  return (
    <span className="status-badge" style={style} data-status={status ?? ''}>
      <span className="status-badge__icon" aria-hidden="true">
        {visual.icon}
      </span>
      {visual.label}
    </span>
  );
}
