import { describe, expect, it } from 'vitest';
import { makeAttempt as a, makeSession } from './make-session.ts';
import { filterLoadedRows, readClientFilters, segmentParam } from './segments.ts';

const sessions = [
  makeSession({ country: 'IN', status: 'expired', attempts: [a('sms', 'sent')] }),
  makeSession({
    country: 'IN',
    status: 'verified',
    attempts: [a('sms', 'sent'), a('voice', 'answer')],
  }),
  makeSession({ country: null, status: 'expired', attempts: [a('sms', 'failed')] }),
  makeSession({ country: 'US', status: 'verified', attempts: [a('sms', 'delivered')] }),
];

describe('client filters over loaded rows', () => {
  it.each([
    ['', [0, 1, 2, 3]],
    ['f_channel=sms', [0, 2, 3]],
    ['f_channel=VOICE', [1]],
    ['f_country=in', [0, 1]],
    ['f_country=unknown', [2]],
    ['f_verdict=sent_no_receipt', [0]],
    ['f_channel=sms&f_country=IN', [0]],
    ['f_channel=sms&f_verdict=verified_fallback', []],
  ])('%s', (query, expected) => {
    const { filters, problems } = readClientFilters(new URLSearchParams(query));
    expect(problems).toEqual([]);
    expect(filterLoadedRows(sessions, filters)).toEqual(expected.map((i) => sessions[i]));
  });

  it('reports an unknown verdict and does not filter by it', () => {
    const { filters, problems } = readClientFilters(new URLSearchParams('f_verdict=lost'));
    expect(filters).toEqual({});
    expect(problems).toEqual(['Unknown verdict “lost” in f_verdict; ignored.']);
  });

  it('returns the same array when nothing filters', () => {
    expect(filterLoadedRows(sessions, {})).toBe(sessions);
  });
});

describe('segmentParam', () => {
  it.each([
    [{ channel: 'sms' }, ['f_channel', 'sms']],
    [{ country: 'IN' }, ['f_country', 'IN']],
    [{ verdict: 'failed_to_send' as const }, ['f_verdict', 'failed_to_send']],
  ])('%j', (segment, expected) => expect(segmentParam(segment)).toEqual(expected));
});
