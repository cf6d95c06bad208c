import type { CSSProperties } from 'react';
import { statusVisual } from '../lib/status-palette.ts';

/**
 * A session or attempt status: Plivo's own word beside an icon and a colour-blind-safe
 * colour, so it reads the same without colour vision or colour ink. The icon is generated
 * content (`data-icon`), so the text stays exactly the status word.
 */
export function StatusBadge({ status }: { status: string | null }) {
  const visual = statusVisual(status);
  const style = { '--badge-color': visual.color } as CSSProperties;
  return (
    <span className="status-badge" style={style} data-status={status ?? ''} title={visual.label}>
      <span className="status-badge__icon" aria-hidden="true" data-icon={visual.icon} />
      {status ?? 'unknown'}
    </span>
  );
}
