// A second dashboard for browser tests on REAL Plivo payloads: a fake Plivo serving the SDK
// fixtures in e2e/fixtures/plivo-sdk, and the real dashboard server in live mode pointed at
// it, on E2E_FIXTURE_PORT (default 4318). What the fake serves:
//   list, `alias=<sdk>` (python, java, ruby, php, go, dotnet): that SDK's list payload verbatim;
//   list otherwise: every fixture session (newest payloads first), filtered by recipient,
//     status, app_uuid and country, 20 a page with Plivo's meta; time filters are ignored
//     (the payloads are from 2023);
//   retrieve: the SDK's retrieve payload for that uuid (php, python, java, ruby, go, dotnet
//     first; three SDKs share 4124e518-…), else the list entry, else Plivo's 404.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configFrom } from '../../src/server/config/config.ts';
import { FIXTURE_AUTH_ID, FIXTURE_AUTH_TOKEN } from './credentials.ts';
import { startServer } from '../../src/server/server.ts';
import {
  startFakeUpstream,
  type FakeReply,
  type FakeRequest,
} from '../../src/server/testing/fake-upstream.ts';

const SDKS = ['php', 'python', 'java', 'ruby', 'go', 'dotnet'] as const;

type Wire = Record<string, unknown> & { session_uuid: string };
const dir = fileURLToPath(new URL('../fixtures/plivo-sdk/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));
const sdkOf = (file: string) => /^plivo-([a-z]+)__/.exec(file)?.[1] ?? '';
const bySdk = <T>(pattern: RegExp) =>
  new Map(
    SDKS.map((sdk) => [
      sdk,
      read(files.find((f) => sdkOf(f) === sdk && pattern.test(f)) ?? '') as T,
    ]),
  );

const lists = bySdk<{ sessions: Wire[] | null }>(/list/i);
const gets = bySdk<Wire>(/get/i);
const allSessions: Wire[] = [];
for (const sdk of SDKS) {
  for (const s of lists.get(sdk)?.sessions ?? []) {
    if (!allSessions.some((t) => t.session_uuid === s.session_uuid)) allSessions.push(s);
  }
}

const digits = (v: unknown) =>
  (typeof v === 'string' || typeof v === 'number' ? String(v) : '').replace(/\D/g, '');
const listPath = `/v1/Account/${FIXTURE_AUTH_ID}/Verify/Session/`;
const expectedAuth = `Basic ${Buffer.from(`${FIXTURE_AUTH_ID}:${FIXTURE_AUTH_TOKEN}`).toString('base64')}`;

function answer(req: FakeRequest): FakeReply {
  if (req.headers.authorization !== expectedAuth) {
    return { status: 401, json: { error: 'authentication credentials were not provided' } };
  }
  if (req.path === listPath) return list(req.query);
  const uuid = req.path.startsWith(listPath)
    ? req.path.slice(listPath.length).replace(/\/$/, '')
    : '';
  const found =
    SDKS.map((sdk) => gets.get(sdk)).find((g) => g?.session_uuid === uuid) ??
    allSessions.find((s) => s.session_uuid === uuid);
  if (found) return { json: { api_id: 'e2e-fixture-get', ...found } };
  return { status: 404, json: { api_id: 'e2e-fixture-404', error: 'not found' } };
}

function list(query: URLSearchParams): FakeReply {
  const alias = query.get('alias') ?? '';
  const verbatim = (SDKS as readonly string[]).includes(alias)
    ? lists.get(alias as (typeof SDKS)[number])
    : undefined;
  if (verbatim) return { json: verbatim };
  const want = {
    recipient: digits(query.get('recipient')),
    status: query.get('status')?.toLowerCase(),
    app_uuid: query.get('app_uuid'),
    country: query.get('country')?.toUpperCase(),
  };
  const rows = allSessions.filter(
    (s) =>
      (!want.recipient || digits(s.recipient) === want.recipient) &&
      (!want.status || String(s.status).toLowerCase() === want.status) &&
      (!want.app_uuid || s.app_uuid === want.app_uuid) &&
      (!want.country || s.destination_country_iso2 === want.country) &&
      (!alias || s.alias === alias),
  );
  const limit = Number(query.get('limit') ?? 20);
  const offset = Number(query.get('offset') ?? 0);
  const pageRows = rows.slice(offset, offset + limit);
  const link = (o: number) => `${listPath}?limit=${limit}&offset=${o}`;
  const meta = {
    limit,
    offset,
    next: offset + limit < rows.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
  };
  return {
    json: { api_id: 'e2e-fixture-list', meta, sessions: pageRows.length ? pageRows : null },
  };
}

const upstream = await startFakeUpstream(answer);
const server = await startServer(
  configFrom({
    INDEX: 'off',
    // Short links would write into the working copy's ./data; the main e2e server tests them.
    SHORT_LINKS: 'off',
    HOST: '127.0.0.1',
    PORT: process.env.E2E_FIXTURE_PORT ?? '4318',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'dist/web',
    PLIVO_AUTH_ID: FIXTURE_AUTH_ID,
    PLIVO_AUTH_TOKEN: FIXTURE_AUTH_TOKEN,
    PLIVO_API_URL: upstream.url,
  }),
);
console.log(
  `Fake Plivo serving the SDK fixtures at ${upstream.url} (${allSessions.length} sessions)`,
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void Promise.all([server.close(), upstream.close()]).finally(() => process.exit(0));
  });
}
