import { describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../contract/index-api.ts';
import { agoWords, coverageSentence, spanWords } from './index-status.ts';

const now = Date.parse('2026-11-20T12:00:00Z');
const status = (overrides: Partial<IndexStatus>): IndexStatus => ({
  state: 'live',
  coveredFrom: '2026-08-22T12:00:00Z',
  coveredTo: '2026-11-20T11:59:50Z',
  asOf: '2026-11-20T11:59:48Z',
  sessions: 1234,
  syncCallsLastMinute: 2,
  lastError: null,
  horizonDays: 90,
  coveredDays: 90,
  ...overrides,
});

describe('coverageSentence', () => {
  it.each([
    [{}, 'Indexed: last 90 days, as of 12 s ago'],
    [{ coveredFrom: '2026-11-13T12:00:00Z' }, 'Indexed: last 7 days, as of 12 s ago'],
    [{ coveredFrom: '2026-11-20T07:00:00Z' }, 'Indexed: last 5 hours, as of 12 s ago'],
    [{ asOf: '2026-11-20T11:56:00Z' }, 'Indexed: last 90 days, as of 4 min ago'],
    [{ asOf: null }, 'Indexed: last 90 days'],
    [{ coveredFrom: null, coveredTo: null }, 'Indexed: nothing yet'],
    [{ state: 'backfilling' as const, coveredDays: 3.6 }, 'Indexing: 3 of 90 days'],
    [
      { state: 'error' as const, lastError: 'Plivo rejected the credentials' },
      'Index unavailable: Plivo rejected the credentials',
    ],
    [{ state: 'error' as const }, 'Index unavailable: no reason given'],
  ])('%j → %s', (overrides, sentence) => {
    expect(coverageSentence(status(overrides), now)).toBe(sentence);
  });

  it('gives an absolute "as of" without a clock (printed reports)', () => {
    expect(coverageSentence(status({}))).toBe(
      'Indexed: last 90 days, as of 2026-11-20 11:59:48 UTC',
    );
  });

  it('says nothing when the index is off', () => {
    expect(coverageSentence(status({ state: 'off' }), now)).toBeNull();
  });
});

describe('words', () => {
  it.each([
    [500, 'just now'],
    [12_000, '12 s ago'],
    [3 * 3_600_000, '3 h ago'],
    [2 * 86_400_000, '2 days ago'],
  ])('agoWords %d', (ms, words) => expect(agoWords(now - ms, now)).toBe(words));

  it('spanWords rounds to whole units', () => {
    expect(spanWords(0, 86_400_000)).toBe('last 1 day');
    expect(spanWords(0, 90_000)).toBe('last 2 minutes');
  });
});
