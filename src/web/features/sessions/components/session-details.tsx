import { Link } from 'react-router';
import { CHARGE_CURRENCY } from '../../../../contract/money.ts';
import type { Session } from '../../../../contract/session.ts';
import { displayTotal } from '../lib/session-values.ts';
import { AttemptTimeline } from './attempt-timeline.tsx';
import { ChargesBreakdown } from './charges-breakdown.tsx';
import { SurroundingSessions } from './surrounding-sessions.tsx';
import { verdictFor } from '../../../lib/session-verdict.ts';

/** Plivo inconsistencies found while reading the session, in words. */
export function SessionWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="warnings" role="note" aria-label="Data warnings">
      <strong>Plivo data warnings</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** The in-place expansion of a table row: timeline, charges, warnings, link to the page. */
export function SessionDetails({
  session,
  tz,
  masked,
  backSearch,
}: {
  session: Session;
  tz: string;
  masked: boolean;
  backSearch: string;
}) {
  const query = new URLSearchParams();
  if (tz !== 'utc') query.set('tz', tz);
  if (masked) query.set('mask', '1');
  const search = query.size ? `?${query}` : '';
  return (
    <div className="session-details">
      <dl className="session-details-facts" aria-label="Session facts">
        <dt>Verdict</dt>
        <dd>{verdictFor(session).detail}</dd>
        <dt>Network</dt>
        <dd>{session.network ?? '—'}</dd>
        <dt>App alias</dt>
        <dd>{session.alias ?? '—'}</dd>
        <dt>Total charge ({CHARGE_CURRENCY})</dt>
        <dd className="money">{displayTotal(session)}</dd>
        <dt>Session UUID</dt>
        <dd>
          <code>{session.sessionUuid}</code>
        </dd>
      </dl>
      <section aria-label="Attempts">
        <h3>Attempts</h3>
        <AttemptTimeline attempts={session.attempts} tz={tz} />
      </section>
      <section aria-label="Charges">
        <h3>Charges ({CHARGE_CURRENCY})</h3>
        <ChargesBreakdown charges={session.charges} />
      </section>
      <div className="session-details-side">
        <SessionWarnings warnings={session.warnings} />
        <Link
          to={`/sessions/${encodeURIComponent(session.sessionUuid)}${search}`}
          state={{ backSearch }}
        >
          Open session page
        </Link>
      </div>
      <SurroundingSessions session={session} tz={tz} masked={masked} level={3} />
    </div>
  );
}
