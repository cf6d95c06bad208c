// The edges of exact money that the table tests in money.test.ts leave open (found by
// mutation testing: `npm run test:mutation`).
import { describe, expect, it } from 'vitest';
import { canonicalMoney, formatMoney, moneyEquals, parseMoney, sumMoney } from './money.ts';

describe('money: precision and sign', () => {
  it('keeps nine decimals and refuses a tenth that would be lost', () => {
    expect(parseMoney('0.000000001')).toBe(1n);
    expect(parseMoney('0.123456789')).toBe(123_456_789n);
    // Trailing zeros beyond nine places lose nothing: still accepted.
    expect(parseMoney('0.1234567890000')).toBe(123_456_789n);
    // A non-zero tenth decimal (anywhere past the ninth) would be silently dropped: refused.
    expect(parseMoney('0.1234567891')).toBeNull();
    expect(parseMoney('0.0000000001')).toBeNull();
    expect(parseMoney('1.0000000000001')).toBeNull();
    expect(canonicalMoney('0.0000000005')).toBeNull();
  });

  it('scales whole units by 10^9 and keeps the sign', () => {
    expect(parseMoney('1')).toBe(1_000_000_000n);
    expect(parseMoney('12.5')).toBe(12_500_000_000n);
    expect(parseMoney('-0.5')).toBe(-500_000_000n);
    expect(parseMoney('-3')).toBe(-3_000_000_000n);
    expect(parseMoney('0')).toBe(0n);
  });

  it('trims surrounding space but nothing else', () => {
    expect(parseMoney(' 0.05 ')).toBe(50_000_000n);
    expect(parseMoney('+1')).toBeNull();
    expect(parseMoney('.5')).toBeNull();
    expect(parseMoney('5.')).toBeNull();
    expect(parseMoney('1 000')).toBeNull();
    expect(parseMoney('x1')).toBeNull();
    expect(parseMoney('1x')).toBeNull();
  });

  it('accepts finite numbers and nothing else that is not a string', () => {
    expect(parseMoney(0.25)).toBe(250_000_000n);
    expect(parseMoney(3)).toBe(3_000_000_000n);
    expect(parseMoney(Number.NaN)).toBeNull();
    expect(parseMoney(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseMoney(1n)).toBeNull();
    expect(parseMoney(true)).toBeNull();
  });

  it('formats negatives, zero, and fractions with leading zeros', () => {
    expect(formatMoney(-500_000_000n)).toBe('-0.5');
    expect(formatMoney(-1n)).toBe('-0.000000001');
    expect(formatMoney(0n)).toBe('0');
    expect(formatMoney(0n, 2)).toBe('0.00');
    expect(formatMoney(1_000_000_000n)).toBe('1');
    expect(formatMoney(1_000_000_000n, 2)).toBe('1.00');
    expect(formatMoney(1_050_000_000n)).toBe('1.05');
    // Already longer than the minimum: never cut.
    expect(formatMoney(1_234_000_000n, 2)).toBe('1.234');
    expect(formatMoney(1_230_000_000n, 2)).toBe('1.23');
  });

  it('sums mixed signs and skips what it cannot read', () => {
    expect(sumMoney([])).toBe('0');
    expect(sumMoney(['0.5', '-0.2'])).toBe('0.3');
    expect(sumMoney(['0.5', 'n/a', '0.25'])).toBe('0.75');
  });

  it('compares exactly, and never calls two unreadable amounts equal', () => {
    expect(moneyEquals('abc', 'abc')).toBe(false);
    expect(moneyEquals('abc', '0')).toBe(false);
    expect(moneyEquals('0', 'abc')).toBe(false);
    expect(moneyEquals('-0.1', '0.1')).toBe(false);
    expect(moneyEquals('0.100000000', '0.1')).toBe(true);
  });
});
