import type { Session } from '../../../../contract/session.ts';
import { VERDICT_KINDS, type VerdictKind } from '../../../../contract/verdict-kinds.ts';
import {
  attemptsByChannel,
  channelBreakdown,
  countryBreakdown,
  networkBreakdown,
  statusBreakdown,
  verdictBreakdown,
  type AttemptsByChannel,
  type CountrySlice,
  type Slice,
  type VerdictSlice,
} from './breakdowns.ts';
import type { TimeWindow } from './time-buckets.ts';
import { sessionsOverTime, type SessionsOverTime } from './time-series.ts';
import { verdictFor } from '../../../lib/session-verdict.ts';

/**
 * Everything the charts draw, already counted: from the loaded rows (outside the index's
 * coverage) or from `/api/stats` (every matching session). The chart components only map
 * this to markup, so both sources draw the same way.
 */
export type InsightData = {
  series: SessionsOverTime;
  status: Slice[];
  channel: Slice[];
  attempts: AttemptsByChannel;
  verdict: VerdictSlice[];
  country: CountrySlice[];
  network: CountrySlice[];
  /** One example explanation per verdict kind, for the hover text (from loaded rows). */
  explanations: Partial<Record<VerdictKind, string>>;
};

export function verdictExplanations(
  sessions: readonly Session[],
): Partial<Record<VerdictKind, string>> {
  const found: Partial<Record<VerdictKind, string>> = {};
  for (const s of sessions) {
    const v = verdictFor(s);
    found[v.kind] ??= v.explanation;
    if (Object.keys(found).length === VERDICT_KINDS.length) break;
  }
  return found;
}

export function insightFromSessions(
  sessions: readonly Session[],
  window: TimeWindow,
  zone: string,
): InsightData {
  return {
    series: sessionsOverTime(sessions, window, zone),
    status: statusBreakdown(sessions),
    channel: channelBreakdown(sessions),
    attempts: attemptsByChannel(sessions),
    verdict: verdictBreakdown(sessions),
    country: countryBreakdown(sessions),
    network: networkBreakdown(sessions),
    explanations: verdictExplanations(sessions),
  };
}
