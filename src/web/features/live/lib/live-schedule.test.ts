import { describe, expect, it } from 'vitest';
import { diffNewRows, liveDelay, retryAfterMsOf, type DelayInput } from './live-schedule.ts';

describe('liveDelay', () => {
  it.each<[string, DelayInput, number, string | null]>([
    ['plenty of budget', { intervalMs: 30_000, budgetRemaining: 18 }, 30_000, null],
    ['budget unknown', { intervalMs: 30_000 }, 30_000, null],
    ['budget under a quarter', { intervalMs: 30_000, budgetRemaining: 4 }, 60_000, 'budget'],
    ['budget nearly spent', { intervalMs: 30_000, budgetRemaining: 2 }, 120_000, 'budget'],
    ['budget spent, short interval', { intervalMs: 5000, budgetRemaining: 0 }, 60_000, 'budget'],
    ['one failure', { intervalMs: 30_000, failures: 1 }, 60_000, 'errors'],
    ['three failures', { intervalMs: 30_000, failures: 3 }, 240_000, 'errors'],
    ['many failures are capped', { intervalMs: 30_000, failures: 20 }, 300_000, 'errors'],
    [
      'a 429 asks for longer',
      { intervalMs: 30_000, failures: 1, retryAfterMs: 75_000 },
      75_000,
      'rate-limit',
    ],
    [
      'a 429 asking for less than the interval',
      { intervalMs: 30_000, retryAfterMs: 5000 },
      30_000,
      null,
    ],
    ['a silly interval is raised to 1 s', { intervalMs: 0 }, 1000, null],
  ])('%s', (_name, input, delayMs, slowedBy) => {
    expect(liveDelay(input)).toEqual({ delayMs, slowedBy });
  });
});

describe('retryAfterMsOf', () => {
  it.each([
    [{ retryAfterSeconds: 12 }, 12_000],
    [{ retryAfterSeconds: undefined }, undefined],
    [{ retryAfterSeconds: -1 }, undefined],
    [new Error('x'), undefined],
    [null, undefined],
    ['429', undefined],
  ])('%j → %s', (error, expected) => {
    expect(retryAfterMsOf(error)).toBe(expected);
  });
});

describe('diffNewRows', () => {
  const rows = (...uuids: string[]) => uuids.map((sessionUuid) => ({ sessionUuid }));
  it.each([
    ['first load highlights nothing', null, rows('a', 'b'), []],
    ['one new session on top', new Set(['a', 'b']), rows('c', 'a', 'b'), ['c']],
    ['nothing new', new Set(['a', 'b']), rows('a', 'b'), []],
    ['old rows scrolled out of the window', new Set(['a', 'b']), rows('c', 'd', 'a'), ['c', 'd']],
    ['empty result', new Set(['a']), rows(), []],
  ])('%s', (_name, before, sessions, expected) => {
    expect([...diffNewRows(before, sessions)]).toEqual(expected);
  });
});
