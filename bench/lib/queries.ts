import { toPlivoTime } from '../../src/contract/time.ts';

/**
 * List queries for the server measurements, in Plivo's names. A "miss" query is unique per
 * request (its window ends one second earlier each time), so neither the server's cache nor
 * its coalescing can answer it; a "hit" query is the same every time.
 */
const DAY_MS = 86_400_000;

export function hitQuery(nowMs: number): string {
  const q = new URLSearchParams({
    status: 'verified',
    session_time__gte: toPlivoTime(nowMs - DAY_MS),
    session_time__lt: toPlivoTime(nowMs),
  });
  return q.toString();
}

/** Plivo's time format with microseconds, so every millisecond gives a distinct query. */
function plivoTimeMs(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** The n-th unique miss; `n` may run to millions and the window still holds a day of data. */
export function missQuery(nowMs: number, n: number): string {
  const q = new URLSearchParams({
    session_time__gte: toPlivoTime(nowMs - 2 * DAY_MS),
    session_time__lt: plivoTimeMs(nowMs - (n + 1)),
  });
  return q.toString();
}

export const upstreamListPath = (authId: string) => `/v1/Account/${authId}/Verify/Session/`;
