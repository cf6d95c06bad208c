import type { Attempt, Session } from './session.ts';
import { VERDICT_KIND_LABELS, type VerdictKind } from './verdict-kinds.ts';

/**
 * A plain-words verdict of what happened to one session, derived only from its status and
 * attempts. Plivo's `sent` means "handed to the carrier", never "delivered", and a voice call
 * counts as reaching the user only when it was answered (`answer`) or ran to `completed`.
 *
 * `label` is the kind's one name (VERDICT_KIND_LABELS), the same in rows, charts, filters and
 * reports; `detail` says it for this session ("Verified on 2nd attempt (voice fallback)").
 */
export type Verdict = { kind: VerdictKind; label: string; detail: string; explanation: string };

type Drawn = Omit<Verdict, 'detail'>;

/** What one attempt achieved, from its status alone (SMS and voice statuses never overlap). */
export type Outcome =
  'reached' | 'sent' | 'ringing' | 'queued' | 'undelivered' | 'failed' | 'unknown';

const OUTCOME_BY_STATUS: Record<string, Outcome> = {
  delivered: 'reached',
  answer: 'reached',
  answered: 'reached',
  completed: 'reached',
  sent: 'sent',
  'early media': 'ringing',
  ringing: 'ringing',
  'in progress': 'ringing',
  queued: 'queued',
  undelivered: 'undelivered',
  failed: 'failed',
};

/** Best outcome first: the session's verdict is decided by the furthest any attempt got. */
const OUTCOME_RANK: readonly Outcome[] = [
  'reached',
  'sent',
  'ringing',
  'queued',
  'undelivered',
  'failed',
  'unknown',
];

function outcomeOf(attempt: Attempt): Outcome {
  return attemptOutcome(attempt.status);
}

