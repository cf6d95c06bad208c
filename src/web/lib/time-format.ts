import { instantToMs } from '../../contract/time.ts';
import { formatOffset, offsetMinutes, wallClock, zoneOffsetMs } from './time-zone.ts';

/**
 * Instants as text in an IANA zone (a `DisplayZone`'s `zone`, see time-zone.ts): every
 * function here takes the zone already resolved, so it renders the same on the server and in
 * the browser.
 */

/** "2026-11-20 15:30:00" (or "… 15:30") — wall-clock date and time in an IANA zone. */
export function formatWallTime(ms: number, zone: string, withSeconds = true): string {
  const p = wallClock(ms, zone);
  const time = `${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** A normalised instant (ISO UTC, 6 fraction digits) in the zone, or "—". */
export function formatInstant(iso: string | null, zone: string): string {
  if (!iso) return '—';
  return formatWallTime(instantToMs(iso), zone);
}

/**
 * A normalised instant ("…T10:00:00.123456Z") as ISO 8601 in the zone, keeping all six
 * fraction digits and the offset, so exported times stay unambiguous across DST changes:
 * "2026-11-20T15:30:00.123456+05:30" (UTC keeps its "Z").
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
export function toLocalInputValue(ms: number, zone: string): string {
  return formatWallTime(ms, zone).slice(0, 16);
}

/**
 * Reads `YYYY-MM-DD HH:MM` (or `…THH:MM`, as `datetime-local` wrote it) as wall-clock time in
 * the zone; epoch ms, or null when it is not a real date and 24-hour time.
 */
export function fromLocalInputValue(value: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // 2026-02-30 would roll over to March: not a date anyone meant.
  if (new Date(guess).getUTCDate() !== d || new Date(guess).getUTCMonth() !== mo - 1) return null;
  // The zone's offset at the guess, then at the first correction (it may differ across DST).
  const offset = (ms: number) => zoneOffsetMs(ms, zone);
  const first = guess - offset(guess);
  return guess - offset(first);
}
