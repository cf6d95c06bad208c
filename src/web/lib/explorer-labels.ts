import type { ColumnId, RangePreset } from '../../contract/explorer-vocabulary.ts';
import { CHARGE_CURRENCY } from '../../contract/money.ts';

/** What the explorer's controls call its time presets and columns (ids: the contract's). */
export const RANGE_LABELS: Record<RangePreset, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
};

export const COLUMN_LABELS: Record<ColumnId, string> = {
  created: 'Created',
  recipient: 'Recipient',
  status: 'Status',
  verdict: 'Verdict',
  channel: 'Channel',
  attempts: 'Attempts',
  last_attempt: 'Last attempt',
  network: 'Network',
  alias: 'App alias',
  charge: `Total charge (${CHARGE_CURRENCY})`,
  session_uuid: 'Session UUID',
};