/** What an attempt with this status achieved (shared with the index's "what changed"). */
export function attemptOutcome(status: string | null | undefined): Outcome {
  // Plivo's spelling varies ("early media", "in-progress", "ANSWER"); compare loosely.
  const key = (status ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return OUTCOME_BY_STATUS[key] ?? 'unknown';
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const channelName = (channel: string | null | undefined): string =>
  channel === 'sms' ? 'SMS' : channel === 'voice' ? 'voice' : (channel ?? 'unknown channel');

const describeStatuses = (attempts: readonly Attempt[]): string =>
  attempts
    .map((a) => `${channelName(a.channel)} ${a.status ? `“${a.status}”` : 'without a status'}`)
    .join(', ');

export function verdictOf(session: Session): Verdict {
  const drawn = drawVerdict(session);
  return { ...drawn, label: VERDICT_KIND_LABELS[drawn.kind], detail: drawn.label };
}

function drawVerdict(session: Session): Drawn {
  const status = session.status?.trim().toLowerCase() ?? null;
  const attempts = session.attempts;
  if (status === 'verified') return verifiedVerdict(attempts);
  if (status === 'in-progress') return inProgressVerdict(attempts);
  if (status === 'expired') return expiredVerdict(attempts);
  return {
    kind: 'unknown',
    label: status ? `Unknown status “${status}”` : 'Status unknown',
    explanation: status
      ? `Plivo reported the status “${status}”, which the dashboard does not know, so no verdict is drawn.`
      : 'Plivo sent no status for this session, so no verdict is drawn.',
  };
}

function verifiedVerdict(attempts: readonly Attempt[]): Drawn {
  const n = attempts.length;
  if (n === 0) {
    return {
      kind: 'verified_no_attempts',
      label: 'Verified',
      explanation: 'The session is verified, but Plivo lists no attempts for it.',
    };
  }
  const first = attempts[0]?.channel ?? null;
  const last = attempts[n - 1]?.channel ?? null;
  if (n === 1) {
    return {
      kind: 'verified_first',
      label: 'Verified on 1st attempt',
      explanation: `The code sent by ${channelName(last)} was entered correctly; no resend was needed.`,
    };
  }
  const counted = `The session is verified after ${n} attempts: the user entered a correct code after the ${ordinal(n)} send.`;
  if (first && last && first !== last) {
    return {
      kind: 'verified_fallback',
      label: `Verified on ${ordinal(n)} attempt (${channelName(last)} fallback)`,
      explanation: `${counted} The first attempt went by ${channelName(first)} and the last by ${channelName(last)}, so it fell back to ${channelName(last)}.`,
    };
  }
  return {
    kind: 'verified_retry',
    label: `Verified on ${ordinal(n)} attempt`,
    explanation: `${counted} ${sameChannel(attempts)}`,
  };
}

function sameChannel(attempts: readonly Attempt[]): string {
  const channels = [...new Set(attempts.map((a) => channelName(a.channel)))];
  return channels.length === 1
    ? `Every attempt went by ${channels[0] ?? 'one channel'}.`
    : `The attempts went by ${channels.join(', ')}, ending where they started.`;
}

function inProgressVerdict(attempts: readonly Attempt[]): Drawn {
  const last = attempts.at(-1);
  return {
    kind: 'in_progress',
    label: 'Still in progress',
    explanation: last
      ? `Plivo still reports the session in progress: the code can still be entered. Last attempt: ${describeStatuses([last])}.`
      : 'Plivo still reports the session in progress and no attempt has been sent yet.',
  };
}

function expiredVerdict(attempts: readonly Attempt[]): Drawn {
  if (attempts.length === 0) {
    return {
      kind: 'expired_no_attempts',
      label: 'Expired, nothing sent',
      explanation: 'The session expired and Plivo lists no attempt: no code was ever sent.',
    };
  }
  const outcomes = new Set(attempts.map(outcomeOf));
  const best = OUTCOME_RANK.find((o) => outcomes.has(o)) ?? 'unknown';
  const seen = `Attempts: ${describeStatuses(attempts)}.`;
  const many = attempts.length > 1;
  return EXPIRED_VERDICTS[best](seen, many);
}

const expired = 'The session expired without a correct code.';
const EXPIRED_VERDICTS: Record<Outcome, (seen: string, many: boolean) => Drawn> = {
  reached: (seen) => ({
    kind: 'delivered_not_verified',
    label: 'Delivered, never verified',
    explanation: `${expired} At least one code reached the user (an SMS marked “delivered”, or a call that was answered or completed). ${seen}`,
  }),
  sent: (seen) => ({
    kind: 'sent_no_receipt',
    label: 'Sent — no delivery receipt',
    explanation: `${expired} The best any SMS got was “sent”: handed to the carrier with no delivery receipt, which is not proof of delivery. ${seen}`,
  }),
  ringing: (seen) => ({
    kind: 'call_not_answered',
    label: 'Call never answered',
    explanation: `${expired} The voice call never connected (ringing, early media or in progress only), and no SMS went further. ${seen}`,
  }),
  queued: (seen) => ({
    kind: 'queued_not_sent',
    label: 'Queued, never sent',
    explanation: `${expired} The best any attempt got was “queued”: it never left Plivo. ${seen}`,
  }),
  undelivered: (seen, many) => ({
    kind: 'undelivered_all',
    label: many ? 'Undelivered on all attempts' : 'Undelivered',
    explanation: `${expired} The carrier reported every SMS undelivered (or it failed before sending). ${seen}`,
  }),
  failed: (seen, many) => ({
    kind: 'failed_to_send',
    label: many ? 'Failed to send (all attempts)' : 'Failed to send',
    explanation: `${expired} Plivo could not send any attempt (status “failed”). ${seen}`,
  }),
  unknown: (seen) => ({
    kind: 'unknown',
    label: 'Expired, attempt outcome unknown',
    explanation: `${expired} No attempt has a status the dashboard knows. ${seen}`,
  }),
};
