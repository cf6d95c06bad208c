import type { ColumnId } from '../../../lib/explorer-params.ts';

/** Grid track per column; every row uses the same template so cells line up with headers. */
const WIDTHS: Record<ColumnId, string> = {
  created: 'minmax(11rem, 1.2fr)',
  recipient: 'minmax(11rem, 1.3fr)',
  status: 'minmax(7.5rem, 0.8fr)',
  verdict: 'minmax(13rem, 1.4fr)',
  channel: 'minmax(4.5rem, 0.5fr)',
  attempts: 'minmax(4.5rem, 0.5fr)',
  last_attempt: 'minmax(7.5rem, 0.8fr)',
  network: 'minmax(6rem, 0.8fr)',
  alias: 'minmax(6rem, 0.9fr)',
  charge: 'minmax(6rem, 0.7fr)',
  session_uuid: 'minmax(12rem, 1.6fr)',
};

export const EXPAND_TRACK = '2.75rem';

export function gridTemplate(columns: readonly ColumnId[]): string {
  return [EXPAND_TRACK, ...columns.map((id) => WIDTHS[id])].join(' ');
}
