import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../../contract/session.ts';
import { diffNewRows } from './live-schedule.ts';

/**
 * The uuids to highlight (render them with `data-new-row`): sessions that appeared since
 * the previous data for the *same* view. `viewKey` identifies the view (e.g. the normalised
 * filters and window); when it changes every row is new, so nothing is highlighted.
 */
export function useNewRows(
  sessions: readonly Pick<Session, 'sessionUuid'>[] | undefined,
  viewKey: string,
): ReadonlySet<string> {
  const previous = useRef<{ key: string; uuids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!sessions) return;
    const before = previous.current?.key === viewKey ? previous.current.uuids : null;
    setFresh(diffNewRows(before, sessions));
    previous.current = { key: viewKey, uuids: new Set(sessions.map((s) => s.sessionUuid)) };
  }, [sessions, viewKey]);
  return fresh;
}
