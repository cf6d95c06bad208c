import { describe, expect, it } from 'vitest';
import { binomialTwoSided, fisherGreater, logFactorial } from './exact-tests.ts';

describe('exact tests', () => {
  it('ln(n!) matches a plain sum on both sides of the table', () => {
    for (const n of [0, 1, 5, 1023, 1024, 5000]) {
      let sum = 0;
      for (let k = 2; k <= n; k++) sum += Math.log(k);
      expect(logFactorial(n)).toBeCloseTo(sum, 6);
    }
  });

  // Hypergeometric tails worked by hand, e.g. 10 of 10 against 1 of 8: C(11,10)/C(18,10);
  // 3 of 10 against 3 of 10: (20·C(14,7) + 15·C(14,6) + 6·C(14,5) + C(14,4)) / C(20,10).
  it.each([
    [10, 10, 1, 8, 2.5138e-4],
    [12, 18, 1, 13, 1.2116e-3],
    [3, 10, 3, 10, 0.68576],
    [0, 5, 0, 5, 1],
    [5, 5, 0, 5, 3.968e-3],
  ])('Fisher, %i of %i against %i of %i: p = %f', (a, n1, c, n2, p) => {
    expect(fisherGreater(a, n1, c, n2)).toBeCloseTo(p, 4);
  });

  // Twice the smaller tail, by hand: 0 of 20 at ½ is 2 · 2⁻²⁰; 2 of 40, 2 · (1 + 40 + 780) · 2⁻⁴⁰.
  it.each([
    [0, 20, 0.5, 1.907e-6],
    [20, 20, 0.5, 1.907e-6],
    [10, 20, 0.5, 1],
    [2, 40, 0.5, 1.4934e-9],
  ])('binomial, %i of %i at %f: p = %f', (k, n, p0, p) => {
    expect(binomialTwoSided(k, n, p0)).toBeCloseTo(p, 6);
  });

  it('a large segment is exact too, without running long', () => {
    const p = fisherGreater(600, 5000, 500, 5000);
    expect(p).toBeGreaterThan(0.0005);
    expect(p).toBeLessThan(0.002);
  });
});
