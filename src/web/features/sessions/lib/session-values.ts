import type { Session } from '../../../../contract/session.ts';

/** The last attempt's status, the best single hint of what the recipient experienced. */
export function lastAttemptStatus(session: Session): string | null {
  const last = session.attempts.at(-1);
  return last?.status ?? null;
}

/** The amount shown as "total": Plivo's own, else the exact sum the dashboard computed. */
export function displayTotal(session: Session): string {
  return session.charges.total ?? session.charges.computedTotal;
}

/** Tone of a session or attempt status, used for colour (the text is always shown too). */
export type Tone = 'good' | 'bad' | 'pending' | 'neutral' | 'unknown';

const TONES: Record<string, Tone> = {
  verified: 'good',
  delivered: 'good',
  answer: 'good',
  completed: 'good',
  expired: 'bad',
  undelivered: 'bad',
  failed: 'bad',
  'in-progress': 'pending',
  queued: 'pending',
  ringing: 'pending',
  'early media': 'pending',
  // `sent` is not delivery: it stays neutral, never green.
  sent: 'neutral',
};

export function statusTone(status: string | null): Tone {
  if (!status) return 'unknown';
  return TONES[status] ?? 'unknown';
}
