import type { Session } from '../../../../contract/session.ts';
import { isVerdictKind, verdictOf, type VerdictKind } from '../../../../contract/verdict.ts';

/**
 * Client-side filters over loaded rows (`f_channel`, `f_country`, `f_verdict` in the URL).
 * Charts and the table must agree on what a segment means, so both use these keys.
 */
export const UNKNOWN_SEGMENT = 'unknown';

/** The channel of the session's last attempt (what Plivo's `channel` field reports). */
export function channelKeyOf(session: Session): string {
  return session.channel ?? session.attempts.at(-1)?.channel ?? UNKNOWN_SEGMENT;
}

export function countryKeyOf(session: Session): string {
  return session.country ?? UNKNOWN_SEGMENT;
}

export type Segment = { channel: string } | { country: string } | { verdict: VerdictKind };

export type ClientFilters = { channel?: string; country?: string; verdict?: string };

export const SEGMENT_PARAMS = {
  channel: 'f_channel',
  country: 'f_country',
  verdict: 'f_verdict',
} as const;

/** The URL parameter and value a clicked segment sets. */
export function segmentParam(segment: Segment): [param: string, value: string] {
  if ('channel' in segment) return [SEGMENT_PARAMS.channel, segment.channel];
  if ('country' in segment) return [SEGMENT_PARAMS.country, segment.country];
  return [SEGMENT_PARAMS.verdict, segment.verdict];
}

/** Reads the client filters from URL parameters; an unknown verdict is reported, not applied. */
export function readClientFilters(params: URLSearchParams): {
  filters: ClientFilters;
  problems: string[];
} {
  const filters: ClientFilters = {};
  const problems: string[] = [];
  const channel = params.get(SEGMENT_PARAMS.channel)?.trim().toLowerCase();
  const country = params.get(SEGMENT_PARAMS.country)?.trim();
  const verdict = params.get(SEGMENT_PARAMS.verdict)?.trim();
  if (channel) filters.channel = channel;
  if (country) filters.country = country === UNKNOWN_SEGMENT ? country : country.toUpperCase();
  if (verdict && isVerdictKind(verdict)) filters.verdict = verdict;
  else if (verdict) problems.push(`Unknown verdict “${verdict}” in f_verdict; ignored.`);
  return { filters, problems };
}

export function matchesClientFilters(session: Session, filters: ClientFilters): boolean {
  if (filters.channel && channelKeyOf(session) !== filters.channel) return false;
  if (filters.country && countryKeyOf(session) !== filters.country) return false;
  if (filters.verdict && verdictOf(session).kind !== filters.verdict) return false;
  return true;
}

export function filterLoadedRows(
  sessions: readonly Session[],
  filters: ClientFilters,
): readonly Session[] {
  if (!filters.channel && !filters.country && !filters.verdict) return sessions;
  return sessions.filter((s) => matchesClientFilters(s, filters));
}
