import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  currentZoneName,
  displayZone,
  formatOffset,
  offsetMinutes,
  wallClock,
  WALL_CLOCK_FIELDS,
} from './time-zone.ts';

describe('display zone', () => {
  it.each([
    ['utc', 'Asia/Kolkata', 'UTC', 'UTC'],
    [null, 'Asia/Kolkata', 'UTC', 'UTC'],
    ['Europe/Paris', 'Asia/Kolkata', 'Europe/Paris', 'Europe/Paris'],
    ['Mars/Olympus', 'Asia/Kolkata', 'UTC', 'UTC'],
    ['local', 'Asia/Kolkata', 'Asia/Kolkata', 'Asia/Kolkata (local)'],
    ['local', 'Asia/Calcutta', 'Asia/Kolkata', 'Asia/Kolkata (local)'],
    ['local', 'UTC', 'UTC', 'UTC (local)'],
  ])('tz=%s for a viewer in %s → %s, labelled “%s”', (tz, viewer, zone, label) => {
    expect(displayZone(tz, viewer)).toEqual({ zone, label });
  });

  it('resolves `local` to the zone it is given, not to the zone of the machine it runs on', () => {
    // The server pre-renders for the viewer's reported zone; its own zone must not leak in.
    const spy = vi
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockReturnValue({ timeZone: 'America/New_York' } as Intl.ResolvedDateTimeFormatOptions);
    try {
      expect(displayZone('local', 'Europe/Paris').zone).toBe('Europe/Paris');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('current zone names', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['Europe/Paris', 'Europe/Paris'],
    ['UTC', 'UTC'],
  ])('%s is shown as %s', (reported, shown) => {
    expect(currentZoneName(reported)).toBe(shown);
  });

  it('names the browser’s zone by its current name', async () => {
    // A fresh module: the zone is read once per page load.
    vi.resetModules();
    const fresh = await import('./time-zone.ts');
    const spy = vi
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockReturnValue({ timeZone: 'Asia/Calcutta' } as Intl.ResolvedDateTimeFormatOptions);
    try {
      expect(fresh.browserTimeZone()).toBe('Asia/Kolkata');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('offsets', () => {
  it.each([
    ['Asia/Kolkata', '+05:30'],
    ['America/New_York', '-05:00'],
    ['UTC', '+00:00'],
  ])('%s in November is %s', (zone, text) => {
    expect(formatOffset(offsetMinutes(Date.parse('2026-11-20T10:00:00Z'), zone))).toBe(text);
  });
});

describe('wall clock', () => {
  // The reference: what Intl says, field by field, for the same instant and zone.
  const reference = (ms: number, zone: string) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { ...WALL_CLOCK_FIELDS, timeZone: zone })
        .formatToParts(new Date(ms))
        .filter((part) => part.type !== 'literal')
        .map((part) => [part.type, part.value]),
    );
  // DST both ways, half- and quarter-hour offsets, a 30-minute DST shift, a date-line jump.
  const zones = [
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Apia',
  ];

  it('agrees with Intl for any instant from 1970 to 2040 in zones with odd offsets and DST', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(wallClock(ms, zone)).toEqual(reference(ms, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl in every minute around a DST change (Paris, 29 Mar and 25 Oct 2026)', () => {
    for (const start of [Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 9, 25, 0, 30)]) {
      for (let ms = start; ms < start + 2 * 3_600_000; ms += 59_999) {
        expect(wallClock(ms, 'Europe/Paris')).toEqual(reference(ms, 'Europe/Paris'));
      }
    }
  });

  it('throws RangeError for a zone the runtime does not know', () => {
    expect(() => wallClock(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
