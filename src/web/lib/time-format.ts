import { instantToMs } from '../../contract/time.ts';

// Chromium's Intl still reports some zones by their retired IANA names (India shows as
// "Asia/Calcutta"); labels, reports and exports use today's names.
const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

export function currentZoneName(zone: string): string {
  return CURRENT_ZONE_NAMES[zone] ?? zone;
}

let viewerZone: string | null = null;

/**
 * The viewer's own zone, by its current IANA name. Read once: it is asked for by every time
 * cell, and building an Intl.DateTimeFormat for it each time was a tenth of the first render.
 */
export function browserTimeZone(): string {
  viewerZone ??= currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return viewerZone;
}

/**
 * The server's pre-render has no browser to ask: it renders for the zone the browser reported
 * last time (a cookie), set here around one synchronous render. Not for browser code.
 */
export function renderForViewerZone<T>(zone: string, render: () => T): T {
  const before = viewerZone;
  viewerZone = currentZoneName(zone);
  try {
    return render();
  } finally {
    viewerZone = before;
  }
}

/** The IANA zone to hand to Intl for a URL `tz` value. */
export function resolveTimeZone(tz: string): string {
  if (tz === 'utc') return 'UTC';
  if (tz === 'local') return browserTimeZone();
  return tz;
}

/** A short label for the zone, e.g. "UTC", "Asia/Kolkata (local)". */
export function zoneLabel(tz: string): string {
  if (tz === 'utc') return 'UTC';
  if (tz === 'local') return `${resolveTimeZone(tz)} (local)`;
  return tz;
}

/** Wall-clock fields of an instant in a zone, zero-padded: year "2026", month "11", hour "07"… */
export type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

// One formatter per IANA zone, shared by every caller: building an Intl formatter is costly.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in an IANA zone (not a URL `tz`); throws RangeError for an unknown zone. */
export function wallClock(ms: number, zone: string): WallClock {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  const parts = new Map(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const field = (type: keyof WallClock) => parts.get(type) ?? '';
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far the IANA zone's wall clock is ahead of UTC at this instant, in ms. */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const p = wallClock(ms, zone);
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** "2026-11-20 15:30:00" (or "… 15:30") — wall-clock date and time in an IANA zone. */
export function formatWallTime(ms: number, zone: string, withSeconds = true): string {
  const p = wallClock(ms, zone);
  const time = `${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** `2026-11-20 10:00:03` in the display zone (the zone is labelled by the caller). */
export function formatInZone(ms: number, tz: string): string {
  return formatWallTime(ms, resolveTimeZone(tz));
}

/** A normalised instant (ISO UTC, 6 fraction digits) in the display zone, or "—". */
export function formatInstant(iso: string | null, tz: string): string {
  if (!iso) return '—';
  return formatInZone(instantToMs(iso), tz);
}

/** "+2 min 5 s" between two normalised instants. */
export function formatGap(fromIso: string, toIso: string): string {
  const seconds = Math.round((instantToMs(toIso) - instantToMs(fromIso)) / 1000);
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '+';
  if (abs < 60) return `${sign}${abs} s`;
  if (abs < 3600) return `${sign}${Math.floor(abs / 60)} min ${abs % 60} s`;
  return `${sign}${Math.floor(abs / 3600)} h ${Math.floor((abs % 3600) / 60)} min`;
}

/**
 * Wall-clock `YYYY-MM-DD HH:MM` (24-hour) in the zone, for the window's From/To boxes: plain
 * text rather than `datetime-local`, whose picker follows the browser's locale (AM/PM in
 * en-US) while every other time on the page is 24-hour.
 */
export function toLocalInputValue(ms: number, tz: string): string {
  return formatInZone(ms, tz).slice(0, 16);
}

/**
 * Reads `YYYY-MM-DD HH:MM` (or `…THH:MM`, as `datetime-local` wrote it) as wall-clock time in
 * the zone; epoch ms, or null when it is not a real date and 24-hour time.
 */
export function fromLocalInputValue(value: string, tz: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // 2026-02-30 would roll over to March: not a date anyone meant.
  if (new Date(guess).getUTCDate() !== d || new Date(guess).getUTCMonth() !== mo - 1) return null;
  // The zone's offset at the guess, then at the first correction (it may differ across DST).
  const zone = resolveTimeZone(tz);
  const offset = (ms: number) => zoneOffsetMs(ms, zone);
  const first = guess - offset(guess);
  return guess - offset(first);
}
