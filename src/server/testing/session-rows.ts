import type { SessionRow } from '../index/session-row.ts';

/** An index row with plain defaults, for store and query tests. */
export function makeRow(overrides: Partial<SessionRow> & { uuid: string }): SessionRow {
  return {
    createdUs: 1_700_000_000_000_000,
    status: 'verified',
    channel: 'sms',
    country: 'IN',
    network: 'AirTel',
    verdict: 'verified_first',
    app: null,
    alias: null,
    subaccount: null,
    brands: null,
    hashes: null,
    attempts: 1,
    attemptCodes: 'sms:delivered',
    recipient: '918681951370',
    chargeNanos: 5_000_000,
    ttvSeconds: 20,
    final: true,
    json: JSON.stringify({ sessionUuid: overrides.uuid }),
    ...overrides,
  };
}
