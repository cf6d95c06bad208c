import { describe, expect, it } from 'vitest';
import { normaliseInstant, toPlivoTime } from './time.ts';

describe('normaliseInstant', () => {
  it.each([
    ['2023-07-18T08:46:14.851205Z', '2023-07-18T08:46:14.851205Z'],
    ['2023-07-18T14:16:14.851205+05:30', '2023-07-18T08:46:14.851205Z'],
    ['2023-08-21T14:32:40.42576+05:30', '2023-08-21T09:02:40.425760Z'],
    ['2023-01-01T00:30:00-01:00', '2023-01-01T01:30:00.000000Z'],
    ['2023-01-01T00:00:00+0000', '2023-01-01T00:00:00.000000Z'],
    ['2024-02-29 23:59', '2024-02-29T23:59:00.000000Z'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseInstant(input)).toBe(expected);
  });

  it.each([
    ['Go zero time', '0001-01-01T05:53:28+05:53'],
    ['Go zero UTC', '0001-01-01T00:00:00Z'],
    ['not a date', 'yesterday'],
    ['impossible day', '2023-02-30T00:00:00Z'],
    ['hour 24', '2023-01-01T24:00:00Z'],
    ['not a string', 42],
  ])('%s is null', (_label, input) => {
    expect(normaliseInstant(input)).toBeNull();
  });

  it('formats Plivo filter times in UTC', () => {
    expect(toPlivoTime(Date.UTC(2026, 10, 20, 10, 0, 5))).toBe('2026-11-20 10:00:05');
  });
});
