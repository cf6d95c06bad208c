import { describe, expect, it } from 'vitest';
import { brushWindow, nextWindow, previousWindow, zoomOut } from './window-steps.ts';

const M = 60_000;
const at = (minutes: number) => minutes * M;
const buckets = [0, 15, 30, 45].map((m) => ({ start: at(m), end: at(m + 15) }));
const window = { from: at(5), to: at(55) };

describe('window steps', () => {
  it.each([
    [1, 2, { from: at(15), to: at(45) }],
    [2, 1, { from: at(15), to: at(45) }],
    [0, 3, { from: at(5), to: at(55) }],
    [2, 2, { from: at(30), to: at(45) }],
  ])('drag from bucket %i to %i', (a, b, expected) => {
    expect(brushWindow(buckets, a, b, window)).toEqual(expected);
  });
  it('a drag outside the buckets selects nothing', () => {
    expect(brushWindow(buckets, 0, 9, window)).toBeNull();
  });

  it.each([
    [
      'around the centre',
      { from: at(600), to: at(640) },
      at(10_000),
      { from: at(580), to: at(660) },
    ],
    [
      'at now, growing backwards',
      { from: at(600), to: at(640) },
      at(650),
      { from: at(570), to: at(650) },
    ],
    ['never before the horizon', { from: at(10), to: at(50) }, at(10_000), { from: 0, to: at(70) }],
  ])('zoom out ×2 %s', (_name, w, now, expected) => {
    expect(zoomOut(w, now, 0)).toEqual(expected);
  });
  it('zoom out of 40 minutes gives the 80 around them', () => {
    const w = { from: at(620), to: at(660) };
    const out = zoomOut(w, at(10_000), 0);
    expect(out).toEqual({ from: at(600), to: at(680) });
  });

  it.each([
    [{ from: at(100), to: at(140) }, 0, { from: at(60), to: at(100) }],
    [{ from: at(20), to: at(60) }, 0, null],
  ])('previous window of %o', (w, earliest, expected) => {
    expect(previousWindow(w, earliest)).toEqual(expected);
  });
  it.each([
    [{ from: at(100), to: at(140) }, at(200), { from: at(140), to: at(180) }],
    [{ from: at(100), to: at(140) }, at(150), null],
  ])('next window of %o', (w, now, expected) => {
    expect(nextWindow(w, now)).toEqual(expected);
  });
});
