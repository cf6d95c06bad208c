import { describe, expect, it } from 'vitest';
import { DAY_US } from '../../contract/query-window.ts';
import {
  DEFAULT_PLAN,
  PAGE,
  MAX_CHUNK_US,
  MIN_CHUNK_US,
  afterPage,
  backfillDone,
  horizonUs,
  initialSyncState,
  nextWindow,
  type IndexView,
  type SyncState,
} from './sync-plan.ts';

const MIN = 60_000_000;
const NOW = 1_800_000_000_000_000;
const last = { rows: 20, hasMore: false, pages: 1 };

/** What the plan sees of an index holding sessions created at these times. */
function viewOf(times: number[]): IndexView {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    countIn: (from, to) => sorted.filter((t) => t >= from && t < to).length,
    nthFrom: (from, n) => sorted.filter((t) => t >= from)[n - 1] ?? null,
  };
}

/** `count` sessions evenly spread over [fromUs, toUs). */
const evenly = (fromUs: number, toUs: number, count: number) =>
  Array.from({ length: count }, (_, i) => fromUs + Math.floor(((toUs - fromUs) * i) / count));

/** State after the first head pass ended at `at`. */
function afterFirstHead(at = NOW): SyncState {
  const head = nextWindow(initialSyncState(), at);
  if (!head) throw new Error('no first window');
  return afterPage(initialSyncState(), head, last);
}

