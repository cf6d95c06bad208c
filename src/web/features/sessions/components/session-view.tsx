import { CHARGE_CURRENCY } from '../../../../contract/money.ts';
import type { SessionDetail } from '../../../../contract/api.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { VerdictBadge } from '../../../components/verdict-badge.tsx';
import type { MaskModule } from '../../../lib/mask-lazy.ts';
import { describeRecipient } from '../../../lib/phone.ts';
import { formatInstant } from '../../../lib/time-format.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import { AttemptTimeline } from './attempt-timeline.tsx';
import { ChargesBreakdown } from './charges-breakdown.tsx';
import { SessionWarnings } from './session-details.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';

type Props = {
  detail: SessionDetail;
  tz: string;
  /** With `mask=1`: the masking functions, applied to every field and the raw JSON. */
  mask: MaskModule | null;
};

/** One session in full: key facts, verdict, timeline, charges and Plivo's raw JSON. */
export function SessionView({ detail, tz, mask }: Props) {
  const zone = useDisplayZone(tz);
  // The verdict reads statuses only, which masking keeps; everything shown is masked.
  const session = mask ? mask.maskSession(detail.session) : detail.session;
  const recipient = mask
    ? { text: session.recipient ?? '—', country: session.country }
    : describeRecipient(session.recipient);
  const raw = JSON.stringify(
    mask ? mask.maskRawJson(detail.raw, detail.session.recipient) : detail.raw,
    null,
    2,
  );
  const facts: [string, string][] = [
    ['Recipient', `${recipient.text}${recipient.country ? ` (${recipient.country})` : ''}`],
    ['Created', `${formatInstant(session.createdAt, zone.zone)} ${zone.label}`],
    ['Last update', `${formatInstant(session.updatedAt, zone.zone)} ${zone.label}`],
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
        <VerdictBadge session={session} />
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
        <h2>Charges ({CHARGE_CURRENCY})</h2>
        <ChargesBreakdown charges={session.charges} />
      </section>
      <section aria-label="Raw JSON">
        <div className="section-head">
          <h2>Raw JSON from Plivo</h2>
          <CopyButton text={raw} label="Copy raw JSON" />
        </div>
        {/* Focusable: a long JSON scrolls, and keyboard users must be able to scroll it. */}
        <pre className="raw-json" tabIndex={0} role="region" aria-label="Raw JSON text">
          {raw}
        </pre>
        <p className="muted">Fetched {detail.fetchedAt.slice(0, 19).replace('T', ' ')} UTC</p>
      </section>
    </article>
  );
}
