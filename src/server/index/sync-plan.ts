import { DAY_US, PLIVO_HORIZON_DAYS } from '../../contract/query-window.ts';

/**
 * What the sync loop reads next, decided from its saved state and what the index holds
 * (pure, so restarts and tests see the same plan). Windows are half-open [fromUs, toUs) in
 * microseconds and read page by page with an offset: a window ending in the past never gains
 * sessions, so the offsets stay valid between pages.
 *
 * - head, every 30 s: [coveredTo, now): the new sessions. A second look at the previous
 *   pass's (most codes are entered within a minute; `overlapUs` more) rides along only when
 *   it costs no extra page (as on a quiet account);
 * - settle: [settledTo, …) up to now − settle: each session once more after its code's
 *   validity has run out, when Plivo will not change it again (verified or expired), and
 *   also any session Plivo listed late. Batched: as soon as `settleBatch` sessions are due,
 *   in whole pages (the window ends where the index's sessions fill its last page), else
 *   whatever is due every `settleEveryUs`;
 * - backfill otherwise: [coveredFrom − chunk, coveredFrom), newest first, back to Plivo's
 *   horizon; sessions that old are already final.
 * Between its head read and its settle read, a session can show a status up to `settle` +
 * `settleEveryUs` old.
 */
export const PAGE = 20;

export type SyncWindow = {
  kind: 'head' | 'settle' | 'backfill';
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
  /** Sessions created before this have been read after they became final. */
  settledToUs: number | null;
  /** The window being read, with the offset of its next page; null between windows. */
  current: SyncWindow | null;
  /** A head pass being read (head passes go between the pages of a long window). */
  currentHead?: SyncWindow | null;
  /** Backfill chunk length, adapted to how many pages a chunk took. */
  chunkUs: number;
};

export type PlanSettings = {
  headEveryUs: number;
  /** How long a session can still change: the longest code validity, plus margin. */
  settleUs: number;
  /** Settle whatever is due at least this often… */
  settleEveryUs: number;
  /** …or as soon as this many sessions are due (read in whole pages). */
  settleBatch: number;
  /** A head pass's second look: this much before coveredTo, when it is cheap. */
  overlapUs: number;
  /** The first head pass: "first the recent hours". */
  firstHeadUs: number;
};

export const DEFAULT_PLAN: PlanSettings = {
  headEveryUs: 30_000_000,
  // Plivo's codes are valid for minutes (the simulator's apps: 5 to 15): 20 min is past them.
  settleUs: 20 * 60_000_000,
  settleEveryUs: 10 * 60_000_000,
  settleBatch: 3 * PAGE,
  overlapUs: 30_000_000,
  firstHeadUs: 3_600_000_000,
};

export const MIN_CHUNK_US = 5 * 60_000_000;
export const MAX_CHUNK_US = 7 * DAY_US;

export function initialSyncState(): SyncState {
  return {
    coveredFromUs: null,
    coveredToUs: null,
    asOfUs: null,
    settledToUs: null,
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

/** What the plan needs to know of the index's sessions (by creation time). */
export type IndexView = {
  /** Sessions stored with a creation time in [fromUs, toUs). */
  countIn(fromUs: number, toUs: number): number;
  /** Creation time of the n-th stored session (1-based, oldest first) created at or after fromUs. */
  nthFrom(fromUs: number, n: number): number | null;
};

const NOTHING_KNOWN: IndexView = { countIn: () => 0, nthFrom: () => null };

/** The window to read next, or null when nothing is due yet. */
export function nextWindow(
  state: SyncState,
  nowUs: number,
  settings: PlanSettings = DEFAULT_PLAN,
  view: IndexView = NOTHING_KNOWN,
): SyncWindow | null {
  if (state.currentHead) return state.currentHead;
  if (state.coveredToUs === null || state.coveredFromUs === null) {
    return { kind: 'head', fromUs: nowUs - settings.firstHeadUs, toUs: nowUs, offset: 0 };
  }
  const headDue = state.asOfUs === null || nowUs - state.asOfUs >= settings.headEveryUs;
  if (headDue) {
    const overlap = secondLook(state.coveredToUs, nowUs, settings, view) ? settings.overlapUs : 0;
    const fromUs = Math.max(state.coveredToUs - overlap, horizonUs(nowUs));
    return { kind: 'head', fromUs, toUs: nowUs, offset: 0 };
  }
  if (state.current) return state.current;
  const settle = settleWindow(state.settledToUs, nowUs, settings, view);
  if (settle) return settle;
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

/**
 * Whether a head pass also reads the previous pass's sessions again: when it costs no extra
 * page (estimated from the index: as many new sessions as came in the same time before).
 */
function secondLook(
  coveredToUs: number,
  nowUs: number,
  settings: PlanSettings,
  view: IndexView,
): boolean {
  const fresh = view.countIn(coveredToUs - Math.max(0, nowUs - coveredToUs), coveredToUs);
  const again = view.countIn(coveredToUs - settings.overlapUs, coveredToUs);
  const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
  return pages(fresh + again) <= pages(fresh);
}

function settleWindow(
  settledToUs: number | null,
  nowUs: number,
  settings: PlanSettings,
  view: IndexView,
): SyncWindow | null {
  const settledBy = nowUs - settings.settleUs;
  if (settledToUs === null || settledBy <= settledToUs) return null;
  const due = view.countIn(settledToUs, settledBy);
  const pages = Math.floor(due / PAGE);
  if (due >= settings.settleBatch && pages > 0) {
    // Whole pages: end where the first session past them starts (as far as the index knows).
    const next = view.nthFrom(settledToUs, pages * PAGE + 1);
    const toUs = next !== null && next > settledToUs && next < settledBy ? next : settledBy;
    return { kind: 'settle', fromUs: settledToUs, toUs, offset: 0 };
  }
  if (settledBy - settledToUs >= settings.settleEveryUs) {
    return { kind: 'settle', fromUs: settledToUs, toUs: settledBy, offset: 0 };
  }
  return null;
}

/** The state after one page of `window` was stored; `pages` counts the window's pages. */
export function afterPage(
  state: SyncState,
  window: SyncWindow,
  page: { rows: number; hasMore: boolean; pages: number },
  settings: PlanSettings = DEFAULT_PLAN,
): SyncState {
  if (page.hasMore) {
    const next = { ...window, offset: window.offset + page.rows };
    return window.kind === 'head' ? { ...state, currentHead: next } : { ...state, current: next };
  }
  if (window.kind === 'head') {
    return {
      ...state,
      currentHead: null,
      coveredFromUs: Math.min(state.coveredFromUs ?? window.fromUs, window.fromUs),
      coveredToUs: Math.max(state.coveredToUs ?? window.toUs, window.toUs),
      asOfUs: window.toUs,
      settledToUs: state.settledToUs ?? window.toUs - settings.settleUs,
    };
  }
  if (window.kind === 'settle') return { ...state, current: null, settledToUs: window.toUs };
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
