import { describe, expect, it } from 'vitest';
import {
  coverageOf,
  estimateRemainingPages,
  paceMsPerPage,
  progressOf,
  retryAfterSecondsOf,
} from './load-all-machine.ts';

const rateLimited = (retryAfterSeconds?: number) =>
  Object.assign(new Error('Waiting for the Plivo rate limit'), {
    code: 'rate_limited',
    retryAfterSeconds,
  });

describe('estimates', () => {
  const base = { hasNextPage: true, pageCount: 2, sessionCount: 40, coverage: 0.25 };
  it.each([
    [{ ...base }, 6],
    [{ ...base, hasNextPage: false }, 0],
    [{ ...base, coverage: null }, null],
    [{ ...base, coverage: 0 }, null],
    [{ ...base, coverage: 1 }, 1],
    [{ ...base, coverage: 1.5 }, 1],
    [{ ...base, pageCount: 0 }, null],
  ])('%j → %s pages left', (source, pages) => expect(estimateRemainingPages(source)).toBe(pages));

  it('turns pages left into time at the budget, plus any wait', () => {
    const state = {
      phase: 'waiting' as const,
      elapsedBeforeMs: 1_000,
      runningSince: 0,
      waitUntil: 9_000,
      error: null,
      pagesAtStart: 1,
    };
    expect(progressOf(state, base, 20, 4_000)).toEqual({
      pages: 2,
      sessions: 40,
      elapsedMs: 5_000,
      etaMs: 6 * 3_000 + 5_000,
      fraction: 0.25,
      waitMs: 5_000,
    });
  });

  it('uses the pace the run kept, waits included, once it has loaded a few pages', () => {
    // 20 pages (400 sessions) in 49 s of a 2-hour window covered to 40 %: 30 pages left.
    const source = { hasNextPage: true, pageCount: 21, sessionCount: 420, coverage: 21 / 51 };
    const state = {
      phase: 'running' as const,
      elapsedBeforeMs: 0,
      runningSince: 0,
      waitUntil: null,
      error: null,
      pagesAtStart: 1,
    };
    // 49 s for 20 pages is 2.45 s a page: faster than the budget's 3 s allows, so 3 s.
    expect(progressOf(state, source, 20, 49_000).etaMs).toBe(30 * 3_000);
    // Rate-limit waits slowed it to 120 s for the same 20 pages: 6 s a page from now on.
    expect(progressOf(state, source, 20, 120_000).etaMs).toBe(30 * 6_000);
    // Waiting 10 s now: the wait comes first, the estimate is still shown.
    const waiting = { ...state, phase: 'waiting' as const, waitUntil: 130_000 };
    expect(progressOf(waiting, source, 20, 120_000).etaMs).toBe(30 * 6_000 + 10_000);
  });

  it.each([
    [0, 0, 3_000],
    [60_000, 2, 3_000],
    [60_000, 3, 20_000],
    [1_000, 10, 3_000],
  ])('pace after %i ms and %i pages: %i ms a page', (elapsed, pages, pace) => {
    expect(paceMsPerPage(20, elapsed, pages)).toBe(pace);
  });

  it.each([
    [rateLimited(7), 7],
    [rateLimited(), 3],
    [{ status: 429 }, 3],
    [new Error('boom'), null],
    ['rate_limited', null],
    [null, null],
  ])('retryAfterSecondsOf(%s) → %s', (error, seconds) => {
    expect(retryAfterSecondsOf(error, 20)).toBe(seconds);
  });
});

describe('coverageOf', () => {
  const window = {
    from: Date.parse('2026-11-27T10:00:00Z'),
    to: Date.parse('2026-11-27T12:00:00Z'),
  };
  const at = (iso: string | null) => ({ createdAt: iso });
  it.each([
    [[], null],
    [[at(null)], null],
    [[at('2026-11-27T11:30:00.000000Z'), at('2026-11-27T11:00:00.000000Z')], 0.5],
    [[at('2026-11-27T11:00:00.000000Z'), at(null), at('2026-11-27T11:30:00.000000Z')], 0.5],
    [[at('2026-11-27T09:00:00.000000Z')], 1],
    [[at('2026-11-27T13:00:00.000000Z')], 0],
  ])('%j → %s', (sessions, coverage) => expect(coverageOf(sessions, window)).toBe(coverage));
});
