import { TEST_AUTH_ID } from './harness.ts';

/** Small Plivo-shaped payloads for the proxy's tests (the real SDK ones are in e2e/fixtures). */
export const UUID = '4124e518-a8c9-4feb-8cff-d86636ba9234';
export const session = (uuid: string, recipient = '918996280998') => ({
  session_uuid: uuid,
  app_uuid: 'eff1854e-2682-4222-a5c0-b1a16d9bb4aa',
  alias: 'Test',
  recipient,
  channel: 'sms',
  status: 'verified',
  count: 0,
  attempt_details: null,
  charges: { total_charge: '0', validation_charge: '0.0000', attempt_charges: null },
  created_at: '2023-06-30T12:12:03.187679+05:30',
  updated_at: '2023-06-30T12:12:03.187679+05:30',
});
export const listOf = (...uuids: string[]) => ({
  api_id: 'a',
  meta: {
    limit: 20,
    offset: 0,
    next: `/v1/Account/${TEST_AUTH_ID}/Verify/Session/?limit=20&offset=20`,
    previous: null,
  },
  sessions: uuids.map((u) => session(u)),
});
