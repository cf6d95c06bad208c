import type { Attempt } from '../../../../contract/session.ts';
import { formatGap, formatInstant } from '../../../lib/time-format.ts';
import { useDisplayZone } from '../../../lib/viewer-zone.ts';
import { StatusBadge } from '../../../components/status-badge.tsx';

function optionalFacts(attempt: Attempt): string[] {
  const facts: string[] = [];
  if (attempt.brandName) facts.push(`brand ${attempt.brandName}`);
  if (attempt.appHash) facts.push(`app hash ${attempt.appHash}`);
  if (attempt.codeLength !== null) facts.push(`${attempt.codeLength}-digit code`);
  if (attempt.dtmf !== null) facts.push(`DTMF ${attempt.dtmf}`);
  if (attempt.fraudCheck) facts.push(`fraud check ${attempt.fraudCheck}`);
  return facts;
}

/** Every attempt in order, with the gap since the previous one (fallbacks show as gaps). */
export function AttemptTimeline({ attempts, tz }: { attempts: Attempt[]; tz: string }) {
  const zone = useDisplayZone(tz);
  if (attempts.length === 0) {
    return <p className="muted">No attempts were made in this session.</p>;
  }
  return (
    <ol className="timeline" aria-label="Attempt timeline">
      {attempts.map((attempt, index) => {
        const previous = index > 0 ? attempts[index - 1] : undefined;
        const gap = previous?.time && attempt.time ? formatGap(previous.time, attempt.time) : null;
        const facts = optionalFacts(attempt);
        return (
          <li key={attempt.attemptUuid ?? index} className="timeline-item">
            <div className="timeline-head">
              <strong>
                Attempt {index + 1} · {attempt.channel ?? 'unknown channel'}
              </strong>
              <StatusBadge status={attempt.status} />
            </div>
            <div className="timeline-meta">
              <time dateTime={attempt.time ?? undefined}>
                {formatInstant(attempt.time, zone.zone)} {zone.label}
              </time>
              {gap ? (
                <span>
                  {' '}
                  · {gap} after attempt {index}
                </span>
              ) : null}
              <span> · charge {attempt.charge ?? '—'}</span>
            </div>
            {facts.length ? <div className="timeline-facts muted">{facts.join(' · ')}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
