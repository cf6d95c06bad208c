import { Link } from 'react-router';
import type { Session } from '../../../../contract/session.ts';
import { AttemptTimeline } from './attempt-timeline.tsx';
import { ChargesBreakdown } from './charges-breakdown.tsx';
import { SurroundingSessions } from './surrounding-sessions.tsx';

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
      <section aria-label="Attempts">
        <h3>Attempts</h3>
        <AttemptTimeline attempts={session.attempts} tz={tz} />
      </section>
      <section aria-label="Charges">
        <h3>Charges</h3>
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
