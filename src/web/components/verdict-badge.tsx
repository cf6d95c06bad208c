import type { Session } from '../../contract/session.ts';
import { verdictColour } from '../lib/palette.ts';
import { VERDICT_TONE } from '../../contract/verdict-kinds.ts';
import { verdictFor } from '../lib/session-verdict.ts';

/** The session's verdict in words, its rule on hover; the colour only repeats the words. */
export function VerdictBadge({ session }: { session: Session }) {
  const verdict = verdictFor(session);
  // The badge shows the verdict's one name; this session's particulars come with its rule.
  const said =
    verdict.detail === verdict.label
      ? verdict.explanation
      : `${verdict.detail}. ${verdict.explanation}`;
  return (
    <span
      className={`verdict-badge verdict-badge--${VERDICT_TONE[verdict.kind]}`}
      title={said}
      data-verdict={verdict.kind}
    >
      <span
        className="verdict-badge__swatch"
        style={{ background: verdictColour(verdict.kind) }}
        aria-hidden="true"
      />
      {verdict.label}
      <span className="visually-hidden">. {said}</span>
    </span>
  );
}
