import { canonicalMoney, formatMoney, parseMoney } from './money.ts';
import type { PlivoSession } from './plivo-wire.ts';
import { isKnownSessionStatus, type Attempt, type Charges, type Session } from './session.ts';
import { normaliseInstant } from './time.ts';

const lower = (value: string | null | undefined): string | null =>
  value ? value.trim().toLowerCase() : null;
const blankToNull = (value: string | null | undefined): string | null =>
  value && value.trim() ? value.trim() : null;

/** Plivo stores numbers as digits without `+`; the dashboard always shows E.164. */
export function normaliseRecipient(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const digits = String(value).replace(/[^\d]/g, '');
  return digits ? `+${digits}` : null;
}

/** Turns one parsed Plivo session into the dashboard's shape, noting inconsistencies. */
export function normaliseSession(raw: PlivoSession): Session {
  const warnings: string[] = [];
  const charges = normaliseCharges(raw, warnings);
  const chargeByUuid = new Map(charges.attempts.map((c) => [c.attemptUuid, c.charge]));
  const attempts: Attempt[] = (raw.attempt_details ?? []).map((a) => {
    const attemptUuid = a.attempt_uuid ?? a.attemp_uuid ?? null;
    return {
      attemptUuid,
      channel: lower(a.channel),
      status: lower(a.status),
      time: normaliseInstant(a.time),
      charge: attemptUuid ? (chargeByUuid.get(attemptUuid) ?? null) : null,
      brandName: blankToNull(a.brand_name),
      appHash: blankToNull(a.app_hash),
      codeLength: a.code_length ?? null,
      dtmf: a.dtmf ?? null,
      fraudCheck: blankToNull(a.fraud_check),
    };
  });
  const status = lower(raw.status);
  if (status && !isKnownSessionStatus(status)) warnings.push(`Unknown session status “${status}”.`);
  if (typeof raw.count === 'number' && raw.count !== attempts.length) {
    warnings.push(`Plivo counts ${raw.count} attempts but lists ${attempts.length}.`);
  }
  const createdAt = normaliseInstant(raw.created_at);
  if (raw.created_at && !createdAt) warnings.push(`Unreadable creation time “${raw.created_at}”.`);
  return {
    sessionUuid: raw.session_uuid,
    appUuid: blankToNull(raw.app_uuid),
    alias: blankToNull(raw.alias),
    recipient: normaliseRecipient(raw.recipient),
    channel: lower(raw.channel),
    locale: blankToNull(raw.locale),
    status,
    attemptCount: raw.count ?? null,
    requestorIp: blankToNull(raw.requestor_ip),
    country: blankToNull(raw.destination_country_iso2)?.toUpperCase() ?? null,
    network: blankToNull(raw.destination_network),
    createdAt,
    updatedAt: normaliseInstant(raw.updated_at),
    attempts,
    charges,
    warnings,
  };
}

function normaliseCharges(raw: PlivoSession, warnings: string[]): Charges {
  const source = raw.charges;
  const attempts = (source?.attempt_charges ?? []).map((c) => {
    const charge = canonicalMoney(c.charge);
    if (c.charge !== null && c.charge !== undefined && charge === null) {
      warnings.push(`Unreadable attempt charge “${String(c.charge)}”.`);
    }
    return {
      attemptUuid: c.attempt_uuid ?? c.attemp_uuid ?? null,
      channel: lower(c.channel),
      charge,
    };
  });
  const validation = canonicalMoney(source?.validation_charge);
  const total = canonicalMoney(source?.total_charge);
  let computed = parseMoney(validation) ?? 0n;
  for (const a of attempts) computed += parseMoney(a.charge) ?? 0n;
  const computedTotal = formatMoney(computed);
  if (!source) warnings.push('Plivo sent no charges for this session.');
  else if (total === null) warnings.push('Plivo sent no readable total charge.');
  else if (total !== computedTotal) {
    warnings.push(`Plivo's total ${total} differs from validation + attempts = ${computedTotal}.`);
  }
  return { total, validation, computedTotal, attempts };
}
