import { describe, expect, it } from 'vitest';
import { parseExplorerSearch } from '../../../../contract/explorer-view.ts';
import { countryName, describeFilters } from './describe-filters.ts';

/** The words for a URL, read as the explorer reads it (the contract's view schema). */
const describeUrl = (search: string, masked?: boolean) => {
  const { state } = parseExplorerSearch(new URLSearchParams(search));
  return describeFilters(masked === undefined ? state : { ...state, masked });
};

describe('describeFilters', () => {
  it.each([
    ['', 'All sessions'],
    ['range=1h&tz=utc&cols=created&sort=created:desc', 'All sessions'],
    [
      'status=expired&recipient=%2B918681951370&country=IN&mask=1',
      'Expired sessions to +91 ••••1370 in India',
    ],
    [
      'status=expired&recipient=%2B918681951370&country=IN',
      'Expired sessions to +918681951370 in India',
    ],
    ['status=VERIFIED&recipient=91 86819 51370', 'Verified sessions to +918681951370'],
    ['status=in-progress&f_channel=sms', 'In-progress sessions by SMS'],
    ['status=in-progress&channel=sms', 'In-progress sessions by SMS'],
    // Old links' f_* read as the server filters they became (Plivo takes one country).
    ['f_channel=sms,voice&f_country=IN,FR', 'All sessions by SMS or voice in India'],
    ['country=in&f_country=IN', 'All sessions in India'],
    [
      'country=IN&network=AirTel&verdict=undelivered_all',
      'All sessions in India on AirTel with verdict “Undelivered on all attempts”',
    ],
    [
      'verdict=sent_no_receipt,call_not_answered&attempt_channel=voice&attempts_min=2',
      'All sessions with verdict “Sent — no delivery receipt” or “Call never answered”, an attempt by voice and at least 2 attempts',
    ],
    [
      'recipient_contains=86811370&charge_min=0.05',
      'All sessions with a number containing 86811370 and a charge of at least $0.05',
    ],
    ['recipient_contains=86811370&mask=1', 'All sessions with a number containing …1370'],
    [
      'app_uuid=3cdec449-a367-435e-b4f9-40d777a7cfcc',
      'All sessions for app 3cdec449-a367-435e-b4f9-40d777a7cfcc',
    ],
    [
      'alias=Acme Shop&subaccount=sa2025rrtyifyhgjhhhh',
      'All sessions for app “Acme Shop” under subaccount SA2025RRTYIFYHGJHHHH',
    ],
    [
      'brand_name=Acme&app_hash=ab12&f_verdict=undelivered-all',
      'All sessions with brand “Acme”, app hash “ab12” and verdict “Undelivered on all attempts”',
    ],
    ['brand_name=Acme&status=expired', 'Expired sessions with brand “Acme”'],
    // A bad status is no filter at all (the URL's notice says so): the rows are all sessions.
    ['status=weird', 'All sessions'],
    ['alias=call 0091 86819 51370&mask=1', 'All sessions for app “call ••••1370”'],
  ])('%s → %s', (search, expected) => {
    expect(describeUrl(search)).toBe(expected);
  });

  it('masks as the view says, whatever the URL said', () => {
    expect(describeUrl('recipient=%2B14155550100', true)).toBe('All sessions to +1 ••••0100');
    expect(describeUrl('recipient=%2B14155550100&mask=1', false)).toBe(
      'All sessions to +14155550100',
    );
  });
});

describe('countryName', () => {
  it.each([
    ['IN', 'India'],
    ['us', 'United States'],
    ['GB', 'United Kingdom'],
    ['ZZ', 'Unknown Region'],
  ])('%s → %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});
