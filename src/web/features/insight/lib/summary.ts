import { formatMoney, parseMoney } from '../../../../contract/money.ts';
import type { Session } from '../../../../contract/session.ts';

export type Summary = {
  sessions: number;
  verified: number;
  expired: number;
  inProgress: number;
  /** Sessions with a missing or unknown status. */
  otherStatus: number;
  /** Ratios in 0..1, or null when there are no sessions to divide by. */
  verifiedShare: number | null;
  expiredShare: number | null;
  meanAttempts: number | null;
  secondAttemptShare: number | null;
  voiceFallbackShare: number | null;
  /** Exact decimal strings. */
  totalCharge: string;
  /** Spent on sessions that expired: they can never verify any more. */
  neverVerifiedCharge: string;
  /** Sessions whose charge could not be read; excluded from both sums. */
  unreadableCharges: number;
};

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Plivo's reported total when readable, else the exact sum of its parts. */
function chargeOf(session: Session): bigint | null {
  return parseMoney(session.charges.total) ?? parseMoney(session.charges.computedTotal);
}

/** True when an SMS attempt was followed by a voice call: the session fell back to voice. */
export function fellBackToVoice(session: Session): boolean {
  const firstSms = session.attempts.findIndex((a) => a.channel === 'sms');
  return firstSms >= 0 && session.attempts.slice(firstSms + 1).some((a) => a.channel === 'voice');
}

export function summarise(sessions: readonly Session[]): Summary {
  let verified = 0;
  let expired = 0;
  let inProgress = 0;
  let attempts = 0;
  let retried = 0;
  let fallback = 0;
  let total = 0n;
  let neverVerified = 0n;
  let unreadable = 0;
  for (const session of sessions) {
    const status = session.status?.trim().toLowerCase();
    if (status === 'verified') verified += 1;
    else if (status === 'expired') expired += 1;
    else if (status === 'in-progress') inProgress += 1;
    attempts += session.attempts.length;
    if (session.attempts.length >= 2) retried += 1;
    if (fellBackToVoice(session)) fallback += 1;
    const charge = chargeOf(session);
    if (charge === null) unreadable += 1;
    else {
      total += charge;
      if (status === 'expired') neverVerified += charge;
    }
  }
  const n = sessions.length;
  return {
    sessions: n,
    verified,
    expired,
    inProgress,
    otherStatus: n - verified - expired - inProgress,
    verifiedShare: ratio(verified, n),
    expiredShare: ratio(expired, n),
    meanAttempts: ratio(attempts, n),
    secondAttemptShare: ratio(retried, n),
    voiceFallbackShare: ratio(fallback, n),
    totalCharge: formatMoney(total),
    neverVerifiedCharge: formatMoney(neverVerified),
    unreadableCharges: unreadable,
  };
}

/** "62.5 %" with one decimal, "—" when there is nothing to divide by. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

/** "1.35" (two decimals), "—" when unknown. */
export function formatMean(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(2);
}
