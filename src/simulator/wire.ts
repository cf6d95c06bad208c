import { formatMoney, parseMoney } from '../contract/money.ts';
import type { PlivoWireAttempt, PlivoWireSession } from '../contract/plivo-wire.ts';
import { NO_VALIDATION_CHARGE, VALIDATION_CHARGE, type World } from './catalog.ts';
import { COUNTRIES } from './countries.ts';
import type { PlannedAttempt, PlannedSession } from './generator.ts';
import { statusAt } from './store.ts';

/**
 * Renders a planned session as Plivo would show it at `nowUs`: only the attempts made by
 * then, receipts only once they arrived, the status of that moment. The list endpoint
 * prints times in India time (+05:30) and retrieve in UTC (Z), as the real API does.
 */
type Zone = 'ist' | 'utc';

const IST_OFFSET_US = 19_800_000_000;
/** What Plivo sends as `updated_at` for a session without attempts (Go's zero time). */
export const GO_ZERO_TIME = '0001-01-01T05:53:28+05:53';

/** RFC 3339 with microseconds, trailing zeros trimmed (`…35.85376+05:30`). */
function formatTime(us: number, zone: Zone): string {
  const shifted = us + (zone === 'ist' ? IST_OFFSET_US : 0);
  const seconds = Math.floor(shifted / 1_000_000);
  const micros = shifted - seconds * 1_000_000;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  const fraction = micros ? `.${String(micros).padStart(6, '0').replace(/0+$/, '')}` : '';
  return `${base}${fraction}${zone === 'ist' ? '+05:30' : 'Z'}`;
}

function attemptStatusAt(attempt: PlannedAttempt, nowUs: number): string {
  if (nowUs >= attempt.readyUs) return attempt.finalStatus;
  const early = nowUs < attempt.timeUs + 1_000_000;
  if (attempt.channel === 'sms') return early ? 'queued' : 'sent';
  return nowUs < attempt.timeUs + 4_000_000 ? 'ringing' : 'in-progress';
}

export function renderSession(
  world: World,
  planned: PlannedSession,
  nowUs: number,
  zone: Zone,
): PlivoWireSession {
  const app = world.apps[planned.app];
  const country = COUNTRIES[planned.country];
  const attempts = planned.attempts.filter((a) => a.timeUs <= nowUs);
  const status = statusAt(planned.verifiedUs, planned.expiresUs, nowUs);
  const validation = status === 'verified' ? VALIDATION_CHARGE : NO_VALIDATION_CHARGE;
  let total = parseMoney(validation) ?? 0n;
  for (const a of attempts) total += parseMoney(a.charge) ?? 0n;
  const last = attempts.at(-1);
  return {
    session_uuid: planned.uuid,
    app_uuid: app?.uuid ?? '',
    alias: app?.alias ?? '',
    recipient: planned.recipient,
    channel: last?.channel ?? 'sms',
    locale: country?.locale ?? 'en',
    status,
    count: attempts.length,
    requestor_ip: planned.requestorIp,
    destination_country_iso2: country?.iso2 ?? '',
    destination_network: country?.carriers[planned.carrier] ?? null,
    attempt_details: attempts.length
      ? attempts.map((a) => renderAttempt(world, planned, a, nowUs, zone))
      : null,
    charges: {
      total_charge: formatMoney(total, 5),
      validation_charge: validation,
      attempt_charges: attempts.length
        ? attempts.map((a) => ({ attempt_uuid: a.uuid, channel: a.channel, charge: a.charge }))
        : null,
    },
    created_at: formatTime(planned.createdUs, zone),
    updated_at: last ? formatTime(last.timeUs, zone) : GO_ZERO_TIME,
  };
}

function renderAttempt(
  world: World,
  planned: PlannedSession,
  attempt: PlannedAttempt,
  nowUs: number,
  zone: Zone,
): PlivoWireAttempt {
  const app = world.apps[planned.app];
  const wire: PlivoWireAttempt = {
    channel: attempt.channel,
    attempt_uuid: attempt.uuid,
    status: attemptStatusAt(attempt, nowUs),
    time: formatTime(attempt.timeUs, zone),
  };
  // Optional fields are omitted rather than null, as the SDKs expect.
  if (app?.brandName) wire.brand_name = app.brandName;
  if (app?.appHash && attempt.channel === 'sms') wire.app_hash = app.appHash;
  if (app) wire.code_length = app.codeLength;
  if (attempt.dtmf !== null) wire.dtmf = attempt.dtmf;
  if (app?.fraudCheck) wire.fraud_check = app.fraudCheck;
  return wire;
}
