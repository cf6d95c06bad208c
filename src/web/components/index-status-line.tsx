import { useEffect, useState } from 'react';
import { coverageSentence, useIndexStatus } from '../lib/index-status.ts';
import { useServerFacts } from '../lib/server-facts.ts';

const TICK_MS = 5_000;

/** A clock for "as of 12 s ago" that moves between the status's own refetches. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * One quiet line saying how much of the account the session index covers: what can be
 * answered at once and exactly. Nothing when the index is off or the server has none; an
 * empty line of the same height until the server says, so the table below does not move.
 */
export function IndexStatusLine() {
  const status = useIndexStatus();
  const now = useNow();
  // Not known yet: a line's room, if the page was rendered by a server that keeps an index.
  const indexed = useServerFacts()?.indexed ?? false;
  if (status === undefined) {
    return indexed ? <p className="index-status muted" aria-hidden="true" /> : null;
  }
  const sentence = coverageSentence(status, now);
  if (!sentence) return null;
  return (
    <p className="index-status muted" data-state={status?.state}>
      {sentence}
    </p>
  );
}