describe('sync planning', () => {
  it('reads the recent hour first', () => {
    expect(nextWindow(initialSyncState(), NOW)).toEqual({
      kind: 'head',
      fromUs: NOW - 60 * MIN,
      toUs: NOW,
      offset: 0,
    });
  });

  it('goes on with the window it was reading, at the next offset (also after a restart)', () => {
    const head = nextWindow(initialSyncState(), NOW);
    if (!head) throw new Error('no window');
    const mid = afterPage(initialSyncState(), head, { rows: 20, hasMore: true, pages: 1 });
    expect(nextWindow(JSON.parse(JSON.stringify(mid)) as SyncState, NOW + 5 * MIN)).toEqual({
      ...head,
      offset: 20,
    });
  });

  it('after the first head: coverage, as-of and the settle mark are set', () => {
    expect(afterFirstHead()).toMatchObject({
      coveredFromUs: NOW - 60 * MIN,
      coveredToUs: NOW,
      asOfUs: NOW,
      settledToUs: NOW - DEFAULT_PLAN.settleUs,
      current: null,
    });
  });

  it('backfills newest first between head passes', () => {
    const state = afterFirstHead();
    expect(nextWindow(state, NOW + 1_000_000)).toEqual({
      kind: 'backfill',
      fromUs: NOW - 120 * MIN,
      toUs: NOW - 60 * MIN,
      offset: 0,
    });
  });

  it('reads new sessions (with the previous pass again) every 30 s', () => {
    const state = afterFirstHead();
    const at = NOW + DEFAULT_PLAN.headEveryUs;
    expect(nextWindow(state, at)).toEqual({
      kind: 'head',
      fromUs: NOW - DEFAULT_PLAN.overlapUs,
      toUs: at,
      offset: 0,
    });
  });

  it('puts a due head pass between the pages of a long backfill, then goes on with it', () => {
    const state = afterFirstHead();
    const back = nextWindow(state, NOW + 1_000_000);
    if (!back) throw new Error('no backfill');
    const mid = afterPage(state, back, { rows: 20, hasMore: true, pages: 1 });
    const at = NOW + DEFAULT_PLAN.headEveryUs;
    const head = nextWindow(mid, at);
    expect(head?.kind).toBe('head');
    if (!head) throw new Error('no head');
    const after = afterPage(mid, head, last);
    expect(nextWindow(after, at + 1)).toEqual({ ...back, offset: 20 });
  });

  it('reads only the new sessions when a second look would cost another page', () => {
    const state = afterFirstHead();
    const at = NOW + DEFAULT_PLAN.headEveryUs;
    // A busy account: 15 sessions in the last 30 s, as many expected by now.
    const busy = viewOf(evenly(NOW - 30_000_000, NOW, 15));
    expect(nextWindow(state, at, DEFAULT_PLAN, busy)).toEqual({
      kind: 'head',
      fromUs: NOW,
      toUs: at,
      offset: 0,
    });
    // A quiet one: the second look fits in the same page.
    const quiet = viewOf(evenly(NOW - 30_000_000, NOW, 4));
    expect(nextWindow(state, at, DEFAULT_PLAN, quiet)?.fromUs).toBe(NOW - DEFAULT_PLAN.overlapUs);
  });

  it('reads sessions once more after they settle: whatever is due every 10 minutes', () => {
    let state = afterFirstHead();
    const settledTo = NOW - DEFAULT_PLAN.settleUs;
    const few = viewOf(evenly(settledTo, NOW, 30));
    const early = NOW + 9 * MIN;
    expect(nextWindow({ ...state, asOfUs: early }, early, DEFAULT_PLAN, few)?.kind).toBe(
      'backfill',
    );
    const at = NOW + 10 * MIN;
    state = { ...state, asOfUs: at };
    expect(nextWindow(state, at, DEFAULT_PLAN, few)).toEqual({
      kind: 'settle',
      fromUs: settledTo,
      toUs: at - DEFAULT_PLAN.settleUs,
      offset: 0,
    });
    const settled = afterPage(
      state,
      { kind: 'settle', fromUs: 0, toUs: at - 20 * MIN, offset: 0 },
      last,
    );
    expect(settled.settledToUs).toBe(at - 20 * MIN);
    expect(nextWindow(settled, at, DEFAULT_PLAN, few)?.kind).toBe('backfill');
  });

  it('settles as soon as three pages are due, in whole pages', () => {
    const settledTo = NOW - DEFAULT_PLAN.settleUs;
    const at = NOW + 2 * MIN;
    const state = { ...afterFirstHead(), asOfUs: at };
    // 70 sessions due by now (created before at − settle): three whole pages of them.
    const times = evenly(settledTo, at - DEFAULT_PLAN.settleUs, 70);
    const window = nextWindow(state, at, DEFAULT_PLAN, viewOf(times));
    expect(window).toEqual({ kind: 'settle', fromUs: settledTo, toUs: times[60], offset: 0 });
    expect(viewOf(times).countIn(settledTo, window?.toUs ?? 0)).toBe(3 * PAGE);
    // Fewer than three pages due: not yet.
    const some = evenly(settledTo, at - DEFAULT_PLAN.settleUs, 59);
    expect(nextWindow(state, at, DEFAULT_PLAN, viewOf(some))?.kind).toBe('backfill');
  });

  it.each([
    [1, 2 * 60 * MIN],
    [2, 2 * 60 * MIN],
    [10, 60 * MIN],
    [21, 30 * MIN],
  ])('a chunk that took %i pages makes the next chunk %i µs', (pages, chunk) => {
    const state = afterFirstHead();
    const window = {
      kind: 'backfill' as const,
      fromUs: NOW - 2 * 60 * MIN,
      toUs: NOW - 60 * MIN,
      offset: 0,
    };
    expect(afterPage(state, window, { rows: 5, hasMore: false, pages }).chunkUs).toBe(chunk);
  });

  it('keeps chunks between 5 minutes and 7 days', () => {
    const window = { kind: 'backfill' as const, fromUs: 0, toUs: 1, offset: 0 };
    const small = { ...afterFirstHead(), chunkUs: MIN_CHUNK_US };
    const big = { ...afterFirstHead(), chunkUs: MAX_CHUNK_US };
    expect(afterPage(small, window, { rows: 5, hasMore: false, pages: 50 }).chunkUs).toBe(
      MIN_CHUNK_US,
    );
    expect(afterPage(big, window, { rows: 5, hasMore: false, pages: 1 }).chunkUs).toBe(
      MAX_CHUNK_US,
    );
  });

  it('stops at Plivo’s 90-day horizon, then only keeps up', () => {
    const state = {
      ...afterFirstHead(),
      coveredFromUs: horizonUs(NOW) + 30 * MIN,
      chunkUs: DAY_US,
    };
    const window = nextWindow(state, NOW + 1_000_000);
    expect(window).toMatchObject({ kind: 'backfill', fromUs: horizonUs(NOW + 1_000_000) });
    const done = { ...state, coveredFromUs: horizonUs(NOW) };
    expect(backfillDone(done, NOW)).toBe(true);
    expect(nextWindow(done, NOW + 1_000_000)).toBeNull();
  });
});
