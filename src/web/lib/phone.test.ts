import { describe, expect, it } from 'vitest';
import { checkRecipient, describeRecipient } from './phone.ts';

describe('checkRecipient', () => {
  it.each([
    ['+1 (415) 555-0100', '+14155550100', 'US'],
    ['0044 20 7946 0018', '+442079460018', 'GB'],
    ['91 86819 51370', '+918681951370', 'IN'],
    ['+91-86819-51370', '+918681951370', 'IN'],
    ['33 6 12 34 56 78', '+33612345678', 'FR'],
  ])('reads %s as %s in %s', (input, e164, country) => {
    expect(checkRecipient(input)).toMatchObject({ ok: true, e164, country });
  });

  it.each([
    ['+1 415', /too short/],
    ['+91 86819 51370 12345', /too long/],
    ['+999 1234567', /known country code|not a phone number|cannot be/],
    ['+1 (000) 555-0100', /^\+10005550100 cannot be a valid number with country code \+1\.$/],
    ['call me', /Use only digits/],
  ])('explains why %s cannot be queried', (input, message) => {
    expect(checkRecipient(input)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe('checkRecipient with a default country', () => {
  it.each([
    ['(404) 548-4770', 'US', '+14045484770', 'US'],
    ['404-548-4770', 'US', '+14045484770', 'US'],
    ['086819 51370', 'IN', '+918681951370', 'IN'],
    ['020 7946 0018', 'GB', '+442079460018', 'GB'],
    // Written with a country code, a number is read as before whatever the default.
    ['91 86819 51370', 'US', '+918681951370', 'IN'],
    ['+44 20 7946 0018', 'US', '+442079460018', 'GB'],
    ['0044 20 7946 0018', 'US', '+442079460018', 'GB'],
  ])('reads %s in %s as %s', (input, country, e164, found) => {
    expect(checkRecipient(input, country)).toMatchObject({ ok: true, e164, country: found });
  });

  it('does not read a national number without a default country', () => {
    expect(checkRecipient('(404) 548-4770')).toMatchObject({ ok: false });
  });

  it('still explains a number that is valid nowhere', () => {
    expect(checkRecipient('(000) 000-0000', 'US')).toEqual({
      ok: false,
      message: expect.stringMatching(/cannot be|too short|known country code/),
    });
  });
});

describe('describeRecipient', () => {
  it('formats a stored number with its country', () => {
    expect(describeRecipient('+918681951370')).toEqual({ text: '+91 86819 51370', country: 'IN' });
  });
  it('shows a dash for a missing number', () => {
    expect(describeRecipient(null)).toEqual({ text: '—', country: null });
  });
});
