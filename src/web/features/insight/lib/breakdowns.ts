import {
  SESSION_STATUSES,
  SMS_ATTEMPT_STATUSES,
  VOICE_ATTEMPT_STATUSES,
} from '../../../../contract/session.ts';
import type { Session } from '../../../../contract/session.ts';
import {
  VERDICT_KINDS,
  VERDICT_KIND_LABELS,
  type VerdictKind,
} from '../../../../contract/verdict-kinds.ts';
import { channelKeyOf, countryKeyOf, networkKeyOf, UNKNOWN_SEGMENT } from './segments.ts';
import { verdictFor } from '../../../lib/session-verdict.ts';

export type Slice<K extends string = string> = { key: K; count: number; share: number };

/** Known keys in their fixed order first, then others by count (ties by name), unknown last. */
export function slices<K extends string>(
  counts: Map<K, number>,
  order: readonly string[],
): Slice<K>[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rank = (key: string) => {
    const i = order.indexOf(key);
    if (key === UNKNOWN_SEGMENT) return order.length + 1;
    return i === -1 ? order.length : i;
  };
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y - x || a.localeCompare(b))
    .map(([key, count]) => ({ key, count, share: total === 0 ? 0 : count / total }));
}

function countBy<K extends string>(sessions: readonly Session[], keyOf: (s: Session) => K) {
  const counts = new Map<K, number>();
  for (const s of sessions) {
    const key = keyOf(s);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export const statusKeyOf = (s: Session): string =>
  s.status?.trim().toLowerCase() || UNKNOWN_SEGMENT;

export function statusBreakdown(sessions: readonly Session[]): Slice[] {
  return slices(countBy(sessions, statusKeyOf), SESSION_STATUSES);
}

export function channelBreakdown(sessions: readonly Session[]): Slice[] {
  return slices(countBy(sessions, channelKeyOf), ['sms', 'voice']);
}

export type VerdictSlice = Slice<VerdictKind> & { label: string };

export function verdictBreakdown(sessions: readonly Session[]): VerdictSlice[] {
  return slices(
    countBy(sessions, (s) => verdictFor(s).kind),
    VERDICT_KINDS,
  ).map((slice) => ({
    ...slice,
    label: VERDICT_KIND_LABELS[slice.key],
  }));
}

export type CountrySlice = Slice & { verified: number; verifiedShare: number };

function withVerified(sessions: readonly Session[], keyOf: (s: Session) => string) {
  const verified = countBy(
    sessions.filter((s) => statusKeyOf(s) === 'verified'),
    keyOf,
  );
  return slices(countBy(sessions, keyOf), []).map((slice): CountrySlice => {
    const v = verified.get(slice.key) ?? 0;
    return { ...slice, verified: v, verifiedShare: v / slice.count };
  });
}

/** Countries by session count (unknown last), with each country's verified share. */
export function countryBreakdown(sessions: readonly Session[]): CountrySlice[] {
  return withVerified(sessions, countryKeyOf);
}

/** Carriers (Plivo's destination network) by session count, with their verified share. */
export function networkBreakdown(sessions: readonly Session[]): CountrySlice[] {
  return withVerified(sessions, networkKeyOf);
}

export const ATTEMPT_STATUS_ORDER: readonly string[] = [
  ...SMS_ATTEMPT_STATUSES,
  ...VOICE_ATTEMPT_STATUSES,
];

export type AttemptsByChannel = {
  /** One row per attempt channel; `counts` maps attempt status → attempts. */
  rows: { channel: string; total: number; counts: Record<string, number> }[];
  /** Every attempt status seen, known ones in Plivo's order first. */
  statuses: string[];
};

/** Attempts (not sessions) by channel × attempt status. */
export function attemptsByChannel(sessions: readonly Session[]): AttemptsByChannel {
  const byChannel = new Map<string, Map<string, number>>();
  const statusCounts = new Map<string, number>();
  for (const s of sessions) {
    for (const a of s.attempts) {
      const channel = a.channel ?? UNKNOWN_SEGMENT;
      const status = a.status ?? UNKNOWN_SEGMENT;
      const counts = byChannel.get(channel) ?? new Map<string, number>();
      counts.set(status, (counts.get(status) ?? 0) + 1);
      byChannel.set(channel, counts);
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    }
  }
  const channelTotals = new Map(
    [...byChannel].map(([c, m]) => [c, [...m.values()].reduce((a, b) => a + b, 0)]),
  );
  return {
    rows: slices(channelTotals, ['sms', 'voice']).map(({ key, count }) => ({
      channel: key,
      total: count,
      counts: Object.fromEntries(byChannel.get(key) ?? []),
    })),
    statuses: slices(statusCounts, ATTEMPT_STATUS_ORDER).map((s) => s.key),
  };
}
