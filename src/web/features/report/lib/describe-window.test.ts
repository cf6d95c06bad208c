import { describe, expect, it } from 'vitest';
import { describeInstant, describeWindow, formatDuration } from './describe-window.ts';

const at = (iso: string) => Date.parse(iso);

describe('describeWindow', () => {
  it.each([
    [
      '2026-11-20T10:00:00Z',
      '2026-11-20T11:00:00Z',
      'Asia/Kolkata',
      {
        utc: '2026-11-20 10:00 – 11:00 UTC',
        local: '2026-11-20 15:30 – 16:30 Asia/Kolkata (UTC+05:30)',
        duration: '1 hour',
      },
    ],
    [
      '2026-11-20T10:00:00Z',
      '2026-11-20T11:00:00Z',
      'UTC',
      { utc: '2026-11-20 10:00 – 11:00 UTC', local: null, duration: '1 hour' },
    ],
    // London is on UTC in November: the second line would repeat the first.
    [
      '2026-11-20T10:00:00Z',
      '2026-11-20T11:00:00Z',
      'Europe/London',
      { utc: '2026-11-20 10:00 – 11:00 UTC', local: null, duration: '1 hour' },
    ],
    [
      '2026-11-19T11:00:01Z',
      '2026-11-20T11:00:01Z',
      'America/Los_Angeles',
      {
        utc: '2026-11-19 11:00:01 – 2026-11-20 11:00:01 UTC',
        local: '2026-11-19 03:00:01 – 2026-11-20 03:00:01 America/Los_Angeles (UTC-08:00)',
        duration: '1 day',
      },
    ],
    // A window across the US DST change shows both offsets.
    [
      '2026-10-31T12:00:00Z',
      '2026-11-02T12:00:00Z',
      'America/New_York',
      {
        utc: '2026-10-31 12:00 – 2026-11-02 12:00 UTC',
        local: '2026-10-31 08:00 – 2026-11-02 07:00 America/New_York (UTC-04:00 → UTC-05:00)',
        duration: '2 days',
      },
    ],
  ])('%s – %s viewed in %s', (from, to, zone, expected) => {
    expect(describeWindow({ from: at(from), to: at(to) }, zone)).toEqual(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [15 * 60_000, '15 minutes'],
    [90 * 60_000, '1 hour 30 minutes'],
    [90 * 86_400_000, '90 days'],
    [86_400_000 + 3_600_000 + 60_000, '1 day 1 hour'],
    [1000, '1 second'],
    [0, '0 seconds'],
  ])('%d ms → %s', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});

describe('describeInstant', () => {
  it('adds the viewer clock only when it differs from UTC', () => {
    expect(describeInstant(at('2026-11-20T11:00:05Z'), 'UTC')).toBe('2026-11-20 11:00:05 UTC');
    expect(describeInstant(at('2026-11-20T11:00:05Z'), 'Asia/Tokyo')).toBe(
      '2026-11-20 11:00:05 UTC (2026-11-20 20:00:05 Asia/Tokyo)',
    );
  });
});
