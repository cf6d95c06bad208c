/**
 * The kinds of verdict (verdict.ts draws one per session), their names and tones: what
 * filters, charts and the index name and count. Apart from the drawing, which only the rows,
 * charts and exports need, so the first screen's URL and filter parsing go without it.
 */
export const VERDICT_KINDS = [
  'verified_first',
  'verified_retry',
  'verified_fallback',
  'verified_no_attempts',
  'in_progress',
  'delivered_not_verified',
  'sent_no_receipt',
  'call_not_answered',
  'queued_not_sent',
  'undelivered_all',
  'failed_to_send',
  'expired_no_attempts',
  'unknown',
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** How good the outcome is, for colour (always shown with the label, never alone). */
type VerdictTone = 'good' | 'pending' | 'bad' | 'unknown';
export const VERDICT_TONE: Record<VerdictKind, VerdictTone> = {
  verified_first: 'good',
  verified_retry: 'good',
  verified_fallback: 'good',
  verified_no_attempts: 'good',
  in_progress: 'pending',
  delivered_not_verified: 'bad',
  sent_no_receipt: 'bad',
  call_not_answered: 'bad',
  queued_not_sent: 'bad',
  undelivered_all: 'bad',
  failed_to_send: 'bad',
  expired_no_attempts: 'bad',
  unknown: 'unknown',
};

/** Short, count-free names of each kind, for chart categories and filter chips. */
export const VERDICT_KIND_LABELS: Record<VerdictKind, string> = {
  verified_first: 'Verified on 1st attempt',
  verified_retry: 'Verified after a retry',
  verified_fallback: 'Verified after a channel fallback',
  verified_no_attempts: 'Verified (no attempts listed)',
  in_progress: 'Still in progress',
  delivered_not_verified: 'Delivered, never verified',
  sent_no_receipt: 'Sent — no delivery receipt',
  call_not_answered: 'Call never answered',
  queued_not_sent: 'Queued, never sent',
  undelivered_all: 'Undelivered on all attempts',
  failed_to_send: 'Failed to send',
  expired_no_attempts: 'Expired, nothing sent',
  unknown: 'Unknown outcome',
};

export function isVerdictKind(value: string): value is VerdictKind {
  return (VERDICT_KINDS as readonly string[]).includes(value);
}
