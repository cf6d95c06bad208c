import { describe, expect, it } from 'vitest';
import { chartsParam, chartsShown } from './charts-visibility.ts';

describe('chartsShown', () => {
  it.each([
    ['', false, false],
    ['', true, true],
    ['charts=1', false, true],
    ['charts=1', true, true],
    ['charts=0', false, false],
    ['charts=0', true, false],
    ['charts=yes', false, false],
  ])('%s in report %s → %s', (query, report, shown) => {
    expect(chartsShown(new URLSearchParams(query), report)).toBe(shown);
  });
});

describe('chartsParam', () => {
  it('writes only what differs from the view’s default', () => {
    expect(chartsParam(true, false)).toBe('1');
    expect(chartsParam(false, false)).toBeNull();
    expect(chartsParam(false, true)).toBe('0');
    expect(chartsParam(true, true)).toBeNull();
  });

  it('round-trips through chartsShown', () => {
    for (const report of [false, true])
      for (const show of [false, true]) {
        const value = chartsParam(show, report);
        const params = new URLSearchParams(value === null ? '' : `charts=${value}`);
        expect(chartsShown(params, report)).toBe(show);
      }
  });
});
