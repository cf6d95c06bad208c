import { formatWallTime } from '../../../lib/time-format.ts';
import { formatOffset, offsetMinutes } from '../../../lib/time-zone.ts';

export type TimeWindowMs = { from: number; to: number };

const UNITS: [ms: number, one: string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/** "1 hour", "2 days 3 hours", "90 minutes" stays "1 hour 30 minutes". Two units at most. */
export function formatDuration(ms: number): string {
  const words: string[] = [];
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  for (const [size, one] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 && words.length < 2) words.push(`${n} ${one}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return words.join(' ') || '0 seconds';
}

function wall(ms: number, zone: string): string {
  const withSeconds = ms % 60_000 !== 0;
  return formatWallTime(ms, zone, withSeconds);
}

/** "2026-11-20 10:00 – 11:00" (the end's date only when it differs). */
function formatRange(window: TimeWindowMs, zone: string): string {
  const start = wall(window.from, zone);
  const end = wall(window.to, zone);
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${start} – ${sameDay ? end.slice(11) : end}`;
}

/** The zone's name and offset: "Asia/Kolkata (UTC+05:30)"; both offsets across a DST change. */
export function zoneLabel(window: TimeWindowMs, zone: string): string {
  const a = offsetMinutes(window.from, zone);
  const b = offsetMinutes(window.to, zone);
  const offsets =
    a === b ? `UTC${formatOffset(a)}` : `UTC${formatOffset(a)} → UTC${formatOffset(b)}`;
  return `${zone} (${offsets})`;
}

type WindowWords = {
  utc: string;
  /** The same window in the viewer's zone, or null when that zone is UTC at both ends. */
  local: string | null;
  duration: string;
};

export function describeWindow(window: TimeWindowMs, viewerZone: string): WindowWords {
  const isUtc =
    offsetMinutes(window.from, viewerZone) === 0 && offsetMinutes(window.to, viewerZone) === 0;
  return {
    utc: `${formatRange(window, 'UTC')} UTC`,
    local: isUtc ? null : `${formatRange(window, viewerZone)} ${zoneLabel(window, viewerZone)}`,
    duration: formatDuration(window.to - window.from),
  };
}

/** "2026-11-20 11:00:05 UTC" plus the viewer's clock when it differs. */
export function describeInstant(ms: number, viewerZone: string): string {
  const utc = `${formatWallTime(ms, 'UTC')} UTC`;
  if (offsetMinutes(ms, viewerZone) === 0) return utc;
  return `${utc} (${formatWallTime(ms, viewerZone)} ${viewerZone})`;
}
