import type { ListFilters } from '../contract/list-filters.ts';
import { queryWindow } from '../contract/query-window.ts';
import type { World } from './catalog.ts';
import { COUNTRIES } from './countries.ts';
import { HOUR_US } from './generator.ts';
import { statusAt, type SessionRef, type Store } from './store.ts';

/**
 * Answers a list request: newest first, inside the time window Plivo applies (the last 24
 * hours unless a `session_time*` filter is given, never more than 90 days), scanning hour
 * buckets from the newest down and stopping as soon as the page (plus one row, to know
 * whether there is a next page) is full.
 */
export type Scope = { accounts: readonly number[] };

export type ListQuery = { filters: ListFilters; scope: Scope; nowUs: number };

type ListResult = { refs: SessionRef[]; limit: number; offset: number; hasMore: boolean };

export function listSessions(store: Store, world: World, query: ListQuery): ListResult {
  const { filters, nowUs } = query;
  const limit = filters.limit ?? 20;
  const offset = filters.offset ?? 0;
  const window = queryWindow(filters, nowUs);
  let lo = window.fromUs;
  const hi = window.toUs;
  // Only sessions still inside their code's validity can be in progress: skip older hours.
  if (filters.status === 'in-progress') lo = Math.max(lo, nowUs - maxValidityUs(world));
  const apps = allowedApps(world, filters, query.scope);
  const country = filters.country === undefined ? -1 : countryIndex(filters.country);
  const recipient = filters.recipient === undefined ? NaN : Number(filters.recipient.slice(1));
  const wanted = offset + limit + 1;
  const refs: SessionRef[] = [];
  let matched = 0;
  if (apps.some(Boolean) && country !== -2 && lo <= hi) {
    for (let hour = Math.floor(hi / HOUR_US); hour >= Math.floor(lo / HOUR_US); hour--) {
      const b = store.bucket(hour);
      for (let i = b.count - 1; i >= 0; i--) {
        const created = b.createdUs[i] ?? 0;
        if (created > hi) continue;
        if (created < lo) break;
        if (!Number.isNaN(recipient) && b.recipient[i] !== recipient) continue;
        if (!apps[b.app[i] ?? 0]) continue;
        if (country >= 0 && b.country[i] !== country) continue;
        if (filters.status !== undefined) {
          const status = statusAt(b.verifiedUs[i] ?? Infinity, b.expiresUs[i] ?? 0, nowUs);
          if (status !== filters.status) continue;
        }
        matched++;
        if (matched > offset && refs.length < limit) refs.push({ hour, index: i });
        if (matched >= wanted) return { refs, limit, offset, hasMore: true };
      }
    }
  }
  return { refs, limit, offset, hasMore: false };
}

function maxValidityUs(world: World): number {
  return Math.max(...world.apps.map((a) => a.validity)) * 1_000_000;
}

/** -1 = no filter; -2 = a country no session goes to. */
function countryIndex(iso2: string): number {
  const index = COUNTRIES.findIndex((c) => c.iso2 === iso2);
  return index === -1 ? -2 : index;
}

/** App-level filters (uuid, alias, brand, hash, account) folded into one allowed-app mask. */
function allowedApps(world: World, filters: ListFilters, scope: Scope): boolean[] {
  return world.apps.map(
    (app) =>
      scope.accounts.includes(app.account) &&
      (filters.app_uuid === undefined || app.uuid === filters.app_uuid.toLowerCase()) &&
      (filters.alias === undefined || app.alias === filters.alias) &&
      (filters.brand_name === undefined || app.brandName === filters.brand_name) &&
      (filters.app_hash === undefined || app.appHash === filters.app_hash),
  );
}
