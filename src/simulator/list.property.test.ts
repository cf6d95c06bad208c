import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './countries.ts';
import { HOUR_US } from './generator.ts';
import { statusAt, type SessionRef } from './store.ts';
import { listBody, testSimulator, TEST_NOW_MS } from './test-support.ts';

/**
 * Random filter combinations against a brute-force oracle: every session of the 90 days is
 * checked one by one, sorted newest first, and the page must be exactly its slice.
 */
const sim = testSimulator({ sessionsPerDay: 120 });
const nowUs = TEST_NOW_MS * 1000;
const DAY_US = 24 * HOUR_US;
const plivoTime = (us: number) =>
  new Date(Math.floor(us / 1000)).toISOString().slice(0, 19).replace('T', '+');

type Query = {
  status?: 'in-progress' | 'verified' | 'expired';
  country?: number;
  app?: number;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
};

function oracle(q: Query): SessionRef[] {
  const lo = q.from ?? (q.to === undefined ? nowUs - DAY_US : nowUs - 90 * DAY_US);
  const hi = q.to ?? nowUs;
  const matches: (SessionRef & { created: number })[] = [];
  const first = Math.floor((nowUs - 90 * DAY_US) / HOUR_US);
  for (let hour = first; hour <= Math.floor(nowUs / HOUR_US); hour++) {
    const b = sim.store.bucket(hour);
    for (let i = 0; i < b.count; i++) {
      const created = b.createdUs[i] ?? 0;
      if (created < Math.max(lo, nowUs - 90 * DAY_US) || created > Math.min(hi, nowUs)) continue;
      if (q.country !== undefined && b.country[i] !== q.country) continue;
      if (q.app !== undefined && b.app[i] !== q.app) continue;
      const status = statusAt(b.verifiedUs[i] ?? Infinity, b.expiresUs[i] ?? 0, nowUs);
      if (q.status !== undefined && status !== q.status) continue;
      matches.push({ hour, index: i, created });
    }
  }
  matches.sort((a, b) => b.created - a.created);
  return matches.slice(q.offset, q.offset + q.limit);
}

function toQuery(q: Query): string {
  const parts = [`limit=${q.limit}`, `offset=${q.offset}`];
  if (q.status) parts.push(`status=${q.status}`);
  if (q.country !== undefined) parts.push(`country=${COUNTRIES[q.country]?.iso2}`);
  if (q.app !== undefined) parts.push(`app_uuid=${sim.world.apps[q.app]?.uuid}`);
  if (q.from !== undefined) parts.push(`session_time__gte=${plivoTime(q.from)}`);
  if (q.to !== undefined) parts.push(`session_time__lte=${plivoTime(q.to)}`);
  return parts.join('&');
}

describe('list results', () => {
  it('equal the oracle’s newest-first slice for random filters and windows', async () => {
    const secondsAgo = fc.integer({ min: 0, max: 100 * 86_400 });
    const arbitrary = fc
      .record({
        status: fc.option(fc.constantFrom('in-progress', 'verified', 'expired'), {
          nil: undefined,
        }),
        country: fc.option(fc.integer({ min: 0, max: COUNTRIES.length - 1 }), { nil: undefined }),
        app: fc.option(fc.integer({ min: 0, max: sim.world.apps.length - 1 }), { nil: undefined }),
        fromAgo: fc.option(secondsAgo, { nil: undefined, freq: 2 }),
        toAgo: fc.option(secondsAgo, { nil: undefined, freq: 2 }),
        limit: fc.integer({ min: 1, max: 20 }),
        offset: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3000 })),
      })
      .map(({ fromAgo, toAgo, ...rest }): Query => {
        // Whole seconds, since the filter format is printed to the second here.
        const at = (ago: number | undefined) =>
          ago === undefined ? undefined : Math.floor(nowUs / 1e6 - ago) * 1e6;
        const [from, to] = [at(fromAgo), at(toAgo)];
        return from !== undefined && to !== undefined && from > to
          ? { ...rest, from: to, to: from }
          : { ...rest, from, to };
      });
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (q) => {
        const body = await listBody(await sim.get(sim.listPath(toQuery(q))));
        const expected = oracle(q).map((ref) => sim.store.session(ref).uuid);
        expect((body.sessions ?? []).map((s) => s.session_uuid)).toEqual(expected);
        expect(body.sessions === null).toBe(expected.length === 0);
        if (expected.length) nonEmpty++;
      }),
      { numRuns: 150, seed: 42 },
    );
    // Guards against a generator that only ever asks for empty pages.
    expect(nonEmpty).toBeGreaterThan(30);
  }, 60_000);
});
