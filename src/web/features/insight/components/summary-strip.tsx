import { useId, useMemo } from 'react';
import { CHARGE_CURRENCY } from '../../../../contract/money.ts';
import type { Stats } from '../../../../contract/index-api.ts';
import type { Session } from '../../../../contract/session.ts';
import { summaryFromStats } from '../lib/stats-summary.ts';
import { formatMean, formatShare, summarise, type Summary } from '../lib/summary.ts';

export type SummaryStripProps = {
  /** The rows the numbers describe (after any client-side filters). */
  sessions: readonly Session[];
  /** True once every matching session is loaded (no next page). */
  complete: boolean;
  /** Sessions loaded from the server so far (before client-side filters). */
  loadedCount: number;
  hasMore: boolean;
  /** Exact aggregates from the session index: when set, every number is over all matches. */
  stats?: Stats | null;
  /** With `stats`: how many of those sessions had two or more attempts (a second stats call). */
  retriedSessions?: number | null;
};

type Item = { term: string; value: string; title: string };

function scopeText({ sessions, complete, loadedCount, hasMore, stats }: SummaryStripProps): string {
  if (stats) return `all ${stats.total} sessions — exact, from the session index`;
  const filtered = sessions.length === loadedCount ? '' : `${sessions.length} shown · `;
  if (complete && !hasMore)
    return `${filtered}complete: all ${loadedCount} matching sessions loaded`;
  return `${filtered}of ${loadedCount} loaded${hasMore ? ' — more match, not loaded yet' : ''}`;
}

const NOT_INDEXED = 'Not in the session index’s aggregates, so not counted here.';

function itemsOf(s: Summary, exact: boolean): Item[] {
  const share = (value: number | null, title: string) =>
    exact && value === null ? NOT_INDEXED : title;
  return [
    {
      term: 'Sessions',
      value: String(s.sessions),
      title: exact ? 'Every session matching the filters.' : 'Sessions in the loaded rows.',
    },
    {
      term: 'Verified',
      value: formatShare(s.verifiedShare),
      title: `${s.verified} sessions verified.`,
    },
    {
      term: 'Expired',
      value: formatShare(s.expiredShare),
      title: `${s.expired} sessions expired without a correct code.`,
    },
    {
      term: 'In progress',
      value: String(s.inProgress),
      title: 'Sessions whose code can still be entered.',
    },
    {
      term: 'Mean attempts',
      value: formatMean(s.meanAttempts),
      title: 'Sends per session, on average.',
    },
    {
      term: 'Needed a 2nd attempt',
      value: formatShare(s.secondAttemptShare),
      title: share(s.secondAttemptShare, 'Share of sessions with two or more sends.'),
    },
    {
      term: 'Fell back to voice',
      value: formatShare(s.voiceFallbackShare),
      title: share(s.voiceFallbackShare, 'Share of sessions where a voice call followed an SMS.'),
    },
    {
      term: `Total charge (${CHARGE_CURRENCY})`,
      value: s.totalCharge,
      title: 'Exact sum of the sessions’ charges as Plivo reported them.',
    },
    {
      term: `Spent on never-verified (${CHARGE_CURRENCY})`,
      value: s.neverVerifiedCharge,
      title: 'Charges of sessions that expired without a correct code.',
    },
  ];
}

/**
 * Headline numbers, labelled with how much of the result they cover: every match (from the
 * session index) or the loaded rows.
 */
export function SummaryStrip(props: SummaryStripProps) {
  const titleId = useId();
  const { sessions, stats } = props;
  const retried = props.retriedSessions ?? null;
  const s = useMemo(
    () => (stats ? summaryFromStats(stats, retried) : summarise(sessions)),
    [sessions, stats, retried],
  );
  const items = itemsOf(s, Boolean(stats));
  return (
    <section className="insight-summary" aria-labelledby={titleId}>
      <h2 id={titleId} className="insight-summary__title">
        Summary <span className="insight-summary__scope">{scopeText(props)}</span>
      </h2>
      <dl className="insight-summary__items">
        {items.map((item) => (
          <div key={item.term} className="insight-summary__item" title={item.title}>
            <dt>{item.term}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
      {s.unreadableCharges > 0 && (
        <p className="insight-summary__note" role="note">
          {s.unreadableCharges} session{s.unreadableCharges === 1 ? '' : 's'} with an unreadable
          charge left out of the sums.
        </p>
      )}
    </section>
  );
}
