import { describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../../../contract/index-api.ts';
import { makeAttempt, makeSession } from '../../../test-support/make-session.ts';
import {
  indexCovers,
  summarise,
  summarySentence,
  surroundingExplorerLink,
  surroundingOf,
} from './surrounding.ts';
import { surroundingApiParams, type Surrounding } from './surrounding-query.ts';

const self = makeSession({
  country: 'IN',
  network: 'AirTel',
  createdAt: '2026-11-19T10:30:12.345678Z',
});
const around = surroundingOf(self) as Surrounding;
const undelivered = () =>
  makeSession({ status: 'expired', attempts: [makeAttempt('sms', 'undelivered')] });
const verified = () =>
  makeSession({ status: 'verified', attempts: [makeAttempt('sms', 'delivered')] });

describe('surroundingOf and its queries', () => {
  it('spans ±10 minutes around the creation, on whole seconds', () => {
    expect(around).toEqual({
      sessionUuid: self.sessionUuid,
      country: 'IN',
      network: 'AirTel',
      from: Date.parse('2026-11-19T10:20:12Z'),
      to: Date.parse('2026-11-19T10:40:14Z'),
    });
    expect(Object.fromEntries(surroundingApiParams(around))).toEqual({
      country: 'IN',
      network: 'AirTel',
      session_time__gte: '2026-11-19 10:20:12',
      session_time__lt: '2026-11-19 10:40:14',
      source: 'index',
      limit: '500',
    });
    expect(surroundingExplorerLink(around, { tz: 'utc', masked: false })).toBe(
      '/?country=IN&network=AirTel&from=2026-11-19T10%3A20%3A12Z&to=2026-11-19T10%3A40%3A14Z',
    );
    expect(surroundingExplorerLink(around, { tz: 'Asia/Kolkata', masked: true })).toMatch(
      /&tz=Asia%2FKolkata&mask=1$/,
    );
  });

  it.each([
    ['no country', { country: null }, null],
    ['no creation time', { createdAt: null }, null],
    ['no network: the country alone', { network: null }, 'IN'],
    ['a network with a comma: the country alone', { network: 'A, B' }, 'IN'],
  ])('with %s', (_, overrides, country) => {
    const s = surroundingOf({ ...self, ...overrides });
    expect(s?.country ?? null).toBe(country);
    expect(s?.network ?? null).toBeNull();
    expect(s ? surroundingApiParams(s).has('network') : false).toBe(false);
  });
});

describe('summarise and summarySentence', () => {
  it('leaves the session itself out and counts verdicts, most frequent first', () => {
    const rows = [undelivered(), self, undelivered(), verified(), undelivered()];
    const summary = summarise(around, rows, 5);
    expect(summary.others).toHaveLength(4);
    expect(summary.total).toBe(4);
    expect(summary.verdicts.map((v) => [v.kind, v.count])).toEqual([
      ['undelivered_all', 3],
      ['verified_first', 1],
    ]);
    expect(summarySentence(around, summary)).toBe(
      '4 other sessions to IN · AirTel within ±10 min: 3 undelivered on all attempts, 1 verified on 1st attempt.',
    );
  });

  it.each([
    [[self], 1, 'No other sessions to IN · AirTel within ±10 min: only this one.'],
    [[verified()], 1, '1 other session to IN · AirTel within ±10 min: 1 verified on 1st attempt.'],
    [
      [verified(), verified()],
      1201,
      '1,201 other sessions to IN · AirTel within ±10 min: 2 verified on 1st attempt (verdicts of the newest 2).',
    ],
  ])('says counts plainly (%#)', (rows, total, sentence) => {
    expect(summarySentence(around, summarise(around, rows, total))).toBe(sentence);
  });
});

describe('indexCovers', () => {
  const status = (over: Partial<IndexStatus>): IndexStatus => ({
    state: 'live',
    coveredFrom: '2026-11-19T00:00:00.000000Z',
    coveredTo: '2026-11-19T10:35:00.000000Z',
    asOf: '2026-11-19T10:35:00.000000Z',
    sessions: 1,
    syncCallsLastMinute: 0,
    lastError: null,
    horizonDays: 90,
    coveredDays: 1,
    ...over,
  });
  it.each([
    ['live, to the newest data', {}, true],
    ['backfilling, not yet to the window’s end', { state: 'backfilling' as const }, false],
    [
      'backfilling past it',
      { state: 'backfilling' as const, coveredTo: '2026-11-20T00:00:00Z' },
      true,
    ],
    ['starting after the window starts', { coveredFrom: '2026-11-19T10:25:00Z' }, false],
    ['off', { state: 'off' as const }, false],
    ['in error', { state: 'error' as const }, false],
    ['with nothing covered', { coveredFrom: null, coveredTo: null }, false],
  ])('%s: %s', (_, over, expected) => {
    expect(indexCovers(status(over), around)).toBe(expected);
  });
});
