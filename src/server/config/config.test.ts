import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { hashPassword, parseUserList, verifyPassword } from '../access/passwords.ts';

const ID = 'MAODZKMDFJMJU3MTEYNG';
const TOKEN = 'a-secret-token-value-123';

describe('parseConfig', () => {
  it('defaults to the simulator on loopback:8080 with the documented budget', () => {
    const result = parseConfig({});
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.config).toMatchObject({
      upstream: { mode: 'simulator', simulator: { testControls: false } },
      host: '127.0.0.1',
      port: 8080,
      webDistDir: 'dist/web',
      budget: { listPerMinute: 20, retrievePerMinute: 60, queueSize: 20, maxWaitMs: 5_000 },
      cacheTtlMs: 30_000,
      upstreamTimeoutMs: 10_000,
      access: { kind: 'none' },
    });
  });

  it('uses live Plivo when both credentials are set', () => {
    const result = parseConfig({
      PLIVO_AUTH_ID: ID,
      PLIVO_AUTH_TOKEN: TOKEN,
      PLIVO_API_URL: 'http://127.0.0.1:9/',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        upstream: { mode: 'plivo', authId: ID, authToken: TOKEN, apiUrl: 'http://127.0.0.1:9' },
      },
    });
  });

  it('honours SIM_* in simulator mode and treats blank variables as unset', () => {
    const result = parseConfig({
      PLIVO_AUTH_ID: '',
      SIM_SEED: '7',
      SIM_NOW: '2026-11-20T12:00:00Z',
      SIM_SESSIONS_PER_DAY: '300',
      SIM_TEST_CONTROLS: '1',
      SIM_AUTH_TOKEN: 'sim-token',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        upstream: {
          mode: 'simulator',
          simulator: {
            seed: '7',
            now: '2026-11-20T12:00:00Z',
            sessionsPerDay: 300,
            testControls: true,
            authToken: 'sim-token',
          },
        },
      },
    });
  });

  it('lists every problem at once and never repeats the token', () => {
    const result = parseConfig({
      PLIVO_AUTH_TOKEN: TOKEN,
      PORT: 'eighty',
      PLIVO_API_URL: 'ftp://example.com',
      CACHE_TTL_SECONDS: '-1',
      TRUST_IDENTITY_HEADER: 'X Bad',
      DASHBOARD_USERS: 'alice:plain',
    });
    if (result.ok) throw new Error('expected problems');
    const text = result.problems.join('\n');
    for (const name of [
      'PORT',
      'PLIVO_API_URL',
      'CACHE_TTL_SECONDS',
      'TRUST_IDENTITY_HEADER',
      'PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN go together',
      'DASHBOARD_USERS user alice has no valid scrypt hash',
    ]) {
      expect(text).toContain(name);
    }
    expect(result.problems.length).toBeGreaterThanOrEqual(6);
    expect(text).not.toContain(TOKEN);
  });

  it('refuses credentials in PLIVO_API_URL without repeating them', () => {
    for (const url of ['https://user:pa55word@api.plivo.com', 'https://user@api.plivo.com']) {
      const result = parseConfig({ PLIVO_API_URL: url });
      if (result.ok) throw new Error(`${url} was accepted`);
      expect(result.problems).toEqual([
        'PLIVO_API_URL must not contain a user name or password (use PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN)',
      ]);
    }
  });

  it('refuses a user list that lists nobody, rather than starting without sign-in', () => {
    for (const users of [', ', ',', ' , ,\n', '   ']) {
      expect(parseConfig({ DASHBOARD_USERS: users })).toEqual({
        ok: false,
        problems: ['DASHBOARD_USERS is set but lists no user (unset it to run without sign-in)'],
      });
    }
    // An empty value is unset, as for every variable.
    expect(parseConfig({ DASHBOARD_USERS: '' })).toMatchObject({
      ok: true,
      config: { access: { kind: 'none' } },
    });
  });

  it('refuses as identity header one that every client sends', () => {
    for (const header of ['Host', 'Authorization', 'Cookie', 'user-agent', 'Accept-Language']) {
      expect(parseConfig({ TRUST_IDENTITY_HEADER: header })).toEqual({
        ok: false,
        problems: [
          'TRUST_IDENTITY_HEADER must be a header only the login proxy sets (like X-Forwarded-Email), not one every client sends',
        ],
      });
    }
    for (const header of ['Sec-Fetch-Site', 'Content-Type', 'X-Forwarded-For', 'Forwarded']) {
      expect(parseConfig({ TRUST_IDENTITY_HEADER: header }).ok).toBe(false);
    }
    for (const header of ['X-Forwarded-Email', 'X-Auth-Request-User', 'Remote-User']) {
      expect(parseConfig({ TRUST_IDENTITY_HEADER: header })).toMatchObject({
        ok: true,
        config: { access: { kind: 'header', header: header.toLowerCase() } },
      });
    }
  });

  it('trusts loopback proxies by default and reads TRUSTED_PROXIES as addresses and ranges', () => {
    const proxiesOf = (env: Record<string, string>) => {
      const result = parseConfig(env);
      if (!result.ok) throw new Error(result.problems.join());
      return result.config.trustedProxies;
    };
    const loopback = proxiesOf({});
    for (const [address, trusted] of [
      ['127.0.0.1', true],
      ['127.9.8.7', true],
      ['::1', true],
      ['::ffff:127.0.0.1', true],
      ['10.0.0.1', false],
      ['::ffff:10.0.0.1', false],
      ['', false],
    ] as const) {
      expect([address, loopback.includes(address)]).toEqual([address, trusted]);
    }
    const listed = proxiesOf({ TRUSTED_PROXIES: '10.1.0.0/16, 192.0.2.7, fd00::/8' });
    expect(['10.1.200.3', '192.0.2.7', 'fd12::5', '::ffff:10.1.0.9'].map(listed.includes)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.2.0.1', '192.0.2.8', '127.0.0.1', '::1'].map(listed.includes)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('names each unusable TRUSTED_PROXIES entry', () => {
    const result = parseConfig({ TRUSTED_PROXIES: '10.0.0.0/33, proxy.local, 10.0.0.0/, ::1/129' });
    expect(result).toEqual({
      ok: false,
      problems: ['10.0.0.0/33', 'proxy.local', '10.0.0.0/', '::1/129'].map(
        (entry) => `TRUSTED_PROXIES "${entry}" is not an IP address or CIDR range like 10.0.0.0/8`,
      ),
    });
    expect(parseConfig({ TRUSTED_PROXIES: ' , ' })).toEqual({
      ok: false,
      problems: ['TRUSTED_PROXIES lists no address'],
    });
  });

  it('checks the Auth ID format', () => {
    const result = parseConfig({ PLIVO_AUTH_ID: 'nope', PLIVO_AUTH_TOKEN: TOKEN });
    expect(result).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^PLIVO_AUTH_ID must be MA or SA/)],
    });
  });

  it('keeps short links in DATA_DIR, with or without the index, never expiring unless told', () => {
    const links = (env: Record<string, string>) => {
      const result = parseConfig(env);
      return result.ok ? result.config.links : result.problems;
    };
    expect(links({ INDEX: 'off', DATA_DIR: '/var/x' })).toEqual({
      dataDir: '/var/x',
      ttlDays: null,
    });
    expect(links({ SHORT_LINK_TTL_DAYS: '400' })).toEqual({ dataDir: './data', ttlDays: 400 });
    expect(links({ SHORT_LINKS: 'off', SHORT_LINK_TTL_DAYS: '30' })).toBeNull();
    expect(links({ SHORT_LINK_TTL_DAYS: '0' })).toEqual(['SHORT_LINK_TTL_DAYS must be at least 1']);
    expect(links({ SHORT_LINKS: 'maybe', SHORT_LINK_TTL_DAYS: '7d' })).toEqual([
      'SHORT_LINKS must be on or off',
      'SHORT_LINK_TTL_DAYS must be a whole number from 1 to 36500',
    ]);
  });
});

