import type { SessionsPage } from '../../src/contract/api.ts';
import { parsePlivoSession } from '../../src/contract/parse-plivo.ts';
import type { Session } from '../../src/contract/session.ts';
import { fixtureSessions, syntheticUuid } from './fixtures.ts';

/**
 * `/api/sessions` pages made in the test process, for UI-only measurements at a scale the
 * upstream budget cannot reach (10,000 sessions would take 500 list calls, 25 minutes at
 * 20/min). Sessions are real SDK payloads normalised by the contract, with distinct uuids,
 * recipients and creation times spread back from `endMs`.
 */
export function makeSessions(count: number, endMs: number, spacingMs = 8_000): Session[] {
  const base = fixtureSessions();
  return Array.from({ length: count }, (_, i) => {
    const source = base[i % base.length]!;
    const created = new Date(endMs - (i + 1) * spacingMs).toISOString();
    const parsed = parsePlivoSession({
      ...source,
      session_uuid: syntheticUuid(i, 'c1'),
      recipient: String(919_800_000_000 + i),
      created_at: created,
    });
    if (!parsed.ok) throw new Error(`fixture session ${i} does not parse: ${parsed.message}`);
    return parsed.value;
  });
}

/** One page as the dashboard server would answer it. */
export function pageOf(
  sessions: readonly Session[],
  offset: number,
  limit: number,
  fetchedAt = new Date().toISOString(),
): SessionsPage {
  const slice = sessions.slice(offset, offset + limit);
  return {
    sessions: slice,
    page: {
      limit,
      offset,
      nextOffset: offset + limit < sessions.length ? offset + limit : null,
    },
    problems: [],
    fetchedAt,
  };
}
