const STATUS_LABELS: Record<string, string> = {
  verified: 'Verified',
  expired: 'Expired',
  'in-progress': 'In progress',
  unknown: 'No status',
};

/** A session status in words; unknown values are shown quoted, as Plivo sent them. */
export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? `“${status}”`;

export const channelLabel = (channel: string): string =>
  channel === 'sms'
    ? 'SMS'
    : channel === 'voice'
      ? 'Voice'
      : channel === 'unknown'
        ? 'Unknown'
        : channel;
