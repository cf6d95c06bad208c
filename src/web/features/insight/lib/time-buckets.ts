import { zoneOffsetMs } from '../../../lib/time-zone.ts';
import { MAX_BUCKETS } from './max-buckets.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Bucket sizes that read well on an axis; the smallest giving ≤ MAX_BUCKETS is used. */
export const BUCKET_SIZES_MS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
] as const;

export type TimeWindow = { from: number; to: number };

export function chooseBucketMs(window: TimeWindow, maxBuckets = MAX_BUCKETS): number {
  const span = Math.max(0, window.to - window.from);
  return BUCKET_SIZES_MS.find((size) => Math.ceil(span / size) <= maxBuckets) ?? DAY;
}

/** Start of the bucket holding `ms`, aligned to the zone's wall clock (local midnight, :00, :15…). */
export function bucketStart(ms: number, sizeMs: number, zone: string): number {
  const offset = zoneOffsetMs(ms, zone);
  const wallStart = Math.floor((ms + offset) / sizeMs) * sizeMs;
  // Across a daylight-saving change the bucket start may have another offset than `ms`.
  return wallStart - zoneOffsetMs(wallStart - offset, zone);
}

/** Bucket edges covering the window: [e0, e1), [e1, e2)…; e0 ≤ from and the last ≥ to. */
export function bucketEdges(window: TimeWindow, sizeMs: number, zone: string): number[] {
  const edges = [bucketStart(window.from, sizeMs, zone)];
  let edge = edges[0] ?? window.from;
  while (edge < window.to) {
    // Half a bucket past the next edge lands inside the next bucket even on 23 h / 25 h days.
    let next = bucketStart(edge + sizeMs * 1.5, sizeMs, zone);
    if (next <= edge) next = edge + sizeMs;
    edges.push(next);
    edge = next;
  }
  if (edges.length === 1) edges.push(edge + sizeMs);
  return edges;
}

/** Index of the bucket holding `ms`, or -1 outside the edges (binary search). */
export function bucketIndex(edges: readonly number[], ms: number): number {
  if (edges.length < 2 || ms < (edges[0] ?? 0) || ms >= (edges.at(-1) ?? 0)) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((edges[mid] ?? 0) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();
function labelFormatter(zone: string, withDate: boolean, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withDate}|${withTime}`;
  let f = labelFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      ...(withDate ? { day: 'numeric', month: 'short' } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    labelFormatters.set(key, f);
  }
  return f;
}

/** Axis tick text: "10:15" within a day, "27 Nov, 10:00" across days, "27 Nov" for day buckets. */
export function bucketLabel(startMs: number, sizeMs: number, window: TimeWindow, zone: string) {
  const withTime = sizeMs < DAY;
  const withDate = !withTime || window.to - window.from > DAY;
  return labelFormatter(zone, withDate, withTime).format(new Date(startMs));
}

/** "27 Nov, 10:00 – 27 Nov, 10:15 UTC": the full span of a bucket, zone named. */
export function bucketRangeLabel(startMs: number, endMs: number, sizeMs: number, zone: string) {
  const f = labelFormatter(zone, true, sizeMs < DAY);
  return `${f.format(new Date(startMs))} – ${f.format(new Date(endMs))} ${zone}`;
}
