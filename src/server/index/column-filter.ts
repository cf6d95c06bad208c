import type { IndexFilters } from '../../contract/index-filters.ts';
import type { ListFilters } from '../../contract/list-filters.ts';
import { parseMoney } from '../../contract/money.ts';
import type { QueryWindow } from '../../contract/query-window.ts';
import { VERDICT_KINDS } from '../../contract/verdict.ts';
import { CHANNEL_BITS, type Columns, type Dictionary } from './columns.ts';

/**
 * One query compiled against the columns: per-dictionary lookup tables and thresholds, so
 * the scan loop is array reads and comparisons only. Semantics follow Plivo's (and the
 * simulator's) list call; the index-only filters are documented in the README.
 */
export type CompiledFilter = {
  fromUs: number;
  toUs: number;
  masks: [Uint32Array | Uint16Array | Uint8Array, Uint8Array][];
  verdict: Uint8Array | null;
  attemptBits: number;
  attemptsMin: number;
  chargeMin: number;
  /** Rowids found by SQL (recipient look-ups); null = scan the time order. */
  candidates: number[] | null;
};

const inList = (values: readonly string[], fold: (s: string) => string) => {
  const wanted = new Set(values.map(fold));
  return (v: string | null) => v !== null && wanted.has(fold(v));
};
const same = (s: string) => s;
const lower = (s: string) => s.toLowerCase();
const upper = (s: string) => s.toUpperCase();
const member = (value: string) => (v: string | null) => v !== null && v.split('|').includes(value);

export function compileFilter(
  cols: Columns,
  filters: ListFilters,
  index: IndexFilters,
  window: QueryWindow,
  candidates: number[] | null,
): CompiledFilter {
  const masks: CompiledFilter['masks'] = [];
  const d = cols.dicts;
  const add = (
    column: Uint32Array | Uint16Array | Uint8Array,
    dict: Dictionary,
    test: ((v: string | null) => boolean) | null,
  ) => {
    if (test) masks.push([column, dict.mask(test)]);
  };
  const one = (value: string | undefined, fold: (s: string) => string) =>
    value === undefined ? null : inList([value], fold);
  add(cols.status, d.status, one(filters.status, lower));
  add(cols.app, d.app, one(filters.app_uuid, lower));
  add(cols.country, d.country, one(filters.country, upper));
  add(cols.alias, d.alias, one(filters.alias, same));
  add(cols.sub, d.sub, one(filters.subaccount, upper));
  add(cols.brands, d.brands, filters.brand_name === undefined ? null : member(filters.brand_name));
  add(cols.hashes, d.hashes, filters.app_hash === undefined ? null : member(filters.app_hash));
  add(cols.network, d.network, index.network ? inList(index.network, lower) : null);
  add(cols.channel, d.channel, index.channel ? inList(index.channel, lower) : null);
  const verdicts = index.verdict ? new Set<string>(index.verdict) : null;
  return {
    fromUs: window.fromUs,
    toUs: window.toUs,
    masks,
    verdict: verdicts ? Uint8Array.from(VERDICT_KINDS, (k) => (verdicts.has(k) ? 1 : 0)) : null,
    attemptBits: (index.attempt_channel ?? []).reduce(
      (bits, c) => bits | (CHANNEL_BITS[c] ?? 0),
      0,
    ),
    attemptsMin: index.attempts_min ?? 0,
    chargeMin: index.charge_min === undefined ? 0 : Number(parseMoney(index.charge_min) ?? 0n),
    candidates,
  };
}

/** Calls `visit` for every matching row, newest first, until it returns false. */
export function scan(cols: Columns, f: CompiledFilter, visit: (row: number) => boolean | void) {
  const matches = matcher(cols, f);
  if (f.candidates) {
    const rows = f.candidates.filter((r) => cols.has(r));
    rows.sort((a, b) => (cols.created[b] ?? 0) - (cols.created[a] ?? 0) || b - a);
    for (const r of rows) if (matches(r) && visit(r) === false) return;
    return;
  }
  const { order, created } = cols;
  const end = cols.count;
  for (let k = firstAtOrBefore(cols, f.toUs); k < end; k++) {
    const r = order[k] ?? 0;
    if ((created[r] ?? 0) < f.fromUs) return;
    if (matches(r) && visit(r) === false) return;
  }
}

function matcher(cols: Columns, f: CompiledFilter): (r: number) => boolean {
  const { masks, verdict, attemptBits, attemptsMin, chargeMin, fromUs, toUs } = f;
  const { created, attemptChannels, attempts, charge } = cols;
  const v = cols.verdict;
  return (r) => {
    const t = created[r] ?? NaN;
    if (!(t >= fromUs && t <= toUs)) return false;
    for (let m = 0; m < masks.length; m++) {
      const [column, mask] = masks[m] as [Uint8Array, Uint8Array];
      if (!mask[column[r] ?? 0]) return false;
    }
    if (verdict && !verdict[v[r] ?? 0]) return false;
    if (attemptBits && !((attemptChannels[r] ?? 0) & attemptBits)) return false;
    if (attemptsMin && (attempts[r] ?? 0) < attemptsMin) return false;
    if (chargeMin && (charge[r] ?? 0) < chargeMin) return false;
    return true;
  };
}

/** Index in `order` of the first row created at or before `us` (binary search). */
function firstAtOrBefore(cols: Columns, us: number): number {
  let [lo, hi] = [0, cols.count];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cols.created[cols.order[mid] ?? 0] ?? 0) > us) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
