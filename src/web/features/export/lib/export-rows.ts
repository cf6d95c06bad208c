import type { Session } from '../../../../contract/session.ts';
import { maskSession, maskText } from '../../../../contract/mask.ts';
import { formatInstantInZone } from '../../../lib/time-format.ts';

export type Granularity = 'session' | 'attempt';
export type ExportFormat = 'csv' | 'json';
export type Cell = string | number | null;
type ExportRow = Record<string, Cell>;
export type ExportTable = { columns: readonly string[]; rows: ExportRow[] };

type ExportRowOptions = {
  /** IANA zone every time is rendered in; also written to each row's `time_zone` column. */
  timeZone: string;
  masked: boolean;
  /** The explorer's plain-words verdict; the column is left out when not given. */
  verdictOf?: (session: Session) => string;
};

const SESSION_COLUMNS = [
  'session_uuid',
  'created_at',
  'updated_at',
  'time_zone',
  'status',
  'verdict',
  'recipient',
  'country',
  'channel',
  'attempt_count',
  'network',
  'alias',
  'app_uuid',
  'locale',
  'requestor_ip',
  'charge_total',
  'charge_computed',
  'warnings',
] as const;

const ATTEMPT_COLUMNS = [
  'session_uuid',
  'attempt_number',
  'attempt_uuid',
  'attempt_time',
  'time_zone',
  'attempt_channel',
  'attempt_status',
  'attempt_charge',
  'session_status',
  'verdict',
  'recipient',
  'country',
  'session_created_at',
  'brand_name',
  'app_hash',
] as const;

function columnsFor(all: readonly string[], options: ExportRowOptions): string[] {
  return all.filter((c) => c !== 'verdict' || options.verdictOf);
}

function prepare(sessions: readonly Session[], options: ExportRowOptions): Session[] {
  return options.masked ? sessions.map(maskSession) : [...sessions];
}

/** The verdict is derived from the real session; its words are scrubbed like any text. */
function verdictCell(session: Session, options: ExportRowOptions): string | null {
  const verdict = options.verdictOf?.(session) ?? null;
  return verdict !== null && options.masked ? maskText(verdict) : verdict;
}

/** One row per session. Masking happens here, so no caller can forget it. */
export function sessionTable(sessions: readonly Session[], options: ExportRowOptions): ExportTable {
  const zone = options.timeZone;
  const rows = prepare(sessions, options).map((s, i) => ({
    session_uuid: s.sessionUuid,
    created_at: formatInstantInZone(s.createdAt, zone),
    updated_at: formatInstantInZone(s.updatedAt, zone),
    time_zone: zone,
    status: s.status,
    verdict: verdictCell(sessions[i]!, options),
    recipient: s.recipient,
    country: s.country,
    channel: s.channel,
    attempt_count: s.attemptCount ?? s.attempts.length,
    network: s.network,
    alias: s.alias,
    app_uuid: s.appUuid,
    locale: s.locale,
    requestor_ip: s.requestorIp,
    charge_total: s.charges.total,
    charge_computed: s.charges.computedTotal,
    warnings: s.warnings.join('; ') || null,
  }));
  return { columns: columnsFor(SESSION_COLUMNS, options), rows };
}

/**
 * One row per attempt. A session with no attempt yet still gets one row (attempt columns
 * empty), so switching granularity never makes a session disappear from the file.
 */
export function attemptTable(sessions: readonly Session[], options: ExportRowOptions): ExportTable {
  const zone = options.timeZone;
  const rows = prepare(sessions, options).flatMap((s, i) => {
    const shared = {
      session_status: s.status,
      verdict: verdictCell(sessions[i]!, options),
      recipient: s.recipient,
      country: s.country,
      session_created_at: formatInstantInZone(s.createdAt, zone),
      time_zone: zone,
    };
    const attempts = s.attempts.length ? s.attempts : [null];
    return attempts.map((a, n) => ({
      session_uuid: s.sessionUuid,
      attempt_number: a ? n + 1 : null,
      attempt_uuid: a?.attemptUuid ?? null,
      attempt_time: formatInstantInZone(a?.time ?? null, zone),
      attempt_channel: a?.channel ?? null,
      attempt_status: a?.status ?? null,
      attempt_charge: a?.charge ?? null,
      brand_name: a?.brandName ?? null,
      app_hash: a?.appHash ?? null,
      ...shared,
    }));
  });
  return { columns: columnsFor(ATTEMPT_COLUMNS, options), rows };
}

export function exportTable(
  sessions: readonly Session[],
  granularity: Granularity,
  options: ExportRowOptions,
): ExportTable {
  return granularity === 'session'
    ? sessionTable(sessions, options)
    : attemptTable(sessions, options);
}
