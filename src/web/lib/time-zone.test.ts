import { describe, expect, it, vi } from 'vitest';
import { currentZoneName, displayZone, formatOffset, offsetMinutes } from './time-zone.ts';

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
