import type { Attempt, Session } from '../../contract/session.ts';

/** Test helper: a normalised session with every field defaulted, overridable per test. */
export function makeAttempt(
  channel: string | null,
  status: string | null,
  charge?: string,
): Attempt {
  return {
    attemptUuid: null,
    channel,
    status,
    time: null,
    charge: charge ?? null,
    brandName: null,
    appHash: null,
    codeLength: null,
    dtmf: null,
    fraudCheck: null,
  };
}

let counter = 0;

export function makeSession(overrides: Partial<Session> = {}): Session {
  counter += 1;
  const attempts = overrides.attempts ?? [];
  return {
    sessionUuid: `00000000-0000-0000-0000-${String(counter).padStart(12, '0')}`,
    appUuid: null,
    alias: null,
    recipient: '+14155550100',
    channel: attempts.at(-1)?.channel ?? null,
    locale: null,
    status: 'verified',
    attemptCount: attempts.length,
    requestorIp: null,
    country: null,
    network: null,
    createdAt: '2026-11-27T10:00:00.000000Z',
    updatedAt: null,
    attempts,
    charges: { total: '0', validation: '0', computedTotal: '0', attempts: [] },
    warnings: [],
    ...overrides,
  };
}

/** The charges block of a session whose total is `total`. */
export const charged = (
  total: string | null,
  computedTotal = total ?? '0',
): Session['charges'] => ({
  total,
  validation: '0',
  computedTotal,
  attempts: [],
});
