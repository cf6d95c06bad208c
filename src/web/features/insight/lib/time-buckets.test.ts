import { describe, expect, it } from 'vitest';
import {
  bucketEdges,
  bucketIndex,
  bucketLabel,
  bucketStart,
  chooseBucketMs,
} from './time-buckets.ts';
import { zoneOffsetMs } from '../../../lib/time-zone.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const t = (iso: string) => Date.parse(iso);
const end = t('2026-11-27T12:00:00Z');

describe('chooseBucketMs', () => {
  it.each([
    [0, MIN],
    [15 * MIN, MIN],
    [HOUR, MIN],
    [2 * HOUR, MIN],
    [2 * HOUR + 1, 2 * MIN],
    [24 * HOUR, 15 * MIN],
    [7 * DAY, 2 * HOUR],
    [30 * DAY, 6 * HOUR],
    [90 * DAY, DAY],
    [400 * DAY, DAY],
  ])('span %d ms → %d ms', (span, size) => {
    expect(chooseBucketMs({ from: end - span, to: end })).toBe(size);
  });
});

describe('time zones', () => {
  it.each([
    ['UTC', '2026-11-27T12:00:00Z', 0],
    ['Asia/Kolkata', '2026-11-27T12:00:00Z', 5.5 * HOUR],
    ['America/New_York', '2026-11-27T12:00:00Z', -5 * HOUR],
    ['America/New_York', '2026-07-01T12:00:00Z', -4 * HOUR],
    ['Asia/Kathmandu', '2026-11-27T12:00:00Z', 5.75 * HOUR],
  ])('%s at %s is %d ms ahead', (zone, iso, offset) => {
    expect(zoneOffsetMs(t(iso), zone)).toBe(offset);
  });
});

describe('bucketStart', () => {
  it.each([
    ['2026-11-27T10:07:31Z', 15 * MIN, 'UTC', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:07:31Z', HOUR, 'Asia/Kolkata', '2026-11-27T09:30:00.000Z'],
    ['2026-11-27T10:07:31Z', DAY, 'Asia/Kolkata', '2026-11-26T18:30:00.000Z'],
    ['2026-11-27T03:00:00Z', DAY, 'America/New_York', '2026-11-26T05:00:00.000Z'],
    ['2026-11-27T10:07:31Z', DAY, 'UTC', '2026-11-27T00:00:00.000Z'],
  ])('%s by %d in %s → %s', (iso, size, zone, expected) => {
    expect(new Date(bucketStart(t(iso), size, zone)).toISOString()).toBe(expected);
  });
});

describe('bucketEdges', () => {
  it('covers the window with aligned, increasing edges', () => {
    const window = { from: t('2026-11-27T10:07:00Z'), to: t('2026-11-27T11:07:00Z') };
    const edges = bucketEdges(window, 15 * MIN, 'UTC');
    expect(edges.map((e) => new Date(e).toISOString().slice(11, 16))).toEqual([
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
    ]);
  });

  it('makes local days of 23 and 25 hours across daylight-saving changes', () => {
    const window = { from: t('2026-03-07T12:00:00Z'), to: t('2026-03-10T12:00:00Z') };
    const edges = bucketEdges(window, DAY, 'America/New_York');
    const lengths = edges.slice(1).map((e, i) => (e - (edges[i] ?? 0)) / HOUR);
    expect(lengths).toEqual([24, 23, 24, 24]);
    const autumn = { from: t('2026-10-31T12:00:00Z'), to: t('2026-11-02T12:00:00Z') };
    const fall = bucketEdges(autumn, DAY, 'America/New_York');
    expect(fall.slice(1).map((e, i) => (e - (fall[i] ?? 0)) / HOUR)).toEqual([24, 25, 24]);
  });

  it('keeps at most 120 buckets for every preset window', () => {
    for (const span of [15 * MIN, HOUR, DAY, 7 * DAY, 30 * DAY, 90 * DAY]) {
      const window = { from: end - span, to: end };
      const edges = bucketEdges(window, chooseBucketMs(window), 'Asia/Kolkata');
      expect(edges.length - 1).toBeLessThanOrEqual(121);
      expect(edges[0]).toBeLessThanOrEqual(window.from);
      expect(edges.at(-1)).toBeGreaterThanOrEqual(window.to);
    }
  });

  it('gives an empty window one bucket', () => {
    expect(bucketEdges({ from: end, to: end }, MIN, 'UTC')).toEqual([end, end + MIN]);
  });
});

describe('bucketIndex', () => {
  const edges = [0, 10, 20, 30];
  it.each([
    [-1, -1],
    [0, 0],
    [9, 0],
    [10, 1],
    [29, 2],
    [30, -1],
  ])('%d → %d', (ms, index) => expect(bucketIndex(edges, ms)).toBe(index));
});

describe('bucketLabel', () => {
  const day = { from: end - DAY, to: end };
  const hour = { from: end - HOUR, to: end };
  it.each([
    [t('2026-11-27T10:15:00Z'), 15 * MIN, hour, 'UTC', '10:15'],
    [t('2026-11-27T10:15:00Z'), 15 * MIN, hour, 'Asia/Kolkata', '15:45'],
    [t('2026-11-27T10:00:00Z'), 15 * MIN, { from: end - 2 * DAY, to: end }, 'UTC', '27 Nov, 10:00'],
    [t('2026-11-26T18:30:00Z'), DAY, day, 'Asia/Kolkata', '27 Nov'],
  ])('%d by %d → %s', (ms, size, window, zone, label) => {
    expect(bucketLabel(ms, size, window, zone)).toBe(label);
  });
});
