import { describe, expect, it } from 'vitest';
import { formatDuration, formatEstimate } from './duration.ts';

describe('formatDuration', () => {
  it.each([
    [-5, '0 s'],
    [0, '0 s'],
    [12_400, '12 s'],
    [59_600, '1 min 00 s'],
    [125_000, '2 min 05 s'],
    [3_780_000, '1 h 03 min'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatEstimate', () => {
  it.each([
    [null, 'time left unknown'],
    [0, 'under a minute left'],
    [59_999, 'under a minute left'],
    [7 * 60_000 + 10_000, 'about 7 min left'],
    [3 * 3_600_000, 'about 3 h left'],
  ])('%s → %s', (ms, text) => expect(formatEstimate(ms)).toBe(text));
});
