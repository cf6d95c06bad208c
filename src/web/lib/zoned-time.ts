import { formatWallTime, zoneOffsetMs } from './time-format.ts';

/**
 * Instants rendered in a chosen time zone, for exports and the report header. Intl gives
 * wall-clock parts; the offset is derived from them so every rendered time carries its
 * offset and stays unambiguous (including across DST changes inside one export).
 */
export function isTimeZoneName(name: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** The URL's `tz` (utc | local | IANA name) as an IANA zone; unknown names fall back to UTC. */
export function resolveTimeZone(tz: string | null | undefined, localZone: string): string {
  if (!tz || tz.toLowerCase() === 'utc') return 'UTC';
  if (tz === 'local') return localZone;
  return isTimeZoneName(tz) ? tz : 'UTC';
}

/** Minutes east of UTC at that instant, e.g. 330 for Asia/Kolkata. */
export function offsetMinutes(ms: number, zone: string): number {
  return Math.round(zoneOffsetMs(ms, zone) / 60_000);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A normalised instant ("…T10:00:00.123456Z") as ISO 8601 in the zone, keeping all six
 * fraction digits: "2026-11-20T15:30:00.123456+05:30" (UTC keeps its "Z").
 */
export function formatInstantInZone(iso: string | null, zone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) return iso;
  const fraction = /\.(\d+)Z$/i.exec(iso)?.[1] ?? '';
  const wall = formatWallTime(ms, zone).replace(' ', 'T') + (fraction ? `.${fraction}` : '');
  if (zone === 'UTC') return `${wall}Z`;
  return wall + formatOffset(offsetMinutes(ms, zone));
}