describe('dashboard passwords', () => {
  it('hashes with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\.16384\.8\.1\./);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterz', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'scrypt.garbage')).toBe(false);
  });

  it('refuses hashes too weak to protect or too costly to check at every sign-in', async () => {
    const [, , , , salt, key] = (await hashPassword('x'.repeat(12))).split('.');
    const withCost = (cost: string) => `alice:scrypt.${cost}.${salt}.${key}`;
    expect(parseUserList(withCost('16384.8.1')).problems).toEqual([]);
    expect(parseUserList(withCost('32768.8.2')).problems).toEqual([]);
    for (const weak of ['2.1.1', '1024.8.1', '16383.8.1', '16384.0.1']) {
      expect(parseUserList(withCost(weak)).problems).toEqual([
        expect.stringMatching(/^user alice has a scrypt hash of too weak a cost/),
      ]);
    }
    // 2^16 × 8 needs just over scrypt's 64 MiB limit: every sign-in would be a server error.
    for (const costly of ['65536.8.1', '16384.8.99', '1048576.1.1']) {
      expect(parseUserList(withCost(costly)).problems).toEqual([
        expect.stringMatching(/^user alice has a scrypt hash of too high a cost/),
      ]);
    }
  });

  it('parses users separated by commas or whitespace and names broken entries', async () => {
    const hash = await hashPassword('x'.repeat(12));
    expect(
      parseUserList(`alice:${hash}, bob:${hash}\ncarol:${hash}`).users.map((u) => u.name),
    ).toEqual(['alice', 'bob', 'carol']);
    expect(parseUserList(`alice:${hash},alice:${hash},nohash,:${hash}`).problems).toEqual([
      'user alice is listed twice',
      'entry 3 must look like name:scrypt.… (run npm run hash-password)',
      'entry 4 must look like name:scrypt.… (run npm run hash-password)',
    ]);
  });
});

