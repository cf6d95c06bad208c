import type { Session } from '../../contract/session.ts';
import { verdictOf, type Verdict } from '../../contract/verdict.ts';

// Sessions are immutable once parsed, and the browser asks for the same session's verdict
// many times: its table cell and badge at every scroll past it, each chart and summary each
// time a page lands. Kept per session object, so it is dropped with the page of data.
const verdicts = new WeakMap<Session, Verdict>();

/** `verdictOf`, computed once per session object. */
export function verdictFor(session: Session): Verdict {
  let verdict = verdicts.get(session);
  if (!verdict) {
    verdict = verdictOf(session);
    verdicts.set(session, verdict);
  }
  return verdict;
}
