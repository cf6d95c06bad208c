import { z } from './zod.ts';
import { CHANNELS } from './session.ts';
import { VERDICT_KINDS } from './verdict-kinds.ts';
import { parseMoney } from './money.ts';

/**
 * Filters Plivo's list call lacks. The server applies them when the session index answers;
 * otherwise it refuses with 409 `not_indexed` naming the filter, never dropping it silently.
 * List-valued ones take a comma-separated list (any of them matches).
 */
const list = (item: z.ZodMiniType<string, string>, what: string) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((v: string) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ),
    z
      .array(item)
      .check(
        z.minLength(1, `must name at least one ${what}`),
        z.maxLength(50, 'has too many values'),
      ),
  );

const lowerEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((v: string) => v.toLowerCase()),
    ),
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
  );

const NETWORK = z.string().check(z.maxLength(100, 'must be at most 100 characters'));

export const indexFilterRules = {
  /** Carrier (Plivo's destination_network), matched without regard to case. */
  network: list(NETWORK, 'network'),
  /** The channel of the session's last attempt. */
  channel: list(lowerEnum(CHANNELS), 'channel'),
  /** Sessions with at least one attempt on this channel. */
  attempt_channel: list(lowerEnum(CHANNELS), 'channel'),
  verdict: list(lowerEnum(VERDICT_KINDS), 'verdict'),
  attempts_min: z.pipe(
    z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number from 0 to 999')),
    z.transform(Number),
  ),
  /** The last digits a caller reads out: at least 4, at most 15. */
  recipient_contains: z.pipe(
    z.pipe(
      z.string(),
      z.transform((v: string) => v.replace(/[\s().+-]/g, '')),
    ),
    z.string().check(z.regex(/^\d{4,15}$/, 'must be 4 to 15 digits, like 1370')),
  ),
  /** Total charge at least this many US dollars (decimal). */
  charge_min: z
    .string()
    .check(
      z.refine(
        (v) => /^\d{1,6}(?:\.\d{1,9})?$/.test(v) && parseMoney(v) !== null,
        'must be an amount in USD like 0.05',
      ),
    ),
} as const;

export type IndexFilterParam = keyof typeof indexFilterRules;
export const INDEX_FILTER_PARAMS = Object.keys(indexFilterRules) as IndexFilterParam[];
export type IndexFilters = { [K in IndexFilterParam]?: z.output<(typeof indexFilterRules)[K]> };

export function isIndexFilterParam(name: string): name is IndexFilterParam {
  return Object.hasOwn(indexFilterRules, name);
}

/** Canonical query text of index filters (stable order, lists joined by commas). */
export function indexFiltersToQuery(filters: IndexFilters, into = new URLSearchParams()) {
  for (const name of INDEX_FILTER_PARAMS) {
    const value = filters[name];
    if (value === undefined) continue;
    into.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return into;
}
