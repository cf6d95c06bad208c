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
