import { parseMoney } from '../../contract/money.ts';
import { instantUs } from '../../contract/query-window.ts';
import type { Session } from '../../contract/session.ts';
import { verdictOf } from '../../contract/verdict.ts';
import { type VerdictKind } from '../../contract/verdict-kinds.ts';

/**
 * One session as the index keeps it: the columns its filters and aggregates read, derived
 * once at write time, plus the normalised session itself (what `/api` returns).
 */
export type SessionRow = {
  uuid: string;
  createdUs: number;
  status: string | null;
  channel: string | null;
  country: string | null;
  network: string | null;
  verdict: VerdictKind;
  app: string | null;
  alias: string | null;
  subaccount: string | null;
  /** Attempt brand names and app hashes, unique, joined by "|" (Plivo filters on them). */
  brands: string | null;
  hashes: string | null;
  attempts: number;
  /** "channel:status" of every attempt, comma-joined, for attempts by channel × status. */
  attemptCodes: string;
  /** Digits only, no "+". */
  recipient: string | null;
  /** Total charge in nano-dollars (exact: Plivo's amounts have at most 9 decimals). */
  chargeNanos: number;
  /**
   * Seconds from creation to the last attempt of a verified session. Plivo's payload has no
   * verification time; `updated_at` is the time of the last attempt, i.e. of the code that
   * was entered, so this is "time to the code that worked" — a lower bound of time to verify.
   */
  ttvSeconds: number | null;
  /** Verified or expired: Plivo will not change it again. */
  final: boolean;
  json: string;
};

const joinUnique = (values: (string | null)[]): string | null => {
  const set = [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return set.length ? set.join('|') : null;
};

/** Null when the session has no readable creation time: it cannot be placed in a window. */
export function toSessionRow(session: Session, subaccount: string | null): SessionRow | null {
  const createdUs = session.createdAt ? instantUs(session.createdAt) : null;
  if (createdUs === null) return null;
  const status = session.status?.toLowerCase() ?? null;
  const updatedUs = session.updatedAt ? instantUs(session.updatedAt) : null;
  const charge = parseMoney(session.charges.total ?? session.charges.computedTotal) ?? 0n;
  return {
    uuid: session.sessionUuid.toLowerCase(),
    createdUs,
    status,
    channel: session.channel,
    country: session.country,
    network: session.network,
    verdict: verdictOf(session).kind,
    app: session.appUuid?.toLowerCase() ?? null,
    alias: session.alias,
    subaccount,
    brands: joinUnique(session.attempts.map((a) => a.brandName)),
    hashes: joinUnique(session.attempts.map((a) => a.appHash)),
    attempts: session.attempts.length,
    attemptCodes: session.attempts.map((a) => `${a.channel ?? ''}:${a.status ?? ''}`).join(','),
    recipient: session.recipient ? session.recipient.replace(/\D/g, '') : null,
    chargeNanos: Number(charge),
    ttvSeconds:
      status === 'verified' && updatedUs !== null && updatedUs >= createdUs
        ? (updatedUs - createdUs) / 1e6
        : null,
    final: status === 'verified' || status === 'expired',
    json: JSON.stringify(session),
  };
}

/**
 * A stored row as either engine reads it back (same column names), without its JSON. SQLite
 * stores `final` as 1/0, PostgreSQL as a boolean.
 */
export function rowFromDb(raw: Record<string, unknown>): SessionRow {
  const text = (k: string) => (typeof raw[k] === 'string' ? raw[k] : null);
  return {
    uuid: text('uuid') ?? '',
    createdUs: Number(raw.created_us),
    status: text('status'),
    channel: text('channel'),
    country: text('country'),
    network: text('network'),
    verdict: (text('verdict') ?? 'unknown') as SessionRow['verdict'],
    app: text('app'),
    alias: text('alias'),
    subaccount: text('subaccount'),
    brands: text('brands'),
    hashes: text('hashes'),
    attempts: Number(raw.attempts),
    attemptCodes: text('attempt_codes') ?? '',
    recipient: text('recipient'),
    chargeNanos: Number(raw.charge_nanos),
    ttvSeconds: raw.ttv === null ? null : Number(raw.ttv),
    final: raw.final === true || raw.final === 1,
    json: '',
  };
}
