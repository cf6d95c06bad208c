import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Session } from '../../../../contract/session.ts';
import { VerdictBadge } from '../../../components/verdict-badge.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useIndexStatus } from '../../../lib/index-status.ts';
import { formatInstant } from '../../../lib/time-format.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import { sessionQueries } from '../api/session-queries.ts';
import {
  indexCovers,
  summarise,
  summarySentence,
  surroundingExplorerLink,
  surroundingOf,
} from '../lib/surrounding.ts';
import type { Surrounding } from '../lib/surrounding-query.ts';
import './surrounding-sessions.css';

/** How many of the others are listed; the explorer link shows them all. */
const LISTED = 8;

type Props = { session: Session; tz: string; masked: boolean; level: 2 | 3 };

/**
 * "Was it just this user?": sessions to the same country and network within ±10 minutes,
 * with their verdicts, from the session index. Where the index does not cover that window,
 * a link runs the same query in the explorer instead. No phone numbers are shown.
 */
export function SurroundingSessions({ session, tz, masked, level }: Props) {
  const around = surroundingOf(session);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="surrounding" aria-label="Surrounding sessions">
      <Heading>Surrounding sessions</Heading>
      {around ? (
        <Around around={around} tz={tz} masked={masked} />
      ) : (
        <p className="muted">
          This session has no country or creation time: there is nothing to compare it with.
        </p>
      )}
    </section>
  );
}

function Around({ around, tz, masked }: { around: Surrounding; tz: string; masked: boolean }) {
  const zone = useDisplayZone(tz);
  const status = useIndexStatus();
  const covered = status ? indexCovers(status, around) : false;
  const query = useQuery({ ...sessionQueries.surrounding(around), enabled: covered });
  const link = surroundingExplorerLink(around, { tz, masked });
  const where = around.network ? `${around.country} · ${around.network}` : around.country;
  const explorer = <Link to={link}>Open sessions to {where} within ±10 min in the explorer</Link>;
  if (!status) return <p className="muted">Checking the session index…</p>;
  if (!covered || query.isError) {
    const why =
      query.isError && isApiError(query.error) && query.error.code !== 'not_indexed'
        ? `They could not be loaded (${query.error.message}).`
        : 'The session index does not cover the 20 minutes around this session, so they are not counted here.';
    return (
      <p>
        {why} {explorer}
      </p>
    );
  }
  if (!query.data) return <p className="muted">Loading the sessions around this one…</p>;
  const summary = summarise(around, query.data.sessions, query.data.meta?.total ?? 0);
  return (
    <>
      <p>{summarySentence(around, summary)}</p>
      {summary.others.length ? (
        <ul className="surrounding__list">
          {summary.others.slice(0, LISTED).map((other) => (
            <li key={other.sessionUuid}>
              <Link to={sessionLink(other.sessionUuid, tz, masked)}>
                {formatInstant(other.createdAt, zone.zone)} {zone.label}
              </Link>{' '}
              <VerdictBadge session={other} />
            </li>
          ))}
        </ul>
      ) : null}
      {summary.total > LISTED ? <p>{explorer}</p> : null}
    </>
  );
}

function sessionLink(uuid: string, tz: string, masked: boolean): string {
  const query = new URLSearchParams();
  if (tz !== 'utc') query.set('tz', tz);
  if (masked) query.set('mask', '1');
  return `/sessions/${encodeURIComponent(uuid)}${query.size ? `?${query.toString()}` : ''}`;
}
