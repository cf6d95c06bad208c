import { describe, expect, it } from 'vitest';
import { makeAttempt as a, makeSession } from '../../../test-support/make-session.ts';
import {
  channelKeyOf,
  countryKeyOf,
  isFilterableSegment,
  networkKeyOf,
  segmentParam,
} from './segments.ts';

describe('segment keys', () => {
  it.each([
    [makeSession({ channel: null, attempts: [a('sms', 'sent'), a('voice', 'answer')] }), 'voice'],
    [makeSession({ channel: 'sms', attempts: [] }), 'sms'],
    [makeSession({ channel: null, attempts: [] }), 'unknown'],
  ])('channel of %#', (session, key) => expect(channelKeyOf(session)).toBe(key));

  it('country and network, unknown when missing', () => {
    expect(countryKeyOf(makeSession({ country: 'IN' }))).toBe('IN');
    expect(countryKeyOf(makeSession({ country: null }))).toBe('unknown');
    expect(networkKeyOf(makeSession({ network: ' AirTel ' }))).toBe('AirTel');
    expect(networkKeyOf(makeSession({ network: null }))).toBe('unknown');
  });
});

describe('segmentParam: a click sets a server filter', () => {
  it.each([
    [{ channel: 'sms' }, ['channel', 'sms']],
    [{ country: 'in' }, ['country', 'IN']],
    [{ network: 'AirTel' }, ['network', 'AirTel']],
    [{ verdict: 'failed_to_send' as const }, ['verdict', 'failed_to_send']],
  ])('%j', (segment, expected) => expect(segmentParam(segment)).toEqual(expected));

  it('unknown segments are not filterable', () => {
    expect(isFilterableSegment('unknown')).toBe(false);
    expect(isFilterableSegment('IN')).toBe(true);
  });
});
