import type { Session } from '../../../../contract/session.ts';
import type { VerdictKind } from '../../../../contract/verdict-kinds.ts';

/**
 * The keys a chart segment stands for, and the server filter a click on it sets. The charts
 * and the server must agree on what a segment means: channel is the last attempt's channel,
 * network is Plivo's destination network, as the session index keys them.
 */
export const UNKNOWN_SEGMENT = 'unknown';

/** The channel of the session's last attempt (what Plivo's `channel` field reports). */
export function channelKeyOf(session: Session): string {
  return session.channel ?? session.attempts.at(-1)?.channel ?? UNKNOWN_SEGMENT;
}

export function countryKeyOf(session: Session): string {
  return session.country ?? UNKNOWN_SEGMENT;
}

export function networkKeyOf(session: Session): string {
  return session.network?.trim() || UNKNOWN_SEGMENT;
}

export type Segment =
  { channel: string } | { country: string } | { network: string } | { verdict: VerdictKind };

/** The URL filter and value a clicked segment sets (all of them server filters). */
export function segmentParam(
  segment: Segment,
): [param: 'channel' | 'country' | 'network' | 'verdict', value: string] {
  if ('channel' in segment) return ['channel', segment.channel];
  if ('country' in segment) return ['country', segment.country.toUpperCase()];
  if ('network' in segment) return ['network', segment.network];
  return ['verdict', segment.verdict];
}

/** "unknown" is no value a server filter can ask for: such a segment is not clickable. */
export function isFilterableSegment(key: string): boolean {
  return key !== UNKNOWN_SEGMENT && key.trim() !== '';
}
