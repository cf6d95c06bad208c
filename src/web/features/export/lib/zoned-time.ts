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

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(ms: number, zone: string): Record<string, string> {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, p.value]));
}

/** Minutes east of UTC at that instant, e.g. 330 for Asia/Kolkata. */
export function offsetMinutes(ms: number, zone: string): number {
  const p = wallParts(ms, zone);
  const wall = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']),
    Number(p['minute']),
    Number(p['second']),
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "2026-11-20 15:30:00" — wall-clock date and time in the zone. */
export function formatWallTime(ms: number, zone: string, withSeconds = true): string {
  const p = wallParts(ms, zone);
  const time = `${p['hour']}:${p['minute']}${withSeconds ? `:${p['second']}` : ''}`;
  return `${p['year']}-${p['month']}-${p['day']} ${time}`;
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
