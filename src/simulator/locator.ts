import { mix, type Rng } from './prng.ts';

/**
 * Session uuids carry their own address: the first 12 hex digits are the hour and the index
 * within the hour, scrambled by a seed-keyed invertible multiply so they still look random.
 * Retrieving a session therefore needs no uuid → session map for the 135k sessions.
 */
const MULTIPLIER = 0x9e3779b1;
const INVERSE = modularInverse(MULTIPLIER);
const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Inverse of an odd number modulo 2^32 by Newton's iteration (each step doubles the bits). */
function modularInverse(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

function keys(seed: number): [number, number] {
  return [mix(seed, 0x10ca), mix(seed, 0x10cb) & 0xffff];
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** The four 8-hex-digit groups that `formatUuid` lays out; the rest comes from `rng`. */
export function encodeLocator(
  seed: number,
  hour: number,
  index: number,
  rng: Rng,
): [string, string, string, string] {
  const [hourKey, indexKey] = keys(seed);
  // Folding the index into the hour word keeps one hour's uuids from sharing a prefix.
  const a = Math.imul((hour ^ hourKey ^ mix(hourKey, index)) >>> 0, MULTIPLIER) >>> 0;
  const b = Math.imul((index ^ indexKey) & 0xffff, MULTIPLIER) & 0xffff;
  return [hex(a, 8), hex(b, 4) + rng.hex32().slice(4), rng.hex32(), rng.hex32()];
}

export function decodeLocator(seed: number, uuid: string): { hour: number; index: number } | null {
  const match = UUID.exec(uuid.toLowerCase());
  if (!match) return null;
  const [, a = '', b = ''] = match;
  const [hourKey, indexKey] = keys(seed);
  const index = ((Math.imul(parseInt(b, 16), INVERSE) & 0xffff) ^ indexKey) & 0xffff;
  const hour = (Math.imul(parseInt(a, 16), INVERSE) ^ hourKey ^ mix(hourKey, index)) >>> 0;
  return { hour, index };
}
