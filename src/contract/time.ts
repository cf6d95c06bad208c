/**
 * Instants. Plivo returns the same instant as `…Z` from one call and `…+05:30` from another,
 * with up to six fraction digits; JavaScript's Date keeps only milliseconds. Instants are
 * therefore normalised by hand to ISO UTC with exactly six fraction digits, which also sorts
 * correctly as a plain string.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Go's zero time (year 1) stands for "never"; anything before 1971 is treated the same. */
const EARLIEST_REAL_YEAR = 1971;

type ParsedInstant = { epochSeconds: number; micros: number };

export function parseInstant(value: unknown): ParsedInstant | null {
  if (typeof value !== 'string') return null;
  const m = RFC3339.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that for Go's year 1.
  const date = new Date(utcMs);
  date.setUTCFullYear(year);
  const epochSeconds = date.getTime() / 1000 - offsetMinutes * 60;
  return { epochSeconds, micros: Number(frac.padEnd(6, '0').slice(0, 6)) };
}

/** ISO UTC with six fraction digits, or null for unparseable input and Go's zero time. */
export function normaliseInstant(value: unknown): string | null {
  const parsed = parseInstant(value);
  if (!parsed) return null;
  const date = new Date(parsed.epochSeconds * 1000);
  if (date.getUTCFullYear() < EARLIEST_REAL_YEAR) return null;
  return `${date.toISOString().slice(0, 19)}.${String(parsed.micros).padStart(6, '0')}Z`;
}

/** Milliseconds since the epoch of a normalised instant. */
export function instantToMs(iso: string): number {
  return Date.parse(iso.slice(0, 23) + 'Z');
}

/** Formats a Date (UTC) in Plivo's filter format `YYYY-MM-DD HH:MM:ss`. */
export function toPlivoTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return new Date(Date.UTC(2001, month, 0)).getUTCDate();
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
