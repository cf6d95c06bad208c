import type { IndexStatus } from '../../../../contract/index-api.ts';
import type { Session } from '../../../../contract/session.ts';
import { instantToMs } from '../../../../contract/time.ts';
import {
  VERDICT_KIND_LABELS,
  VERDICT_TONE,
  type VerdictKind,
} from '../../../../contract/verdict-kinds.ts';
import { coveredWindow } from '../../../lib/index-status.ts';
import { formatIsoInstant } from '../../../../contract/explorer-view-url.ts';
import { verdictFor } from '../../../lib/session-verdict.ts';
import type { Surrounding } from './surrounding-query.ts';

/**
 * "Was it just this user?": the sessions to the same country and network within ±10 minutes
 * of one session's creation, with their verdicts. Pure, so the query, the explorer link and
 * the sentence are tested by table.
 */
const SURROUNDING_MS = 10 * 60_000;

/** Null when the session has no country or no readable creation time. */
export function surroundingOf(session: Session): Surrounding | null {
  if (!session.country || !session.createdAt) return null;
  const created = instantToMs(session.createdAt);
  if (Number.isNaN(created)) return null;
  // A network with a comma would read as two networks (`network` takes a list).
  const network = session.network && !session.network.includes(',') ? session.network : null;
  return {
    sessionUuid: session.sessionUuid,
    country: session.country,
    network,
    from: Math.floor((created - SURROUNDING_MS) / 1000) * 1000,
    to: Math.ceil((created + SURROUNDING_MS) / 1000) * 1000 + 1000,
  };
}

/** The same query in the explorer (`/?country=…&network=…&from=…&to=…`), keeping tz and mask. */
export function surroundingExplorerLink(s: Surrounding, view: { tz: string; masked: boolean }) {
  const params = new URLSearchParams({ country: s.country });
  if (s.network) params.set('network', s.network);
  params.set('from', formatIsoInstant(s.from));
  params.set('to', formatIsoInstant(s.to));
  if (view.tz !== 'utc') params.set('tz', view.tz);
  if (view.masked) params.set('mask', '1');
  return `/?${params.toString()}`;
}

type VerdictCount = { kind: VerdictKind; label: string; tone: string; count: number };

type SurroundingSummary = {
  /** The others, in the index's order (newest first), this session left out. */
  others: Session[];
  /** All other matching sessions, from the index's exact total. */
  total: number;
  /** Verdicts of `others`, most frequent first. */
  verdicts: VerdictCount[];
};

export function summarise(s: Surrounding, sessions: Session[], total: number): SurroundingSummary {
  const others = sessions.filter((x) => x.sessionUuid !== s.sessionUuid);
  const counts = new Map<VerdictKind, number>();
  for (const other of others) {
    const kind = verdictFor(other).kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const verdicts = [...counts]
    .map(([kind, count]) => ({
      kind,
      label: VERDICT_KIND_LABELS[kind],
      tone: VERDICT_TONE[kind],
      count,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const self = sessions.length - others.length;
  return { others, total: Math.max(0, total - self), verdicts };
}

/** "12 other sessions to IN · AirTel within ±10 min: 11 undelivered on all attempts, 1 …". */
export function summarySentence(s: Surrounding, summary: SurroundingSummary): string {
  const where = s.network ? `${s.country} · ${s.network}` : `${s.country} (any network)`;
  const n = summary.total;
  const head = `${n === 0 ? 'No' : n.toLocaleString('en-US')} other ${n === 1 ? 'session' : 'sessions'} to ${where} within ±10 min`;
  if (n === 0) return `${head}: only this one.`;
  const parts = summary.verdicts.map(
    (v) => `${v.count.toLocaleString('en-US')} ${v.label.toLowerCase()}`,
  );
  const partial =
    summary.others.length < n ? ` (verdicts of the newest ${summary.others.length})` : '';
  return `${head}: ${parts.join(', ')}${partial}.`;
}

/**
 * Whether to ask the index at all: only when its coverage holds the window (a window reaching
 * past the covered end needs a live index). Asking blindly would answer 409 for every page
 * without the index, and the browser logs each as an error.
 */
export function indexCovers(status: IndexStatus, s: Surrounding): boolean {
  if (status.state !== 'live' && status.state !== 'backfilling') return false;
  const window = coveredWindow(status);
  if (!window || s.from < window.from) return false;
  return s.to <= window.to || status.state === 'live';
}
