import { describe, expect, it } from 'vitest';
import { formatGap, formatInstant, fromLocalInputValue, toLocalInputValue } from './time-format.ts';
import { isValidTimeZone } from '../../contract/time-zone.ts';

describe('time formatting', () => {
  const iso = '2026-11-20T10:00:03.123456Z';
  it.each([
    ['UTC', '2026-11-20 10:00:03'],
    ['Asia/Kolkata', '2026-11-20 15:30:03'],
    ['America/New_York', '2026-11-20 05:00:03'],
  ])('shows an instant in %s', (tz, text) => {
    expect(formatInstant(iso, tz)).toBe(text);
  });

  it('shows a dash for a missing instant', () => {
    expect(formatInstant(null, 'UTC')).toBe('—');
  });

  it.each([
    ['2026-11-20T10:00:00.000000Z', '2026-11-20T10:00:42.000000Z', '+42 s'],
    ['2026-11-20T10:00:00.000000Z', '2026-11-20T10:02:05.000000Z', '+2 min 5 s'],
    ['2026-11-20T10:00:00.000000Z', '2026-11-20T12:30:00.000000Z', '+2 h 30 min'],
  ])('gap from %s to %s is %s', (a, b, gap) => {
    expect(formatGap(a, b)).toBe(gap);
  });

  it.each(['UTC', 'Asia/Kolkata', 'America/New_York', 'Europe/London'])(
    'a From/To box value in %s round-trips to the same instant',
    (tz) => {
      const ms = Date.UTC(2026, 6, 1, 8, 15);
      expect(fromLocalInputValue(toLocalInputValue(ms, tz), tz)).toBe(ms);
    },
  );

  it('writes and reads the From/To boxes in 24-hour time', () => {
    const ms = Date.UTC(2026, 10, 19, 22, 5);
    expect(toLocalInputValue(ms, 'UTC')).toBe('2026-11-19 22:05');
    expect(fromLocalInputValue('2026-11-19 22:05', 'UTC')).toBe(ms);
    expect(fromLocalInputValue('2026-11-19T22:05', 'UTC')).toBe(ms);
  });

  it.each(['2026-11-19 24:00', '2026-11-19 10:60', '2026-02-30 10:00', '11/19/2026 10:00 PM', ''])(
    'refuses %j as a From/To value',
    (value) => {
      expect(fromLocalInputValue(value, 'UTC')).toBeNull();
    },
  );

  it('accepts known zones only', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('local')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
