import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.ts';

const now = Date.parse('2026-10-21T07:27:30Z');

describe('parseRetryAfter', () => {
  const cases: [string | null, number | null][] = [
    ['30', 30],
    [' 120 ', 120],
    ['0', 0],
    ['Wed, 21 Oct 2026 07:28:00 GMT', 30],
    ['Wed, 21 Oct 2026 07:28:00 UTC', 30],
    // A part of a second left is a whole second to wait.
    ['Wed, 21 Oct 2026 07:27:31 GMT', 1],
    ['Wed, 21 Oct 2026 07:00:00 GMT', 0],
    [null, null],
    ['', null],
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['12 Oct 2026', null],
    ['Xyz, 99 Foo 2026 99:99:99 GMT', null],
  ];
  it.each(cases)('reads %j as %j', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