describe('parseConfig: UPSTREAM and NODE_ENV=production', () => {
  const problemsOf = (env: Record<string, string>) => {
    const result = parseConfig(env);
    return result.ok ? [] : result.problems;
  };
  const modeOf = (env: Record<string, string>) => {
    const result = parseConfig(env);
    if (!result.ok) throw new Error(result.problems.join());
    return result.config.upstream.mode;
  };

  it('refuses to start in production without credentials, saying what to set', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'NODE_ENV=production needs Plivo credentials: set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN (or UPSTREAM=simulator for a demo on generated data)',
    ]);
    // A blank UPSTREAM is unset, not a way around the rule.
    expect(problemsOf({ NODE_ENV: 'production', UPSTREAM: ' ' })).toHaveLength(1);
  });

  it('serves Plivo in production with credentials, and the simulator when asked outright', () => {
    expect(modeOf({ NODE_ENV: 'production', PLIVO_AUTH_ID: ID, PLIVO_AUTH_TOKEN: TOKEN })).toBe(
      'plivo',
    );
    expect(modeOf({ NODE_ENV: 'production', UPSTREAM: 'simulator' })).toBe('simulator');
    expect(modeOf({ NODE_ENV: 'development' })).toBe('simulator');
    expect(modeOf({ UPSTREAM: 'plivo', PLIVO_AUTH_ID: ID, PLIVO_AUTH_TOKEN: TOKEN })).toBe('plivo');
  });

  it('holds UPSTREAM to its word', () => {
    expect(problemsOf({ UPSTREAM: 'plivo' })).toEqual([
      'UPSTREAM=plivo needs PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN',
    ]);
    const both = problemsOf({ UPSTREAM: 'simulator', PLIVO_AUTH_ID: ID, PLIVO_AUTH_TOKEN: TOKEN });
    expect(both).toEqual([expect.stringMatching(/^UPSTREAM=simulator serves generated data/)]);
    expect(both.join()).not.toContain(TOKEN);
    expect(problemsOf({ UPSTREAM: 'live' })).toEqual(['UPSTREAM must be plivo or simulator']);
  });
});
