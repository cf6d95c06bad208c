import type { ListFilters } from './list-filters.ts';
import { parseInstant } from './time.ts';

/**
 * The creation-time window Plivo applies to a list query, in microseconds since the epoch,
 * inclusive at both ends: the last 24 hours unless a `session_time*` filter is given, never
 * further back than 90 days. The simulator and the session index both answer by it, so a
 * query means the same thing whoever answers.
 */
export const PLIVO_HORIZON_DAYS = 90;
export const DAY_US = 86_400_000_000;

export type QueryWindow = { fromUs: number; toUs: number; defaultedTo24h: boolean };

/** `horizonDays`: how far back anything exists (Plivo: 90; the index keeps more). */
export function queryWindow(
  filters: ListFilters,
  nowUs: number,
  horizonDays = PLIVO_HORIZON_DAYS,
): QueryWindow {
  let lo = nowUs - horizonDays * DAY_US;
  let hi = nowUs;
  const given = [
    filters.session_time,
    filters.session_time__gt,
    filters.session_time__gte,
    filters.session_time__lt,
    filters.session_time__lte,
  ].some((v) => v !== undefined);
  if (!given) lo = Math.max(lo, nowUs - DAY_US);
  const bound = (value: string | undefined, apply: (us: number, unit: number) => void) => {
    const us = value === undefined ? null : instantUs(value);
    if (value !== undefined && us !== null) apply(us, precisionUs(value));
  };
  bound(filters.session_time__gte, (us) => (lo = Math.max(lo, us)));
  bound(filters.session_time__gt, (us) => (lo = Math.max(lo, us + 1)));
  bound(filters.session_time__lte, (us) => (hi = Math.min(hi, us)));
  bound(filters.session_time__lt, (us) => (hi = Math.min(hi, us - 1)));
  // An exact time matches at the precision it was written with: "10:20" is that minute.
  bound(filters.session_time, (us, unit) => {
    lo = Math.max(lo, us);
    hi = Math.min(hi, us + unit - 1);
  });
  return { fromUs: lo, toUs: hi, defaultedTo24h: !given };
}

export function instantUs(value: string): number | null {
  const parsed = parseInstant(value);
  return parsed ? parsed.epochSeconds * 1_000_000 + parsed.micros : null;
}

function precisionUs(value: string): number {
  const fraction = /\.(\d+)$/.exec(value)?.[1];
  if (fraction) return 10 ** (6 - Math.min(6, fraction.length));
  return /\d{2}:\d{2}:\d{2}$/.test(value) ? 1_000_000 : 60_000_000;
}

/** ISO UTC with six fraction digits for microseconds since the epoch. */
export function usToIso(us: number): string {
  const ms = Math.floor(us / 1000);
  const micros = us - Math.floor(us / 1_000_000) * 1_000_000;
  return `${new Date(ms).toISOString().slice(0, 19)}.${String(micros).padStart(6, '0')}Z`;
}
