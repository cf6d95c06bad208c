import fc from 'fast-check';
import { fixtureSessions, syntheticUuid, type WireSession } from './fixtures.ts';

/**
 * Garbled but plausible Plivo payloads for the browser fuzz run: real SDK sessions with
 * fields dropped, nulled, retyped, made huge or filled with hostile unicode and markup.
 * Seeded, so a failing seed can be replayed.
 */
export const HOSTILE_TEXT = [
  '\u202Eevil RTL override',
  '👩‍👩‍👧‍👦🇮🇳',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'nul\u0000byte',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '__proto__',
  '   ',
  '',
  '9'.repeat(400),
];

const weird = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.constant('x'.repeat(50_000)),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant([null, 1, 'a']),
);

const mutation = fc.record({
  path: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }),
  drop: fc.boolean(),
  value: weird,
});
type Mutation = { path: number[]; drop: boolean; value: unknown };

/** Replaces or deletes the value at one path of a JSON tree (indices wrap around). */
function apply(value: unknown, [head = 0, ...rest]: number[], m: Mutation): unknown {
  if (value === null || typeof value !== 'object') return m.value;
  const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  if (entries.length === 0) return m.value;
  const [key, child] = entries[head % entries.length]!;
  const last = rest.length === 0;
  if (Array.isArray(value)) {
    if (last && m.drop) return value.filter((_, i) => i !== key);
    return value.map((v, i) => (i === key ? (last ? m.value : apply(v, rest, m)) : v));
  }
  const copy: Record<string, unknown> = { ...value };
  if (last && m.drop) delete copy[String(key)];
  else copy[String(key)] = last ? m.value : apply(child, rest, m);
  return copy;
}

/** Each session of a page gets 1–4 mutations; `session_uuid` stays a unique string for most. */
export function garbledSessions(seed: number, count = 20): unknown[] {
  const base = fixtureSessions();
  const plans = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 4 }), {
    seed,
    numRuns: count,
  });
  return plans.map((plan, i) => {
    const source: WireSession = {
      ...base[(seed + i) % base.length]!,
      session_uuid: syntheticUuid(i, 'f0'),
    };
    return plan.reduce<unknown>((s, m) => apply(s, m.path, m), source);
  });
}

/** A whole list reply around garbled sessions (its `meta` is left intact, so paging works). */
export function garbledList(seed: number): unknown {
  return {
    api_id: 'fuzz',
    meta: { limit: 20, offset: 0, next: null, previous: null },
    sessions: garbledSessions(seed),
  };
}
