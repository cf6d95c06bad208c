/**
 * Status colours from the Okabe–Ito palette, which stays distinguishable for the common
 * colour-vision deficiencies. Colour is never the only signal: every status also has an
 * icon and its words (WCAG 1.4.1), so `statusVisual` returns all three. The CSS variables
 * are defined in styles/theme.css for both themes.
 */
type StatusVisual = {
  /** e.g. "var(--status-verified)" — usable directly as a CSS colour. */
  color: string;
  /** A short glyph shown beside the colour; decorative, hidden from screen readers. */
  icon: string;
  label: string;
};

const VISUALS: Record<string, { token: string; icon: string; label: string }> = {
  // Session statuses
  verified: { token: 'verified', icon: '✓', label: 'Verified' },
  expired: { token: 'expired', icon: '×', label: 'Expired' },
  'in-progress': { token: 'in-progress', icon: '…', label: 'In progress' },
  // SMS attempt statuses
  queued: { token: 'queued', icon: '○', label: 'Queued' },
  sent: { token: 'sent', icon: '→', label: 'Sent' },
  delivered: { token: 'delivered', icon: '✓', label: 'Delivered' },
  undelivered: { token: 'undelivered', icon: '!', label: 'Undelivered' },
  failed: { token: 'failed', icon: '×', label: 'Failed' },
  // Voice attempt statuses
  ringing: { token: 'sent', icon: '→', label: 'Ringing' },
  'early media': { token: 'sent', icon: '→', label: 'Early media' },
  answer: { token: 'delivered', icon: '✓', label: 'Answered' },
  completed: { token: 'delivered', icon: '✓', label: 'Completed' },
};

/** The CSS custom properties theme.css defines, one per token. */
export const STATUS_TOKENS = [
  'verified',
  'expired',
  'in-progress',
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'unknown',
] as const;

export function statusVisual(status: string | null): StatusVisual {
  const key = status?.trim().toLowerCase() ?? '';
  const known = VISUALS[key];
  if (known) return { color: `var(--status-${known.token})`, icon: known.icon, label: known.label };
  return {
    color: 'var(--status-unknown)',
    icon: '?',
    label: key ? `Unknown (“${status}”)` : 'No status',
  };
}
