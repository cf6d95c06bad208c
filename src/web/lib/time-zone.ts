import { isValidTimeZone } from '../../contract/time-zone.ts';

/**
 * Time zones: which IANA zone a URL `tz` means for this viewer, its label, and wall clocks
 * and offsets in it. The viewer's own zone is an argument, never read here behind the
 * caller's back: the server's pre-render and the browser's hydration must resolve `local`
 * to the same zone (see viewer-zone.tsx), and only the browser may ask Intl for its own.
 */

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

let browserZone: string | null = null;

/**
 * This browser's zone, by its current IANA name (browser code only). Read once: building an
 * Intl.DateTimeFormat to ask was a tenth of the first render when every time cell asked.
 */
export function browserTimeZone(): string {
  browserZone ??= currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return browserZone;
}

/** The zone every time on a view is shown in, and how it is labelled next to them. */
export type DisplayZone = {
  /** An IANA zone Intl knows: `UTC`, `Asia/Kolkata`… */
  zone: string;
  /** "UTC", "Europe/Paris", "Asia/Kolkata (local)". */
  label: string;
};

/**
 * The URL's `tz` (`utc` | `local` | an IANA name) for a viewer whose own zone is
 * `viewerZone`; a name this runtime does not know falls back to UTC, labelled as such.
 */
export function displayZone(tz: string | null | undefined, viewerZone: string): DisplayZone {
  if (tz === 'local') {
    const zone = currentZoneName(viewerZone);
    return { zone, label: `${zone} (local)` };
  }
  if (!tz || tz.toLowerCase() === 'utc' || !isValidTimeZone(tz)) return UTC_ZONE;
  return { zone: tz, label: tz };
}

export const UTC_ZONE: DisplayZone = { zone: 'UTC', label: 'UTC' };

/** Wall-clock fields of an instant in a zone, zero-padded: year "2026", month "11", hour "07"… */
export type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** The fields of a wall clock, zero-padded, on a 24-hour clock (with the 'en-CA' locale). */
export const WALL_CLOCK_FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

// One formatter per IANA zone, shared by every caller: building an Intl formatter is costly.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock as Intl computes it (the reference; slow: ~4 µs a call). */
function intlWallClock(ms: number, zone: string): WallClock {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { ...WALL_CLOCK_FIELDS, timeZone: zone });
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

const MINUTE_MS = 60_000;
// Offsets by zone and minute: zones change offset on minute boundaries, so one Intl call a
// minute of sessions replaces one a cell (a fast scroll formats ~25 rows' times a frame).
// Bounded: cleared when full, which costs only recomputation.
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 20_000;

function cachedOffsetMs(ms: number, zone: string): number {
  const minute = Math.floor(ms / MINUTE_MS);
  const key = `${zone} ${minute}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zoneOffsetMs(minute * MINUTE_MS, zone);
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock in an IANA zone (not a URL `tz`); throws RangeError for an unknown zone. */
export function wallClock(ms: number, zone: string): WallClock {
  const wall = new Date(ms + (zone === 'UTC' ? 0 : cachedOffsetMs(ms, zone)));
  return {
    year: pad(wall.getUTCFullYear(), 4),
    month: pad(wall.getUTCMonth() + 1),
    day: pad(wall.getUTCDate()),
    hour: pad(wall.getUTCHours()),
    minute: pad(wall.getUTCMinutes()),
    second: pad(wall.getUTCSeconds()),
  };
}

/** How far the IANA zone's wall clock is ahead of UTC at this instant, in ms. */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const p = intlWallClock(ms, zone);
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

/** Minutes east of UTC at that instant, e.g. 330 for Asia/Kolkata. */
export function offsetMinutes(ms: number, zone: string): number {
  return Math.round(zoneOffsetMs(ms, zone) / 60_000);
}

/** "+05:30", "-04:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
