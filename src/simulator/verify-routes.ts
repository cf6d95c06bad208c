import { parseListFilters } from '../contract/list-filters.ts';
import type { PlivoWireListResponse } from '../contract/plivo-wire.ts';
import type { World } from './catalog.ts';
import { errorReply, type AppContext } from './app.ts';
import { listSessions, type Scope } from './query.ts';
import type { Store } from './store.ts';
import { renderSession } from './wire.ts';

/** The list and retrieve handlers, behind auth and the rate limit (see `app.ts`). */
type RouteDeps = {
  store: Store;
  world: World;
  nowUs: () => number;
  apiId: () => string;
};

/**
 * The Node SDK snake-cases `session_time__gt` into `session_time_gt` unless it is called with
 * `sessionTimeGreaterThan`; reading both spellings keeps that SDK usable as written.
 */
const SDK_SPELLINGS: Record<string, string> = {
  session_time_gt: 'session_time__gt',
  session_time_gte: 'session_time__gte',
  session_time_lt: 'session_time__lt',
  session_time_lte: 'session_time__lte',
};

function queryParams(url: string): [string, string][] {
  const entries = [...new URL(url).searchParams];
  const names = new Set(entries.map(([name]) => name));
  return entries.map(([name, value]) => {
    const canonical = SDK_SPELLINGS[name];
    return canonical && !names.has(canonical) ? [canonical, value] : [name, value];
  });
}

/** Which accounts' sessions a caller may see; the parent is account 0. */
function scopeOf(world: World, caller: number, subaccount: string | undefined): Scope {
  const all = [0, 1, 2];
  const wanted =
    subaccount === undefined
      ? null
      : world.subaccounts.findIndex((s) => s.authId === subaccount) + 1;
  if (caller === 0) return { accounts: wanted === null ? all : wanted > 0 ? [wanted] : [] };
  return { accounts: wanted === null || wanted === caller ? [caller] : [] };
}

export function listHandler(deps: RouteDeps) {
  return (c: AppContext): Response => {
    const apiId = deps.apiId();
    const parsed = parseListFilters(queryParams(c.req.url), { ignoreUnknown: true });
    if (!parsed.ok) {
      const text = parsed.issues.map((i) =>
        i.message.startsWith(i.param) ? i.message : `${i.param}: ${i.message}`,
      );
      return errorReply(c, apiId, 400, text.join('; '));
    }
    const nowUs = deps.nowUs();
    const { filters } = parsed;
    const scope = scopeOf(deps.world, c.get('account'), filters.subaccount);
    const result = listSessions(deps.store, deps.world, { filters, scope, nowUs });
    const base = `/v1/Account/${c.req.param('authId') ?? ''}/Verify/Session/`;
    const page = (offset: number) => `${base}?limit=${result.limit}&offset=${offset}`;
    const sessions = result.refs.map((ref) =>
      renderSession(deps.world, deps.store.session(ref), nowUs, 'ist'),
    );
    const body: PlivoWireListResponse = {
      api_id: apiId,
      meta: {
        limit: result.limit,
        offset: result.offset,
        next: result.hasMore ? page(result.offset + result.limit) : null,
        previous: result.offset > 0 ? page(Math.max(0, result.offset - result.limit)) : null,
      },
      sessions: sessions.length ? sessions : null,
    };
    return c.json(body);
  };
}

export function retrieveHandler(deps: RouteDeps) {
  return (c: AppContext): Response => {
    const apiId = deps.apiId();
    const nowUs = deps.nowUs();
    const found = deps.store.find(c.req.param('uuid') ?? '', nowUs);
    const app = found ? deps.world.apps[found.session.app] : undefined;
    const scope = scopeOf(deps.world, c.get('account'), undefined);
    if (!found || !app || !scope.accounts.includes(app.account)) {
      return errorReply(c, apiId, 404, 'not found');
    }
    return c.json({ api_id: apiId, ...renderSession(deps.world, found.session, nowUs, 'utc') });
  };
}
