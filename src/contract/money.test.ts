import { describe, expect, it } from 'vitest';
import { canonicalMoney, formatMoney, moneyEquals, parseMoney, sumMoney } from './money.ts';

describe('money', () => {
  it.each([
    ['0', '0'],
    ['0.0000', '0'],
    ['0.00600', '0.006'],
    ['0.05', '0.05'],
    ['12.5', '12.5'],
    ['-0.10', '-0.1'],
  ])('canonical form of %s is %s', (input, expected) => {
    expect(canonicalMoney(input)).toBe(expected);
  });

  it.each(['', 'abc', '1e-3', '0.1.2', null, undefined, {}])('rejects %s', (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it('sums exactly where floats drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney(['0.1', '0.2'])).toBe('0.3');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.00600'))).toBe('6');
  });

  it('pads to a minimum number of fraction digits', () => {
    expect(formatMoney(parseMoney('1.5')!, 4)).toBe('1.5000');
    expect(moneyEquals('0.13000', '0.13')).toBe(true);
    expect(moneyEquals('0.13', '0.131')).toBe(false);
  });
});
