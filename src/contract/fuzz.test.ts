import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseListFilters } from './list-filters.ts';
import { parsePlivoList, parsePlivoSession } from './parse-plivo.ts';
import { sessionSchema } from './session.ts';

/**
 * Hostile-input properties: whatever Plivo (or a proxy in between) sends, parsing yields
 * readable sessions or a named problem — never a throw — and whatever query string arrives,
 * the filter parser yields filters or named issues.
 */
const dir = fileURLToPath(new URL('../../e2e/fixtures/plivo-sdk/', import.meta.url));
const fixtures = readdirSync(dir)
  .filter((f) => /list|get/i.test(f))
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as unknown);

const weird = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.anything(), { maxLength: 3 }),
);

/** Replaces or deletes the value at one random path of a JSON tree. */
function mutate(value: unknown, path: number[], replacement: unknown, drop: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [head = 0, ...rest] = path;
  const [key, child] = entries[head % entries.length]!;
  if (drop && rest.length === 0) {
    if (Array.isArray(value)) return value.filter((_, i) => i !== key);
    const copy: Record<string, unknown> = { ...value };
    delete copy[String(key)];
    return copy;
  }
  const next = mutate(child, rest, replacement, drop);
  if (Array.isArray(value)) return value.map((v, i) => (i === key ? next : v));
  return { ...value, [String(key)]: next };
}

describe('fuzzing the payload parser', () => {
  it('never throws on mutated real payloads, and what it returns is a valid session', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }),
        weird,
        fc.boolean(),
        (fixture, path, replacement, drop) => {
          const mutated = mutate(fixture, path, replacement, drop);
          const outcomes = [parsePlivoList(mutated), parsePlivoSession(mutated)].map((result) => {
            if (!result.ok) return /\w/.test(result.message);
            const sessions = 'sessions' in result.value ? result.value.sessions : [result.value];
            return sessions.every((s) => sessionSchema.safeParse(s).success);
          });
          expect(outcomes).toEqual([true, true]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(typeof parsePlivoList(json).ok).toBe('boolean');
        expect(typeof parsePlivoSession(json).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fuzzing the filter parser', () => {
  it('turns any query string into filters or issues that name a parameter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        const result = parseListFilters(new URLSearchParams(query));
        const unnamed = result.ok
          ? []
          : result.issues.filter(
              (i) => !i.message.startsWith(i.param) && i.param !== 'session_time',
            );
        expect(unnamed).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
