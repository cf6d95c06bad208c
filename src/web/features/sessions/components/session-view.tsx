import type { SessionDetail } from '../../../../contract/api.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { describeRecipient } from '../../../lib/phone.ts';
import { formatInstant, zoneLabel } from '../../../lib/time-format.ts';
import { AttemptTimeline } from './attempt-timeline.tsx';
import { ChargesBreakdown } from './charges-breakdown.tsx';
import { SessionWarnings } from './session-details.tsx';
import { StatusBadge } from './status-badge.tsx';

/** One session in full: key facts, timeline, charges and Plivo's raw JSON. */
export function SessionView({ detail, tz }: { detail: SessionDetail; tz: string }) {
  const { session } = detail;
  const recipient = describeRecipient(session.recipient);
  const raw = JSON.stringify(detail.raw, null, 2);
  const facts: [string, string][] = [
    ['Recipient', `${recipient.text}${recipient.country ? ` (${recipient.country})` : ''}`],
    ['Created', `${formatInstant(session.createdAt, tz)} ${zoneLabel(tz)}`],
    ['Last update', `${formatInstant(session.updatedAt, tz)} ${zoneLabel(tz)}`],
    ['Channel', session.channel ?? '—'],
    ['Attempts', String(session.attemptCount ?? session.attempts.length)],
    ['Country', session.country ?? '—'],
    ['Network', session.network ?? '—'],
    ['App alias', session.alias ?? '—'],
    ['App UUID', session.appUuid ?? '—'],
    ['Locale', session.locale ?? '—'],
    ['Requestor IP', session.requestorIp ?? '—'],
  ];
  return (
    <article className="session-view">
      <header className="session-header">
        <h1>
          Session <code>{session.sessionUuid}</code>
        </h1>
        <StatusBadge status={session.status} />
        <CopyButton text={session.sessionUuid} label="Copy session UUID" />
      </header>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <SessionWarnings warnings={session.warnings} />
      <section aria-label="Attempts">
        <h2>Attempts</h2>
        <AttemptTimeline attempts={session.attempts} tz={tz} />
      </section>
      <section aria-label="Charges">
        <h2>Charges</h2>
        <ChargesBreakdown charges={session.charges} />
      </section>
      <section aria-label="Raw JSON">
        <div className="section-head">
          <h2>Raw JSON from Plivo</h2>
          <CopyButton text={raw} label="Copy raw JSON" />
        </div>
        <pre className="raw-json">{raw}</pre>
        <p className="muted">Fetched {detail.fetchedAt.slice(0, 19).replace('T', ' ')} UTC</p>
      </section>
    </article>
  );
}
