/**
 * Exact significance tests for "what changed". Incident segments are small (a carrier in one
 * country over 40 minutes is a dozen sessions), where the normal approximation of a z-test
 * is far off; these tests sum the exact hypergeometric and binomial tails instead.
 */

const TABLE_SIZE = 1024;
const LOG_FACTORIALS = (() => {
  const table = new Float64Array(TABLE_SIZE);
  for (let n = 2; n < TABLE_SIZE; n++) table[n] = (table[n - 1] ?? 0) + Math.log(n);
  return table;
})();

/** ln(n!): a table for small n, Stirling's series (error < 1e-12 here) beyond it. */
export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return LOG_FACTORIALS[n] ?? 0;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    1 / (12 * n) -
    1 / (360 * n ** 3) +
    1 / (1260 * n ** 5)
  );
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/** Terms fall away from the mode: stop once they no longer add to the sum. */
const NEGLIGIBLE = 1e-17;

/**
 * One-sided Fisher exact test: the probability of `a` or more of `n1` window sessions failing
 * when the `a + c` failures among all `n1 + n2` sessions fell on window and baseline alike.
 * Small means the window's share is higher than chance explains.
 */
export function fisherGreater(a: number, n1: number, c: number, n2: number): number {
  const n = n1 + n2;
  const k = a + c;
  const top = Math.min(n1, k);
  const base = logChoose(n, n1);
  let p = 0;
  for (let x = a; x <= top; x++) {
    const term = Math.exp(logChoose(k, x) + logChoose(n - k, n1 - x) - base);
    p += term;
    if (x > a && term < p * NEGLIGIBLE) break;
  }
  return Math.min(1, p);
}

/**
 * Two-sided binomial test of `k` successes in `n` trials at probability `p0` (twice the
 * smaller tail, at most 1): for volume, `k` is the window's share of a segment's sessions.
 */
export function binomialTwoSided(k: number, n: number, p0: number): number {
  if (n === 0) return 1;
  if (p0 <= 0) return k === 0 ? 1 : 0;
  if (p0 >= 1) return k === n ? 1 : 0;
  const logTerm = (x: number) => logChoose(n, x) + x * Math.log(p0) + (n - x) * Math.log(1 - p0);
  const upper = k >= n * p0;
  let tail = 0;
  for (let x = k; upper ? x <= n : x >= 0; x += upper ? 1 : -1) {
    const term = Math.exp(logTerm(x));
    tail += term;
    if (x !== k && term < tail * NEGLIGIBLE) break;
  }
  return Math.min(1, 2 * tail);
}
