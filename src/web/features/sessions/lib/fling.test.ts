import { describe, expect, it } from 'vitest';
import { isFling, nextMotion, STILL, type Motion } from './fling.ts';

const VIEW = 700;

/** The motion after scrolling to each offset, one frame (16 ms) apart. */
function framesTo(offsets: number[], gapMs = 16, from: Motion = STILL): Motion {
  return offsets.reduce((m, offset, i) => nextMotion(m, offset, 1000 + i * gapMs, VIEW), from);
}

describe('fling', () => {
  it('is a second screen-sized step within a few frames', () => {
    expect(isFling(framesTo([700]))).toBe(false);
    expect(isFling(framesTo([700, 1400]))).toBe(true);
    expect(isFling(framesTo([700, 1400, 2100, 2800]))).toBe(true);
  });

  it('is not a wheel or trackpad, however long it runs', () => {
    const wheel = Array.from({ length: 200 }, (_, i) => (i + 1) * 120);
    expect(isFling(framesTo(wheel))).toBe(false);
  });

  it('is not two jumps far apart in time (Page Down, pressed twice)', () => {
    expect(isFling(framesTo([700, 1400], 200))).toBe(false);
  });

  it('ends on the first small step, and counts afresh after it', () => {
    const flung = framesTo([700, 1400, 2100]);
    const slowed = nextMotion(flung, 2150, 1100, VIEW);
    expect(isFling(slowed)).toBe(false);
    expect(isFling(nextMotion(slowed, 2900, 1116, VIEW))).toBe(false);
  });

  it('counts steps either way: flung back up is a fling too', () => {
    expect(isFling(framesTo([20_000, 19_300, 18_600], 16, { ...STILL, offset: 20_700 }))).toBe(
      true,
    );
  });

  it('keeps its answer when asked again at the same offset (a re-render, not a scroll)', () => {
    const flung = framesTo([700, 1400]);
    expect(nextMotion(flung, 1400, 5000, VIEW)).toBe(flung);
  });
});
