/**
 * Exact decimal money. Plivo sends amounts as decimal strings of varying precision
 * ("0", "0.05", "0.00600"); summing them as floats drifts, so every amount is held as a
 * BigInt count of nano-units (1e-9) and printed back as a trimmed decimal string.
 */
/**
 * The currency of every amount: Plivo bills in US dollars and its Verify payloads carry no
 * currency field, so the dashboard labels amounts with this assumption rather than a code
 * it read.
 */
export const CHARGE_CURRENCY = 'USD';

const SCALE_DIGITS = 9;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a decimal string into nano-units; null when it is not a plain decimal. */
export function parseMoney(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isFinite(value)) return parseMoney(String(value));
  if (typeof value !== 'string') return null;
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > SCALE_DIGITS && /[1-9]/.test(fraction.slice(SCALE_DIGITS))) return null;
  const units =
    BigInt(whole) * SCALE + BigInt(fraction.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0'));
  return sign ? -units : units;
}

/** Formats nano-units as a decimal string with at least `minFraction` fraction digits. */
export function formatMoney(units: bigint, minFraction = 0): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / SCALE;
  let fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Sums decimal strings exactly; unparseable entries count as zero (callers flag them). */
export function sumMoney(values: readonly string[]): string {
  let total = 0n;
  for (const value of values) total += parseMoney(value) ?? 0n;
  return formatMoney(total);
}

/** The canonical form of a decimal string ("0.00600" → "0.006"), or null if it is not one. */
export function canonicalMoney(value: unknown): string | null {
  const units = parseMoney(value);
  return units === null ? null : formatMoney(units);
}

export function moneyEquals(a: string, b: string): boolean {
  const x = parseMoney(a);
  return x !== null && x === parseMoney(b);
}
