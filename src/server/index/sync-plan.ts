import { DAY_US, PLIVO_HORIZON_DAYS } from '../../contract/query-window.ts';

/**
 * What the sync loop reads next, decided from its saved state alone (pure, so restarts and
 * tests see the same plan). Windows are half-open [fromUs, toUs) in microseconds and read
 * page by page with an offset: a window ending in the past never gains sessions, so the
 * offsets stay valid between pages.
 *
 * - head: [coveredTo − overlap (or the oldest session still in progress), now): new
 *   sessions, and re-reads of recent ones until their code's validity has run out;
 * - backfill: [coveredFrom − chunk, coveredFrom): newest first, back to Plivo's horizon.
 */
export type SyncWindow = {
  kind: 'head' | 'backfill';
  fromUs: number;
  toUs: number;
  offset: number;
};

export type SyncState = {
  /** Every session created in [coveredFromUs, coveredToUs) has been stored. */
  coveredFromUs: number | null;
  coveredToUs: number | null;
  /** The end of the newest completed head pass: "as of". */
  asOfUs: number | null;
  /** The window being read, with the offset of its next page; null between windows. */
  current: SyncWindow | null;
  /** Backfill chunk length, adapted to how many pages a chunk took. */
  chunkUs: number;
};

export type PlanSettings = {
  /** Seconds between head passes. */
  headEveryUs: number;
  /** How far back a session can still change: the longest code validity, plus margin. */
  settleUs: number;
  /** Head passes re-read this much before coveredTo, for sessions Plivo lists late. */
  overlapUs: number;
  /** The first head pass: "first the recent hours". */
  firstHeadUs: number;
};

export const DEFAULT_PLAN: PlanSettings = {
  headEveryUs: 15_000_000,
  settleUs: 20 * 60_000_000,
  overlapUs: 60_000_000,
  firstHeadUs: 3_600_000_000,
};

export const MIN_CHUNK_US = 5 * 60_000_000;
export const MAX_CHUNK_US = 7 * DAY_US;

export function initialSyncState(): SyncState {
  return {
    coveredFromUs: null,
    coveredToUs: null,
    asOfUs: null,
    current: null,
    chunkUs: 3_600_000_000,
  };
}

export function horizonUs(nowUs: number): number {
  return nowUs - PLIVO_HORIZON_DAYS * DAY_US;
}

export function backfillDone(state: SyncState, nowUs: number): boolean {
  return state.coveredFromUs !== null && state.coveredFromUs <= horizonUs(nowUs) + 60_000_000;
}

/**
 * The window to read next, or null when nothing is due yet. `oldestUnsettledUs` is the
 * creation time of the oldest stored session still in progress (null if none).
 */
export function nextWindow(
  state: SyncState,
  nowUs: number,
  oldestUnsettledUs: number | null,
  settings: PlanSettings = DEFAULT_PLAN,
): SyncWindow | null {
  if (state.current) return state.current;
  if (state.coveredToUs === null || state.coveredFromUs === null) {
    return { kind: 'head', fromUs: nowUs - settings.firstHeadUs, toUs: nowUs, offset: 0 };
  }
  const headDue = state.asOfUs === null || nowUs - state.asOfUs >= settings.headEveryUs;
  if (headDue) {
    let fromUs = state.coveredToUs - settings.overlapUs;
    if (oldestUnsettledUs !== null) {
      fromUs = Math.min(fromUs, Math.max(oldestUnsettledUs, nowUs - settings.settleUs));
    }
    return { kind: 'head', fromUs: Math.max(fromUs, horizonUs(nowUs)), toUs: nowUs, offset: 0 };
  }
  if (!backfillDone(state, nowUs)) {
    const toUs = state.coveredFromUs;
    return {
      kind: 'backfill',
      fromUs: Math.max(horizonUs(nowUs), toUs - state.chunkUs),
      toUs,
      offset: 0,
    };
  }
  return null;
}

/** The state after one page of `window` was stored; `pages` counts the window's pages. */
export function afterPage(
  state: SyncState,
  window: SyncWindow,
  page: { rows: number; hasMore: boolean; pages: number },
): SyncState {
  if (page.hasMore) return { ...state, current: { ...window, offset: window.offset + page.rows } };
  if (window.kind === 'head') {
    return {
      ...state,
      current: null,
      coveredFromUs: Math.min(state.coveredFromUs ?? window.fromUs, window.fromUs),
      coveredToUs: Math.max(state.coveredToUs ?? window.toUs, window.toUs),
      asOfUs: window.toUs,
    };
  }
  // Aim at about 5–10 pages a chunk: fewer calls for quiet days, bounded work for busy ones.
  const chunkUs =
    page.pages <= 2
      ? Math.min(MAX_CHUNK_US, state.chunkUs * 2)
      : page.pages > 20
        ? Math.max(MIN_CHUNK_US, Math.floor(state.chunkUs / 2))
        : state.chunkUs;
  return {
    ...state,
    current: null,
    chunkUs,
    coveredFromUs: Math.min(state.coveredFromUs ?? window.fromUs, window.fromUs),
  };
}
